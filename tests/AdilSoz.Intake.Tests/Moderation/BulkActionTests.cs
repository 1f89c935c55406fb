using System.Globalization;
using System.Net;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Moderation;

/// <summary>
/// Bulk actions of the queue: items chosen with the cards' checkboxes in a plain form post (no script), rejected
/// as spam or assigned in one transaction, each audited; the form carries the antiforgery token like the others.
/// </summary>
public sealed class BulkActionTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly AdminApp _app;
    private readonly ModerationSeed _seed;

    public BulkActionTests(PostgresDatabase database)
    {
        _app = new AdminApp(database);
        _seed = new ModerationSeed(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Three_spam_items_chosen_in_the_queue_are_rejected_together_with_three_audit_entries()
    {
        var spam = new[]
        {
            await _seed.ReportAsync("Купите часы недорого! Скидки!"),
            await _seed.ReportAsync("Сатып алыңыз! Арзан сағаттар.", language: "kk"),
            await _seed.ReportAsync("Cheap watches, best prices, click now."),
        };
        var report = await _seed.ReportAsync("В Таразе журналиста не пустили на пресс-конференцию акимата.");
        var (browser, email) = await _seed.BrowserAsync(Roles.Monitor);

        var html = await browser.GetStringAsync("/queue");
        foreach (var s in spam.Append(report))
        {
            Assert.Contains($"name=\"Selected\" value=\"{s.Id}\"", html, StringComparison.Ordinal);
        }

        var fields = new Dictionary<string, string> { ["BulkAction"] = "spam" };
        for (var i = 0; i < spam.Length; i++)
        {
            fields[$"Selected[{i}]"] = spam[i].Id.ToString(CultureInfo.InvariantCulture);
        }

        var response = await ModerationSeed.PostFormAsync(browser, "/queue", "Bulk", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("rejected as spam", await browser.GetStringAsync("/queue"), StringComparison.Ordinal);

        var ids = spam.Select(s => (long?)s.Id).ToList();
        var audit = await _seed.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "reject" && ids.Contains(a.EntityId))
            .Select(a => new { a.EntityId, a.Actor, a.Details }).ToListAsync());
        Assert.Equal(ids.Order(), audit.Select(a => a.EntityId).Order());
        Assert.All(audit, a => Assert.Equal(email, a.Actor));
        Assert.All(audit, a => Assert.Equal((int)RejectReason.Spam, System.Text.Json.JsonDocument.Parse(a.Details!).RootElement.GetProperty("reason").GetInt32()));
        foreach (var s in spam)
        {
            Assert.Equal((SubmissionStatus.Rejected, RejectReason.Spam), ((await _seed.ReloadAsync(s.Id)).Status, (await _seed.ReloadAsync(s.Id)).RejectReason));
        }

        Assert.Equal(SubmissionStatus.Pending, (await _seed.ReloadAsync(report.Id)).Status);
        html = await browser.GetStringAsync("/queue");
        Assert.All(spam, s => Assert.DoesNotContain($"href=\"/submissions/{s.Id}\"", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chosen_items_are_assigned_together_and_nothing_changes_when_one_is_already_decided()
    {
        var a = await _seed.ReportAsync("Редакцию газеты проверяет прокуратура.");
        var b = await _seed.ReportAsync("Блогеру пришла повестка в полицию.");
        var decided = await _seed.ReportAsync("Уже решённое сообщение.", status: SubmissionStatus.Approved);
        var colleague = await _app.CreateUserAsync(Roles.Monitor);
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);

        var refused = await ModerationSeed.PostFormAsync(browser, "/queue", "Bulk", new()
        {
            ["BulkAction"] = "assign", ["BulkAssignee"] = colleague,
            ["Selected[0]"] = a.Id.ToString(CultureInfo.InvariantCulture), ["Selected[1]"] = decided.Id.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("Nothing was changed", await browser.GetStringAsync("/queue"), StringComparison.Ordinal);
        Assert.Null((await _seed.ReloadAsync(a.Id)).AssignedTo);

        var assigned = await ModerationSeed.PostFormAsync(browser, "/queue", "Bulk", new()
        {
            ["BulkAction"] = "assign", ["BulkAssignee"] = colleague,
            ["Selected[0]"] = a.Id.ToString(CultureInfo.InvariantCulture), ["Selected[1]"] = b.Id.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(colleague, (await _seed.ReloadAsync(a.Id)).AssignedTo);
        Assert.Equal(colleague, (await _seed.ReloadAsync(b.Id)).AssignedTo);
        Assert.Equal(2, await _seed.WithDbAsync(db => db.AuditEntries.CountAsync(x => x.Action == "assign" && (x.EntityId == a.Id || x.EntityId == b.Id))));
    }

    [Fact]
    public async Task A_bulk_post_without_the_antiforgery_token_is_refused()
    {
        var s = await _seed.ReportAsync("Спам без токена.");
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);
        var response = await browser.PostAsync("/queue?handler=Bulk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["BulkAction"] = "spam", ["Selected[0]"] = s.Id.ToString(CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SubmissionStatus.Pending, (await _seed.ReloadAsync(s.Id)).Status);
    }
}
