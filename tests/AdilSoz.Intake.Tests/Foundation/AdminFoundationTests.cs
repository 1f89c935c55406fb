using System.Net;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;

namespace AdilSoz.Intake.Tests.Foundation;

public sealed class AdminFoundationTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly PostgresDatabase _database;
    private readonly AdminApp _app;

    public AdminFoundationTests(PostgresDatabase database)
    {
        _database = database;
        _app = new AdminApp(database);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        var response = await _app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_monitor_logs_in_and_sees_the_pending_queue()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.Submissions.Add(new Submission
            {
                Channel = Channel.Telegram, Status = SubmissionStatus.Pending, Text = "Полиция задержала редактора на трассе",
                ReceivedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var email = await _app.CreateUserAsync(Roles.Monitor);
        var browser = _app.CreateBrowser();
        var login = await AdminApp.LogInAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/queue", login.Headers.Location!.OriginalString);

        var queue = await browser.GetStringAsync("/queue");
        Assert.Contains("Полиция задержала редактора на трассе", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_repeated_failures_lock_the_account_out_for_that_address()
    {
        var email = await _app.CreateUserAsync(Roles.Monitor);
        var browser = _app.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            var attempt = await AdminApp.LogInAsync(browser, email, "wrong password!");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        // The right password is refused now, with the same words as a wrong one (the page does not say "locked").
        var locked = await AdminApp.LogInAsync(browser, email);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.DoesNotContain("locked", await locked.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_attempts_from_one_address_are_rate_limited()
    {
        using var strict = new AdminApp(_database, loginAttemptsPerMinute: 3);
        var browser = strict.CreateBrowser();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await AdminApp.LogInAsync(browser, "nobody@adilsoz.test", "wrong password!")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
    }
}
