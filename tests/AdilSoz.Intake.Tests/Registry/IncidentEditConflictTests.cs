using System.Net;
using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Registry;

/// <summary>Two Editors edit the same incident: the second save, from the version both opened, is refused and says why.</summary>
public sealed partial class IncidentEditConflictTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly AdminApp _app = new(database);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_save_from_a_stale_form_is_refused_and_keeps_the_other_editors_change()
    {
        long id;
        await using (var db = database.CreateDbContext())
        {
            var incident = new Incident
            {
                Title = "Journalist detained in Uralsk", OccurredOn = new DateOnly(2021, 2, 3), Summary = "Detained for two hours.",
                IsPublic = true, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Incidents.Add(incident);
            await db.SaveChangesAsync();
            id = incident.Id;
        }

        var first = await RegistryTestData.LoggedInAsync(_app, Roles.Editor);
        var second = await RegistryTestData.LoggedInAsync(_app, Roles.Editor);
        var firstForm = await first.GetStringAsync($"/incidents/{id}/edit?lang=en");
        var secondForm = await second.GetStringAsync($"/incidents/{id}/edit?lang=en");
        Assert.Equal(Version(firstForm), Version(secondForm));

        var saved = await first.PostAsync($"/incidents/{id}/edit", Fields(firstForm, "Journalist detained for two hours in Uralsk"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var refused = await second.PostAsync($"/incidents/{id}/edit", Fields(secondForm, "Reporter detained in Uralsk"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else since you opened it; nothing was saved. Reload the page", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Reporter detained in Uralsk\"", html, StringComparison.Ordinal);

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal("Journalist detained for two hours in Uralsk", (await db.Incidents.SingleAsync(i => i.Id == id)).Title);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityId == id && a.Action == "incident.update"));
        }

        // Reloaded, the second Editor's save goes through.
        var reloaded = await second.GetStringAsync($"/incidents/{id}/edit?lang=en");
        Assert.NotEqual(Version(secondForm), Version(reloaded));
        var again = await second.PostAsync($"/incidents/{id}/edit", Fields(reloaded, "Reporter detained in Uralsk"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    private static string Version(string html) => VersionField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The form carries no version.");

    private static FormUrlEncodedContent Fields(string form, string title) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(form),
        ["Form.Version"] = Version(form),
        ["Form.Title"] = title,
        ["Form.OccurredOn"] = "2021-02-03",
        ["Form.DatePrecision"] = "Day",
        ["Form.Summary"] = "Detained for two hours.",
        ["Form.IsPublic"] = "true",
    });

    [GeneratedRegex("""name="Form.Version" value="(\d+)" """)]
    private static partial Regex VersionField();
}
