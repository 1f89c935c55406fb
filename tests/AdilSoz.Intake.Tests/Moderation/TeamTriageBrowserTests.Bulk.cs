using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Moderation;

/// <summary>The queue's bulk actions in Chromium: the cards' checkboxes and one button.</summary>
public sealed partial class TeamTriageBrowserTests
{
    [Fact]
    public async Task A_monitor_ticks_three_spam_items_in_the_queue_rejects_them_with_one_button_and_the_audit_log_has_three_entries()
    {
        var marker = "часы" + Guid.NewGuid().ToString("N")[..8];
        var spam = new[]
        {
            await _seed.ReportAsync($"Купите {marker} недорого! Скидки!"),
            await _seed.ReportAsync($"Сатып алыңыз! Арзан {marker}.", language: "kk"),
            await _seed.ReportAsync($"Cheap {marker}, best prices, click now."),
        };
        var report = await _seed.ReportAsync($"В Таразе журналиста не пустили на пресс-конференцию акимата, {marker} ни при чём.");
        var monitor = await _app.CreateUserAsync(Roles.Monitor);
        var page = await LogInAsync(monitor);

        await page.GotoAsync($"{BaseUrl}/queue?q={marker}");
        foreach (var s in spam)
        {
            await page.CheckAsync($"input[name=Selected][value='{s.Id}']");
        }

        await page.ClickAsync("form.bulk button:has-text('Reject as spam')");
        await page.WaitForSelectorAsync(".flash");
        Assert.Contains("rejected as spam", await page.InnerTextAsync(".flash"), StringComparison.Ordinal);

        // The spam is gone from the queue; the report left unticked is still there.
        await page.GotoAsync($"{BaseUrl}/queue?q={marker}");
        Assert.Equal(1, await page.Locator($"a.open[href='/submissions/{report.Id}']").CountAsync());
        foreach (var s in spam)
        {
            Assert.Equal(0, await page.Locator($"a.open[href='/submissions/{s.Id}']").CountAsync());
        }

        // The audit page shows the three rejections by this monitor.
        await page.GotoAsync($"{BaseUrl}/audit");
        foreach (var s in spam)
        {
            var row = await page.InnerTextAsync($"table.audit tr:has(a[href='/submissions/{s.Id}'])");
            Assert.Contains(monitor, row, StringComparison.Ordinal);
            Assert.Contains("rejected", row, StringComparison.Ordinal);
        }

        await page.Context.CloseAsync();

        var ids = spam.Select(s => (long?)s.Id).ToList();
        var audit = await _seed.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => ids.Contains(a.EntityId) && a.EntityType == "submission")
            .Select(a => new { a.EntityId, a.Actor, a.Action }).ToListAsync());
        Assert.Equal(ids.Order(), audit.Select(a => a.EntityId).Order());
        Assert.All(audit, a => Assert.Equal((monitor, "reject"), (a.Actor, a.Action)));
        var statuses = await _seed.WithDbAsync(db => db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id) || s.Id == report.Id)
            .ToDictionaryAsync(s => s.Id, s => (s.Status, s.RejectReason)));
        Assert.All(spam, s => Assert.Equal((SubmissionStatus.Rejected, (RejectReason?)RejectReason.Spam), statuses[s.Id]));
        Assert.Equal((SubmissionStatus.Pending, (RejectReason?)null), statuses[report.Id]);
    }
}
