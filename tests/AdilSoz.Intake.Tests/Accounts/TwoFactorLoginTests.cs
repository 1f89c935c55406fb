using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Accounts;

/// <summary>
/// A new Admin's first login as they live it (own password, authenticator enrolment with the key the page shows,
/// recovery codes), later logins with a code or a recovery code, and the mail about a new browser.
/// </summary>
public sealed partial class TwoFactorLoginTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string NewPassword = "a long passphrase of my own";
    private readonly PostgresDatabase _database;
    private readonly AdminApp _app;

    public TwoFactorLoginTests(PostgresDatabase database)
    {
        _database = database;
        _app = new AdminApp(database);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_new_admin_sets_a_password_enrols_and_logs_in_with_a_code_or_a_recovery_code_once()
    {
        var email = $"new-admin-{Guid.NewGuid():N}@adilsoz.test";
        var env = new Dictionary<string, string?> { ["ConnectionStrings__Intake"] = _database.ConnectionString };
        var add = await HostProcess.RunAsync("Admin", env, AdminApp.Password, TimeSpan.FromMinutes(2), "users", "add", "--email", email, "--role", "Admin");
        Assert.True(add.ExitCode == 0, add.StdErr);

        // First login: the password from the command works once, and only to choose a new one.
        var first = _app.CreateBrowser();
        Assert.Equal("/queue", (await AdminApp.LogInAsync(first, email)).Headers.Location?.OriginalString);
        Assert.Equal("/account/password", (await first.GetAsync("/queue")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await first.GetAsync("/api/v1/submissions")).StatusCode);
        var changed = await AccountPages.PostFormAsync(first, "/account/password",
            new() { ["Current"] = AdminApp.Password, ["New"] = NewPassword, ["Repeat"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // Then the authenticator: an Admin reaches nothing else until it is set up.
        Assert.Equal("/account/two-factor/enrol", (await first.GetAsync("/queue")).Headers.Location?.OriginalString);
        Assert.Equal("/account/two-factor/enrol", (await first.GetAsync("/users")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await first.GetAsync("/api/v1/submissions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await first.GetAsync("/hangfire")).StatusCode);
        var enrol = await first.GetStringAsync("/account/two-factor/enrol");
        var key = KeyRegex().Match(enrol).Groups[1].Value;
        Assert.Matches("^[a-z2-7 ]{20,}$", key);
        var qr = System.Net.WebUtility.HtmlDecode(QrRegex().Match(enrol).Groups[1].Value);
        Assert.StartsWith("data:image/svg+xml;base64,", qr, StringComparison.Ordinal);
        Assert.Contains("<svg", Encoding.UTF8.GetString(Convert.FromBase64String(qr["data:image/svg+xml;base64,".Length..])), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", enrol, StringComparison.OrdinalIgnoreCase);

        var wrongCode = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1)) is var old && old != Totp.Code(key) ? old : "000000";
        var refused = await AccountPages.PostFormAsync(first, "/account/two-factor/enrol", new() { ["Code"] = wrongCode });
        Assert.Equal("The code did not work.", AccountPages.Error(await refused.Content.ReadAsStringAsync()));
        Assert.Equal("/account/two-factor/enrol", (await first.GetAsync("/queue")).Headers.Location?.OriginalString);

        var enrolled = await AccountPages.PostFormAsync(first, "/account/two-factor/enrol", new() { ["Code"] = Totp.Code(key) });
        var codes = RecoveryRegex().Matches(await enrolled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/submissions")).StatusCode);
        Assert.DoesNotContain(codes[0], await first.GetStringAsync("/account/two-factor/enrol"), StringComparison.Ordinal);

        // Later logins: the password, then a code from the app.
        AdminApp.RememberKey(email, key.Replace(" ", "", StringComparison.Ordinal));
        var second = _app.CreateBrowser();
        Assert.Equal("/queue", (await AdminApp.LogInAsync(second, email, NewPassword)).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/users")).StatusCode);

        // The password alone opens nothing.
        var passwordOnly = _app.CreateBrowser();
        var half = await PasswordOnlyAsync(passwordOnly, email, NewPassword);
        Assert.StartsWith("/account/two-factor", half.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/account/login", LoginPath(await passwordOnly.GetAsync("/queue")));

        // A recovery code works once.
        var third = _app.CreateBrowser();
        Assert.Equal("/queue", (await AdminApp.LogInAsync(third, email, NewPassword, secondFactor: codes[0])).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync("/queue")).StatusCode);
        var fourth = _app.CreateBrowser();
        var reused = await AdminApp.LogInAsync(fourth, email, NewPassword, secondFactor: codes[0]);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Equal("The code did not work.", AccountPages.Error(await reused.Content.ReadAsStringAsync()));
        Assert.Equal("/account/login", LoginPath(await fourth.GetAsync("/queue")));

        // Each new browser was announced to the user by mail, once; a browser seen before is not.
        Assert.Equal(3, await NewBrowserMailsAsync(email));
        Assert.Equal("/queue", (await AdminApp.LogInAsync(second, email, NewPassword)).Headers.Location?.OriginalString);
        Assert.Equal(3, await NewBrowserMailsAsync(email));

        await using var db = _database.CreateDbContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("user.")).ToListAsync();
        var actions = entries.Where(a => a.Details?.Contains(email, StringComparison.Ordinal) == true).Select(a => a.Action);
        Assert.Equal(["user.add", "user.change-password", "user.enrol-2fa"], actions.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Monitors_may_skip_the_second_factor_unless_it_is_required_of_all()
    {
        var monitor = _app.CreateBrowser();
        await AdminApp.LogInAsync(monitor, await _app.CreateUserAsync(Roles.Monitor));
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync("/queue")).StatusCode);

        using var strict = new AdminApp(_database, settings: new Dictionary<string, string> { ["Security:RequireTwoFactor"] = "All" });
        var strictMonitor = strict.CreateBrowser();
        await AdminApp.LogInAsync(strictMonitor, await strict.CreateUserAsync(Roles.Monitor));
        Assert.Equal("/account/two-factor/enrol", (await strictMonitor.GetAsync("/queue")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_value_of_require_two_factor_stops_the_site_at_start_with_one_line()
    {
        var result = await HostProcess.RunAsync("Admin", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Intake"] = _database.ConnectionString,
            ["Security__RequireTwoFactor"] = "Nobody",
        }, null, TimeSpan.FromMinutes(2), "--urls", "http://127.0.0.1:0");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Security:RequireTwoFactor", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PasswordOnlyAsync(HttpClient browser, string email, string password)
    {
        var form = await browser.GetStringAsync("/account/login");
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(form),
        }));
    }

    private static string? LoginPath(HttpResponseMessage response) => Security.AccessTableTests.Outcome(response).Split(' ').ElementAtOrDefault(1);

    private async Task<int> NewBrowserMailsAsync(string email)
    {
        await using var db = _database.CreateDbContext();
        return await db.OutboundMessages.CountAsync(m => m.Recipient == email && m.IdempotencyKey.StartsWith("new-browser:"));
    }

    [GeneratedRegex("<code class=\"totp-key\">([^<]+)</code>")]
    private static partial Regex KeyRegex();

    [GeneratedRegex("<img class=\"qr\" src=\"([^\"]+)\"")]
    private static partial Regex QrRegex();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryRegex();
}
