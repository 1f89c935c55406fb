using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Demo;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Registry;

/// <summary>Helpers of the registry tests: the February 2021 demo registry, API keys, page text.</summary>
public static partial class RegistryTestData
{
    /// <summary>Loads the demo registry once per database (xunit makes a class instance per test).</summary>
    public static async Task LoadFebruary2021Async(PostgresDatabase database)
    {
        await Gate.WaitAsync();
        try
        {
            await using var db = database.CreateDbContext();
            if (await db.AuditEntries.AnyAsync(a => a.Action == "test.february2021"))
            {
                return;
            }

            AddFebruary2021(db);
            global::AdilSoz.Intake.Core.Moderation.Audit.Add(db, TimeProvider.System, "test", "test.february2021", "demo", null);
            await db.SaveChangesAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static void AddFebruary2021(AdilSoz.Intake.Core.Data.IntakeDbContext db)
    {
        var now = DateTimeOffset.UtcNow;
        var incidents = February2021.Incidents();
        foreach (var i in incidents)
        {
            i.CreatedAt = now;
            i.UpdatedAt = now;
        }

        db.Incidents.AddRange(incidents);
    }

    /// <summary>An HTTP client authenticated with a fresh API key of <paramref name="role"/>.</summary>
    public static async Task<HttpClient> ApiClientAsync(AdminApp app, PostgresDatabase database, string role)
    {
        var key = ApiKeys.NewKey();
        await using (var db = database.CreateDbContext())
        {
            db.ApiKeys.Add(new ApiKey
            {
                Name = $"test-{role}-{Guid.NewGuid():N}"[..24], Role = role, KeyHash = ApiKeys.Hash(key), Prefix = key[..8], CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A browser logged in with a new user of <paramref name="role"/>.</summary>
    public static async Task<HttpClient> LoggedInAsync(AdminApp app, string role, string language = "en")
    {
        var email = await app.CreateUserAsync(role);
        var browser = app.CreateBrowser(language);
        var login = await AdminApp.LogInAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    /// <summary>The visible text of a page: tags removed, entities decoded, white space collapsed.</summary>
    public static string Text(string html)
    {
        var body = Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        body = Tags().Replace(body, " ");
        return Spaces().Replace(WebUtility.HtmlDecode(body), " ").Trim();
    }

    public static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
