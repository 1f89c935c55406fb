using System.Net;
using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Accounts;

/// <summary>
/// Disable, enable, reset the second factor, reset the password: by the <c>users</c> sub-commands and on the
/// Admins' /users page. Sessions are checked every second here (Security:StampCheckSeconds), so a disabled user's
/// live session ends at the next check.
/// </summary>
public sealed partial class AccountLifecycleTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);
    private readonly PostgresDatabase _database;
    private readonly AdminApp _app;
    private readonly Dictionary<string, string?> _env;

    public AccountLifecycleTests(PostgresDatabase database)
    {
        _database = database;
        _app = new AdminApp(database, settings: new Dictionary<string, string> { ["Security:StampCheckSeconds"] = "1" });
        _env = new() { ["ConnectionStrings__Intake"] = database.ConnectionString };
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Disabling_by_command_ends_a_live_session_and_refuses_logins_until_enabled()
    {
        var email = await _app.CreateUserAsync(Roles.Monitor);
        var browser = _app.CreateBrowser();
        await AdminApp.LogInAsync(browser, email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/queue")).StatusCode);

        var disable = await Cli(null, "users", "disable", "--email", email);
        Assert.True(disable.ExitCode == 0, disable.StdErr);

        var outcome = await Poll.UntilAsync(async () => AccessTableOutcome(await browser.GetAsync("/queue")), o => o != "200", HangGuard);
        Assert.Equal("302 /account/login", outcome);
        var again = await AdminApp.LogInAsync(_app.CreateBrowser(), email);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.StartsWith("Login failed", AccountPages.Error(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(0, (await Cli(null, "users", "enable", "--email", email)).ExitCode);
        Assert.Equal("/queue", (await AdminApp.LogInAsync(_app.CreateBrowser(), email)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_commands_fail_with_one_line_for_an_unknown_user_a_missing_address_or_no_password()
    {
        var unknown = await Cli(null, "users", "disable", "--email", "nobody@adilsoz.test");
        Assert.Equal((1, "users disable: there is no user nobody@adilsoz.test."), (unknown.ExitCode, unknown.StdErr.Trim()));
        var noEmail = await Cli(null, "users", "reset-2fa");
        Assert.Equal((1, "users reset-2fa: --email is required."), (noEmail.ExitCode, noEmail.StdErr.Trim()));
        var email = await _app.CreateUserAsync(Roles.Monitor);
        var noPassword = await Cli("", "users", "reset-password", "--email", email);
        Assert.Equal(1, noPassword.ExitCode);
        var weak = await Cli("short", "users", "reset-password", "--email", email);
        Assert.Equal(1, weak.ExitCode);
        Assert.Single(weak.StdErr.Trim().Split('\n'));
        Assert.Equal("/queue", (await AdminApp.LogInAsync(_app.CreateBrowser(), email)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Reset_2fa_and_reset_password_by_command_end_sessions_and_ask_again_at_the_next_login()
    {
        var email = await _app.CreateUserAsync(Roles.Editor);
        var browser = _app.CreateBrowser();
        await AdminApp.LogInAsync(browser, email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/incidents/new")).StatusCode);

        Assert.Equal(0, (await Cli(null, "users", "reset-2fa", "--email", email)).ExitCode);
        Assert.Equal("302 /account/login", await Poll.UntilAsync(async () => AccessTableOutcome(await browser.GetAsync("/queue")), o => o != "200", HangGuard));
        var relogin = _app.CreateBrowser();
        Assert.Equal("/queue", (await AdminApp.LogInAsync(relogin, email)).Headers.Location?.OriginalString);
        Assert.Equal("/account/two-factor/enrol", (await relogin.GetAsync("/incidents/new")).Headers.Location?.OriginalString);

        const string temporary = "temporary password 2026";
        Assert.Equal(0, (await Cli(temporary, "users", "reset-password", "--email", email)).ExitCode);
        Assert.Equal(HttpStatusCode.OK, (await AdminApp.LogInAsync(_app.CreateBrowser(), email)).StatusCode);
        var fresh = _app.CreateBrowser();
        Assert.Equal("/queue", (await AdminApp.LogInAsync(fresh, email, temporary)).Headers.Location?.OriginalString);
        Assert.Equal("/account/password", (await fresh.GetAsync("/queue")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_admin_disables_resets_and_enables_users_on_the_users_page()
    {
        var admin = _app.CreateBrowser();
        var adminEmail = await _app.CreateUserAsync(Roles.Admin);
        await AdminApp.LogInAsync(admin, adminEmail);
        var email = await _app.CreateUserAsync(Roles.Monitor);
        var monitor = _app.CreateBrowser();
        await AdminApp.LogInAsync(monitor, email);
        var id = await UserIdAsync(email);

        var disabled = await AccountPages.PostFormAsync(admin, $"/users?handler=Disable&id={id}", []);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("the user&#x27;s sessions have ended", await admin.GetStringAsync("/users"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("302 /account/login", await Poll.UntilAsync(async () => AccessTableOutcome(await monitor.GetAsync("/queue")), o => o != "200", HangGuard));
        Assert.Equal(HttpStatusCode.OK, (await AdminApp.LogInAsync(_app.CreateBrowser(), email)).StatusCode);

        await AccountPages.PostFormAsync(admin, $"/users?handler=Enable&id={id}", []);
        var reset = await AccountPages.PostFormAsync(admin, $"/users?handler=ResetPassword&id={id}", []);
        var temporary = WebUtility.HtmlDecode(TemporaryRegex().Match(await reset.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.True(temporary.Length >= 12, "no temporary password shown");
        var next = _app.CreateBrowser();
        Assert.Equal("/queue", (await AdminApp.LogInAsync(next, email, temporary)).Headers.Location?.OriginalString);
        Assert.Equal("/account/password", (await next.GetAsync("/queue")).Headers.Location?.OriginalString);

        // An Admin cannot disable themselves (another Admin or the command line can).
        await AccountPages.PostFormAsync(admin, $"/users?handler=Disable&id={await UserIdAsync(adminEmail)}", []);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/users")).StatusCode);

        var actions = await AuditAsync();
        Assert.Contains("user.disable", actions);
        Assert.Contains("user.enable", actions);
        Assert.Contains("user.reset-password", actions);
    }

    private Task<HostProcess.Result> Cli(string? stdin, params string[] args) => HostProcess.RunAsync("Admin", _env, stdin, TimeSpan.FromMinutes(2), args);

    private static string AccessTableOutcome(HttpResponseMessage response) => Security.AccessTableTests.Outcome(response);

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = _database.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<List<string>> AuditAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.Select(a => a.Action).ToListAsync();
    }

    [GeneratedRegex("<code class=\"temporary-password\">([^<]+)</code>")]
    private static partial Regex TemporaryRegex();
}
