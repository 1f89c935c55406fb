using System.Net;
using System.Text.RegularExpressions;
using AdilSoz.Intake.Admin.Hosting;
using AdilSoz.Intake.Core.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>The Admin site in-process on a test database, with intent-named helpers.</summary>
public sealed partial class AdminApp(PostgresDatabase database, int loginAttemptsPerMinute = 1000, IReadOnlyDictionary<string, string>? settings = null,
    TimeProvider? clock = null)
    : WebApplicationFactory<Admin.Pages.IndexModel>
{
    /// <summary>Authenticator keys of the users this fixture enrolled, by email, for <see cref="LogInAsync"/>.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase);

    private int LoginAttemptsPerMinute { get; } = loginAttemptsPerMinute;

    public const string Password = "correct horse battery";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(l => l.AddProvider(new ErrorLog()));
        builder.UseSetting("ConnectionStrings:Intake", database.ConnectionString);
        builder.UseSetting("Security:LoginAttemptsPerMinute", LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            builder.ConfigureTestServices(s => s.AddSingleton(clock));
        }
    }

    /// <summary>
    /// Creates a user with a role (and the roles themselves when missing). Admins and Editors, who must log in
    /// with a second factor, get an authenticator key unless <paramref name="twoFactor"/> says otherwise.
    /// </summary>
    public async Task<string> CreateUserAsync(string role, string? email = null, bool? twoFactor = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@adilsoz.test";
        await AdminCommands.EnsureRolesAsync(Services);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        var user = new AdminUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        if (twoFactor ?? role is Roles.Admin or Roles.Editor)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            Keys[email] = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return email;
    }

    /// <summary>The current authenticator code of a user this fixture enrolled.</summary>
    public static string CodeFor(string email) => Totp.Code(Keys[email]);

    public static void RememberKey(string email, string key) => Keys[email] = key;

    /// <summary>New recovery codes of a user (the earlier ones stop working).</summary>
    public async Task<string[]> RecoveryCodesAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        return [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];
    }

    /// <summary>Disables a user as an Admin would.</summary>
    public async Task DisableAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AdilSoz.Intake.Core.Data.IntakeDbContext>();
        Assert.Null(await Admin.Security.StaffAccounts.DisableAsync(users, db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), (await users.FindByEmailAsync(email))!, "test"));
    }

    /// <summary>A client with cookies that does not follow redirects, so tests see them.</summary>
    public HttpClient CreateBrowser(string language = "en")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>
    /// Logs in through the login form (with its antiforgery token) and, for a user with an authenticator, the
    /// second step with the current code or <paramref name="secondFactor"/> (e.g. a recovery code); returns the last response.
    /// </summary>
    public static async Task<HttpResponseMessage> LogInAsync(HttpClient browser, string email, string password = Password, string? returnUrl = null,
        string? secondFactor = null)
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

        var response = await browser.PostAsync(url, new FormUrlEncodedContent(fields));
        if (response.Headers.Location?.OriginalString.StartsWith("/account/two-factor", StringComparison.Ordinal) != true || !Keys.ContainsKey(email))
        {
            return response;
        }

        var second = response.Headers.Location.OriginalString;
        var page = await browser.GetStringAsync(second);
        return await browser.PostAsync(second, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = secondFactor ?? CodeFor(email),
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }));
    }

    public static string AntiforgeryToken(string html) =>
        TokenRegex().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
