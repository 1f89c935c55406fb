using System.Text.Json.Nodes;
using AdilSoz.Intake.Bot.Texts;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Telegram.Integration;

/// <summary>
/// The Bot keeps its promises when Telegram misbehaves: redelivered, unknown and garbage updates,
/// 429 Too Many Requests and 403 from a reporter who blocked the bot.
/// </summary>
public sealed class ReceivingTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private BotSystem _system = null!;

    private BotApiStandIn Api => _system.Api;

    public async Task InitializeAsync() => _system = await BotSystem.StartAsync(database);

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task A_redelivered_submit_creates_nothing_new_and_sends_nothing_new()
    {
        const long user = 9001;
        var chat = new ChatView(Api, user);
        var photo = Api.RegisterFile([1, 2, 3, 4], "p.jpg");
        Api.EnqueuePhoto(user, photo, "Нашему журналисту угрожали по телефону после публикации");
        await Api.PressButtonAsync(user, "when:today");
        await Api.PressButtonAsync(user, "region:astana");
        await Api.PressButtonAsync(user, "aff:me");
        await Api.PressButtonAsync(user, "name:no");
        var submit = await Api.PressButtonAsync(user, "submit");
        await chat.NextAsync("AS-");
        Assert.Equal(InboundStatus.Processed, await _system.WaitForInboundAsync(submit.UpdateId));

        Api.Redeliver(submit);
        
        // Served again and then confirmed by the next getUpdates, i.e. stored (or found already stored).
        Assert.True(await Api.WaitUntilAsync(() => Api.PendingUpdateCount == 0, TimeSpan.FromSeconds(30)));

        // A later message is answered, so the redelivered one was certainly received before it.
        Api.EnqueueText(user, "/help");
        await chat.NextAsync("/status");
        await using var db = database.CreateDbContext();
        Assert.Single(await _system.InboundOfAsync(db, submit.UpdateId));
        Assert.Equal(1, await db.Submissions.CountAsync(s => s.Text.Contains("угрожали по телефону")));
        Assert.Single(Api.SentMessages(user), m => m.Text!.Contains("AS-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_and_garbage_updates_are_stored_and_the_bot_keeps_answering()
    {
        var unknown = Api.EnqueueUnknownUpdate();
        var garbage = Api.EnqueueUpdate(new JsonObject { ["callback_query"] = new JsonArray(1, 2), ["my_chat_member"] = "this is not a chat member" });
        Api.EnqueueText(9010, "/start");
        await new ChatView(Api, 9010).NextAsync("Выберите язык");

        Assert.Equal(InboundStatus.Processed, await _system.WaitForInboundAsync(unknown.UpdateId));
        Assert.Equal(InboundStatus.NeedsAttention, await _system.WaitForInboundAsync(garbage.UpdateId));
    }

    [Fact]
    public async Task A_reply_refused_twice_is_sent_on_the_third_attempt_and_the_update_is_stored_once()
    {
        const long user = 9050;

        // A 400 is not retried by the reply itself: the update's handling fails, is rolled back with the update
        // it had just stored, and the update is stored alone and tried again from the store.
        Api.FailWithServerError(2, 400, "sendMessage");
        var start = Api.EnqueueText(user, "/start");
        await new ChatView(Api, user).NextAsync("Выберите язык", TimeSpan.FromSeconds(30));

        Assert.Equal(InboundStatus.Processed, await _system.WaitForInboundAsync(start.UpdateId));
        await using var db = database.CreateDbContext();
        var item = Assert.Single(await _system.InboundOfAsync(db, start.UpdateId));
        Assert.Equal(2, item.Attempts);
        Assert.Single(Api.SentMessages(user), m => m.Text!.Contains("Выберите язык", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_that_fails_five_times_waits_in_needs_attention_and_the_next_reporter_is_answered()
    {
        Api.FailWithServerError(5, 400, "sendMessage");
        var start = Api.EnqueueText(9060, "/start");
        Assert.Equal(InboundStatus.NeedsAttention, await _system.WaitForInboundAsync(start.UpdateId, TimeSpan.FromSeconds(60)));

        Api.EnqueueText(9061, "/start");
        await new ChatView(Api, 9061).NextAsync("Выберите язык");
        await using var db = database.CreateDbContext();
        var item = Assert.Single(await _system.InboundOfAsync(db, start.UpdateId));
        Assert.Equal(5, item.Attempts);
        Assert.Contains("5 times", item.Error, StringComparison.Ordinal);
        Assert.Empty(Api.SentMessages(9060));
    }

    [Fact]
    public async Task Too_many_requests_is_waited_out_and_every_reply_arrives_exactly_once()
    {
        const long user = 9020;
        // Telegram.Bot absorbs 3 retries itself; the rest must be waited out by the Bot.
        Api.FailWithTooManyRequests(5, retryAfterSeconds: 1, method: "sendMessage");
        var start = Api.EnqueueText(user, "/start");
        await new ChatView(Api, user).NextAsync("Выберите язык", TimeSpan.FromSeconds(30));

        Assert.Equal(InboundStatus.Processed, await _system.WaitForInboundAsync(start.UpdateId));
        Assert.Single(Api.SentMessages(user), m => m.Text!.Contains("Выберите язык", StringComparison.Ordinal));
        Assert.Equal(5, Api.Calls("sendMessage").Count(c => c.StatusCode == 429));
    }

    [Fact]
    public async Task A_reporter_who_blocked_the_bot_is_marked_unreachable_and_others_are_answered()
    {
        const long blocked = 9030;
        const long other = 9031;
        Api.BlockChat(blocked);
        var start = Api.EnqueueText(blocked, "/start");
        Api.EnqueueText(other, "/start");
        await new ChatView(Api, other).NextAsync("Выберите язык");

        Assert.Equal(InboundStatus.Processed, await _system.WaitForInboundAsync(start.UpdateId));
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Reporters.CountAsync(r => r.Unreachable));
    }

    [Fact]
    public async Task A_group_chat_gets_the_private_only_answer_and_nothing_is_reported()
    {
        var update = Api.EnqueueGroupText(-100777, 9040, "@AdilSozTestBot в Шымкенте задержали блогера", "kk");
        await Api.WaitForMessageAsync(-100777, BotTexts.Get("kk", "GroupChat"));
        Assert.Equal(InboundStatus.Processed, await _system.WaitForInboundAsync(update.UpdateId));
        await using var db = database.CreateDbContext();
        Assert.False(await db.Submissions.AnyAsync(s => s.Text.Contains("блогера")));
    }
}
