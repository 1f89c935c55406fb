using System.Net;
using System.Text.RegularExpressions;
using AdilSoz.Intake.Admin.Hosting;
using AdilSoz.Intake.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>The Admin site in-process on a test database, with intent-named helpers.</summary>
public sealed partial class AdminApp(PostgresDatabase database, int loginAttemptsPerMinute = 1000) : WebApplicationFactory<Admin.Pages.IndexModel>
{
    private int LoginAttemptsPerMinute { get; } = loginAttemptsPerMinute;

    public const string Password = "correct horse battery";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(l => l.AddProvider(new ErrorLog()));
        builder.UseSetting("ConnectionStrings:Intake", database.ConnectionString);
        builder.UseSetting("Security:LoginAttemptsPerMinute", LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Creates a user with a role (and the roles themselves when missing).</summary>
    public async Task<string> CreateUserAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@adilsoz.test";
        await AdminCommands.EnsureRolesAsync(Services);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        var user = new AdminUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return email;
    }

    /// <summary>A client with cookies that does not follow redirects, so tests see them.</summary>
    public HttpClient CreateBrowser(string language = "en")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>Logs in through the login form (with its antiforgery token) and returns the response.</summary>
    public static async Task<HttpResponseMessage> LogInAsync(HttpClient browser, string email, string password = Password, string? returnUrl = null)
    {
        var url = "/account/login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var form = await browser.GetStringAsync(url);
        var token = AntiforgeryToken(form);
        var fields = new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static string AntiforgeryToken(string html) =>
        TokenRegex().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
