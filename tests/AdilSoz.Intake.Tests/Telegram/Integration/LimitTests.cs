using AdilSoz.Intake.Bot.Dialogue;
using AdilSoz.Intake.Bot.Texts;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Telegram.Integration;

/// <summary>Per-reporter limits (set low here): messages per minute and reports per day; edits before submit.</summary>
public sealed class LimitTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private BotSystem _system = null!;

    private BotApiStandIn Api => _system.Api;

    public async Task InitializeAsync() => _system = await BotSystem.StartAsync(database, new Dictionary<string, string?>
    {
        ["Bot:MessagesPerMinute"] = "20",
        ["Bot:ReportsPerDay"] = "1",
    }, worker: false);

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task A_flood_gets_one_slow_down_message_then_silence_and_every_text_is_kept_in_the_draft()
    {
        const long user = 9301;
        var updates = Enumerable.Range(1, 30).Select(i => Api.EnqueueText(user, $"Подробность номер {i}.")).ToList();
        foreach (var u in updates)
        {
            Assert.Equal(InboundStatus.Processed, await _system.WaitForInboundAsync(u.UpdateId));
        }

        var texts = Api.SentMessages(user).Select(m => m.Text).ToList();
        Assert.Single(texts, t => t == BotTexts.Get("ru", "RateLimitMessages"));
        Assert.Equal(BotTexts.Get("ru", "RateLimitMessages"), texts[^1]);
        await using var db = database.CreateDbContext();
        var draft = (await db.DialogueStates.AsNoTracking().ToListAsync()).Select(d => ReportDraft.FromJson(d.DraftJson).Text)
            .Single(t => t.Contains("Подробность номер 1.", StringComparison.Ordinal));
        Assert.All(Enumerable.Range(1, 30), i => Assert.Contains($"Подробность номер {i}.", draft, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_second_report_of_the_day_is_refused_and_its_draft_kept_an_edit_before_submit_is_taken()
    {
        const long user = 9302;
        var chat = new ChatView(Api, user);
        for (var i = 1; i <= 2; i++)
        {
            var sent = Api.EnqueueText(user, $"Случай номер {i}: у корреспондента изъяли телефон");
            await chat.NextAsync(BotTexts.Get("ru", "QuickStarted"));
            if (i == 1)
            {
                Api.EnqueueEditedText(user, sent.MessageId, "Случай номер 1: у корреспондента изъяли телефон и диктофон");
                await chat.NextAsync(BotTexts.Get("ru", "EditApplied")[..20]);
            }

            await Api.PressButtonAsync(user, "skip");
            await Api.PressButtonAsync(user, "when:today");
            await Api.PressButtonAsync(user, "region:shymkent");
            await Api.PressButtonAsync(user, "aff:me");
            await Api.PressButtonAsync(user, "name:no");
            await Api.PressButtonAsync(user, "submit");
            await chat.NextAsync(i == 1 ? "AS-" : BotTexts.Format("ru", "RateLimitReports", BotTexts.Reports("ru", 1))[..30]);
        }

        await using var db = database.CreateDbContext();
        var texts = await db.Submissions.Where(s => s.Text.Contains("Случай номер")).Select(s => s.Text).ToListAsync();
        Assert.Equal(["Случай номер 1: у корреспондента изъяли телефон и диктофон"], texts);
        var state = (await db.DialogueStates.AsNoTracking().ToListAsync()).Single(d => ReportDraft.FromJson(d.DraftJson).Text.Contains("Случай номер 2", StringComparison.Ordinal));
        Assert.Equal("Summary", state.Step);
    }
}
