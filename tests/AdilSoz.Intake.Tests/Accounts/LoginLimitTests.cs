using System.Net;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;

namespace AdilSoz.Intake.Tests.Accounts;

/// <summary>
/// The login page tells nobody which accounts exist or what state they are in; wrong passwords lock an
/// account out for the network they come from, not for everyone; the rate limit counts an IPv6 /64 as one client.
/// </summary>
public sealed class LoginLimitTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string Wrong = "not the password at all";
    private readonly PostgresDatabase _database;
    private readonly AdminApp _app;

    public LoginLimitTests(PostgresDatabase database)
    {
        _database = database;
        _app = new AdminApp(database);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_wrong_password_an_unknown_user_a_locked_and_a_disabled_account_get_the_same_answer()
    {
        using var site = AccountPages.BehindLocalProxy(_app);
        var wrongPassword = await AdminApp.LogInAsync(AccountPages.BrowserFrom(site, "198.51.100.10"), await _app.CreateUserAsync(Roles.Monitor), Wrong);
        var unknown = await AdminApp.LogInAsync(AccountPages.BrowserFrom(site, "198.51.100.11"), $"nobody-{Guid.NewGuid():N}@adilsoz.test", Wrong);

        var lockedEmail = await _app.CreateUserAsync(Roles.Monitor);
        var attacker = AccountPages.BrowserFrom(site, "198.51.100.12");
        for (var i = 0; i < 5; i++)
        {
            await AdminApp.LogInAsync(attacker, lockedEmail, Wrong);
        }

        var locked = await AdminApp.LogInAsync(attacker, lockedEmail);

        var disabledEmail = await _app.CreateUserAsync(Roles.Monitor);
        await _app.DisableAsync(disabledEmail);
        var disabled = await AdminApp.LogInAsync(AccountPages.BrowserFrom(site, "198.51.100.13"), disabledEmail);

        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var r in new[] { wrongPassword, unknown, locked, disabled })
        {
            answers.Add((r.StatusCode, AccountPages.Error(await r.Content.ReadAsStringAsync())));
        }

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(HttpStatusCode.OK, answers[0].Item1);
        Assert.StartsWith("Login failed", answers[0].Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_from_one_network_lock_that_network_out_and_not_the_owner_elsewhere()
    {
        using var site = AccountPages.BehindLocalProxy(_app);
        var email = await _app.CreateUserAsync(Roles.Monitor);
        var attacker = AccountPages.BrowserFrom(site, "203.0.113.50");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AdminApp.LogInAsync(attacker, email, Wrong)).StatusCode);
        }

        // Even the right password is refused from the attacker's address now…
        Assert.Equal(HttpStatusCode.OK, (await AdminApp.LogInAsync(attacker, email)).StatusCode);

        // …and from another address of its IPv6 /64 alike, while the owner elsewhere logs in.
        var v6 = AccountPages.BrowserFrom(site, "2001:db8:aa:bb::1");
        for (var i = 0; i < 5; i++)
        {
            await AdminApp.LogInAsync(v6, email, Wrong);
        }

        Assert.Equal(HttpStatusCode.OK, (await AdminApp.LogInAsync(AccountPages.BrowserFrom(site, "2001:db8:aa:bb::ffff"), email)).StatusCode);
        Assert.Equal("/queue", (await AdminApp.LogInAsync(AccountPages.BrowserFrom(site, "2001:db8:aa:bc::1"), email)).Headers.Location?.OriginalString);
        Assert.Equal("/queue", (await AdminApp.LogInAsync(AccountPages.BrowserFrom(site, "198.51.100.77"), email)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Fifty_failures_from_ten_networks_lock_the_account_for_everyone()
    {
        using var site = AccountPages.BehindLocalProxy(_app);
        var email = await _app.CreateUserAsync(Roles.Monitor);
        for (var n = 0; n < 10; n++)
        {
            var browser = AccountPages.BrowserFrom(site, $"192.0.2.{n + 1}");
            for (var i = 0; i < 5; i++)
            {
                await AdminApp.LogInAsync(browser, email, Wrong);
            }
        }

        var owner = await AdminApp.LogInAsync(AccountPages.BrowserFrom(site, "198.51.100.200"), email);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.StartsWith("Login failed", AccountPages.Error(await owner.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_rate_limit_counts_an_ipv6_64_as_one_client()
    {
        using var strict = new AdminApp(_database, loginAttemptsPerMinute: 3);
        using var site = AccountPages.BehindLocalProxy(strict);
        var codes = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            codes.Add((await AdminApp.LogInAsync(AccountPages.BrowserFrom(site, $"2001:db8:5:6::{i}"), "nobody@adilsoz.test", Wrong)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(HttpStatusCode.OK, (await AdminApp.LogInAsync(AccountPages.BrowserFrom(site, "2001:db8:5:7::1"), "nobody@adilsoz.test", Wrong)).StatusCode);
    }
}
