using AdilSoz.Intake.Core.Intake;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Reliability;

/// <summary>
/// The Bot API answering 5xx and 429 for a while (getUpdates, sendMessage, editMessageReplyMarkup):
/// every update is stored once and handled, every report reaches the queue once, and no reporter
/// gets any message twice.
/// </summary>
public sealed class BotApiFaultTests(ITestOutputHelper output)
{
    private const int Reports = 16;

    [Fact]
    public async Task Bot_API_errors_for_a_while_lose_no_update_and_send_no_reply_twice()
    {
        await using var world = await ReliabilityWorld.StartAsync();
        world.Api.FailWithServerError(3, 502, "getUpdates");
        world.Api.FailWithServerError(3, 500, "sendMessage");
        world.Api.FailWithTooManyRequests(5, retryAfterSeconds: 1, method: "sendMessage");
        world.Api.FailWithServerError(2, 502, "sendMessage");
        world.Api.FailWithServerError(2, 502, "editMessageReplyMarkup");
        await world.StartHostsAsync();
        await world.SendAtRateAsync(Reports, 8, ReportChannel.Telegram);

        var figures = await world.WaitUntilSettledAsync(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(60));
        var failed = world.Api.Calls().Count(c => c.StatusCode >= 429);
        var repeated = world.Sent.Select(s => world.Api.SentMessages(s.ChatId))
            .Count(messages => messages.GroupBy(m => m.Text).Any(g => g.Count() > 1));
        await using var db = world.Database.CreateDbContext();
        var attention = await db.InboundItems.CountAsync(i => i.Status != InboundStatus.Processed);
        var report = $"{failed} Bot API calls answered 429/5xx; {repeated} reporters got a message twice; {attention} updates not processed\n{figures.Describe()}";
        output.WriteLine(report);

        Assert.True(failed >= 15, report);
        Assert.True(figures.Lost == 0 && figures.Duplicated == 0 && figures.Pending == Reports, report);
        Assert.Equal(Reports * (1 + ReliabilityWorld.QuickReportButtons.Length), await db.InboundItems.CountAsync());
        Assert.True(attention == 0, report);
        Assert.True(figures.Confirmed == Reports && figures.ConfirmationsRepeated == 0, report);
        Assert.True(repeated == 0, report);
    }
}
