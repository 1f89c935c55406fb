using System.Diagnostics;
using System.Security.Cryptography;
using AdilSoz.Intake.Bot.Dialogue;
using AdilSoz.Intake.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace AdilSoz.Intake.Tests.Telegram;

/// <summary>The Bot API stand-in, exercised with the real Telegram.Bot client.</summary>
public sealed class BotApiStandInTests : IAsyncLifetime
{
    private const long Reporter = 5550001;
    private BotApiStandIn _api = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _api = await BotApiStandIn.StartAsync();
        _bot = Client();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task GetMe_answers_the_bot_user_over_loopback()
    {
        Assert.StartsWith("http://127.0.0.1:", _api.BaseUrl);
        var me = await _bot.GetMe();
        Assert.Equal(BotApiStandIn.BotUsername, me.Username);
        Assert.True(me.IsBot);
        Assert.Single(_api.Calls("getMe"));
    }

    [Fact]
    public async Task A_wrong_token_is_unauthorized()
    {
        var stranger = new TelegramBotClient(new TelegramBotClientOptions("42:wrong-token", _api.BaseUrl));
        var error = await Assert.ThrowsAnyAsync<ApiRequestException>(() => stranger.GetMe());
        Assert.Equal(401, error.ErrorCode);
    }

    [Fact]
    public async Task GetUpdates_returns_queued_updates_until_an_offset_confirms_them()
    {
        var first = _api.EnqueueText(Reporter, "/start", "kk");
        var second = _api.EnqueueText(Reporter, "Сәлем");

        var updates = await _bot.GetUpdates(timeout: 0);
        Assert.Equal([first.UpdateId, second.UpdateId], updates.Select(u => (long)u.Id));
        Assert.Equal("/start", updates[0].Message!.Text);
        Assert.Equal("kk", updates[0].Message!.From!.LanguageCode);
        Assert.Equal(ChatType.Private, updates[0].Message!.Chat.Type);

        var again = await _bot.GetUpdates(timeout: 0);
        Assert.Equal(2, again.Length);

        var afterFirst = await _bot.GetUpdates(offset: (int)first.UpdateId + 1, timeout: 0);
        Assert.Equal([second.UpdateId], afterFirst.Select(u => (long)u.Id));
        var afterAll = await _bot.GetUpdates(offset: (int)second.UpdateId + 1, timeout: 0);
        Assert.Empty(afterAll);
        Assert.Equal(second.UpdateId + 1, _api.LastOffset);
        Assert.Equal(0, _api.PendingUpdateCount);
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_an_update_arrives_and_honours_the_timeout_otherwise()
    {
        var clock = Stopwatch.StartNew();
        var empty = await _bot.GetUpdates(timeout: 1);
        Assert.Empty(empty);
        // Held for its timeout (a lower bound cannot fail because the machine is slow).
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"an empty poll returned after {clock.Elapsed}");

        clock.Restart();
        var poll = _bot.GetUpdates(timeout: 90);
        Assert.True(await _api.WaitUntilAsync(() => _api.Calls("getUpdates").Count == 1 || !poll.IsCompleted, TimeSpan.FromSeconds(30)));
        _api.EnqueueText(Reporter, "hello");
        var updates = await poll;
        Assert.Single(updates);
        // Answered when the update came, long before the poll's 90 s timeout.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"long poll took {clock.Elapsed}");
    }

    [Fact]
    public async Task Sent_and_edited_messages_are_visible_as_the_reporter_sees_them()
    {
        var sent = await _bot.SendMessage(Reporter, "Когда это произошло?",
            replyMarkup: new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Сегодня", "when:today")]]));
        var seen = await _api.WaitForMessageAsync(Reporter, "Когда");
        Assert.Equal(sent.Id, seen.MessageId);
        Assert.Equal(["when:today"], seen.CallbackData);

        await _bot.EditMessageReplyMarkup(Reporter, sent.Id, replyMarkup: null);
        Assert.Empty(_api.SentMessages(Reporter).Single().Buttons);

        await _bot.EditMessageText(Reporter, sent.Id, "Когда это произошло? — Сегодня");
        var edited = _api.SentMessages(Reporter).Single();
        Assert.Equal("Когда это произошло? — Сегодня", edited.Text);
        Assert.Equal(2, edited.EditCount);

        await _bot.SendChatAction(Reporter, ChatAction.Typing);
        await _bot.SendMessage(Reporter, "Кто пострадал?",
            replyMarkup: new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Я", "aff:me")]]));
        var press = _api.PressButton(Reporter, "aff:me");
        Assert.True(press.UpdateId > 0);
        var update = (await _bot.GetUpdates(timeout: 0)).Single();
        Assert.Equal("aff:me", update.CallbackQuery!.Data);
        Assert.Equal(press.MessageId, update.CallbackQuery.Message!.Id);
        await _bot.AnswerCallbackQuery(update.CallbackQuery.Id);
        Assert.Single(_api.Calls("answerCallbackQuery"));
        Assert.Empty(_api.SentMessages(Reporter + 1));
    }

    [Fact]
    public async Task GetFile_and_DownloadFile_return_the_registered_bytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(150_000);
        var file = _api.RegisterFile(bytes, "act.pdf");

        var info = await _bot.GetFile(file.FileId);
        Assert.Equal(file.FilePath, info.FilePath);
        Assert.Equal(bytes.Length, info.FileSize);

        using var stream = new MemoryStream();
        await _bot.DownloadFile(info.FilePath!, stream);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(stream.ToArray()));
    }

    [Fact]
    public async Task A_file_over_twenty_megabytes_cannot_be_fetched()
    {
        var file = _api.RegisterFile([1, 2, 3], "court.mp4", reportedSize: 25L * 1024 * 1024);
        var error = await Assert.ThrowsAnyAsync<ApiRequestException>(() => _bot.GetFile(file.FileId));
        Assert.Equal(400, error.ErrorCode);
        Assert.Contains("file is too big", error.Message);
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after()
    {
        var noRetry = Client(retryThreshold: 0);
        _api.FailWithTooManyRequests(1, retryAfterSeconds: 3);

        var error = await Assert.ThrowsAnyAsync<ApiRequestException>(() => noRetry.SendMessage(Reporter, "x"));
        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(3, error.Parameters?.RetryAfter);
        Assert.Empty(_api.SentMessages(Reporter));

        await noRetry.SendMessage(Reporter, "after the pause");
        Assert.Single(_api.SentMessages(Reporter));
        Assert.Equal([429, 200], _api.Calls("sendMessage").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task The_client_itself_waits_out_a_short_retry_after()
    {
        _api.FailWithTooManyRequests(1, retryAfterSeconds: 1, method: "sendMessage");
        await _bot.SendMessage(Reporter, "eventually");
        Assert.Equal([429, 200], _api.Calls("sendMessage").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task A_blocked_chat_answers_403_and_other_chats_are_unaffected()
    {
        _api.BlockChat(Reporter);
        var error = await Assert.ThrowsAnyAsync<ApiRequestException>(() => _bot.SendMessage(Reporter, "x"));
        Assert.Equal(403, error.ErrorCode);
        Assert.Contains("bot was blocked by the user", error.Message);

        await _bot.SendMessage(Reporter + 1, "still fine");
        Assert.Single(_api.SentMessages(Reporter + 1));
    }

    [Fact]
    public async Task Server_errors_are_injected_for_n_calls()
    {
        _api.FailWithServerError(2, 502);
        await Assert.ThrowsAnyAsync<Exception>(() => _bot.SendMessage(Reporter, "1"));
        await Assert.ThrowsAnyAsync<Exception>(() => _bot.SendMessage(Reporter, "2"));
        await _bot.SendMessage(Reporter, "3");
        Assert.Equal(["3"], _api.SentMessages(Reporter).Select(m => m.Text));
    }

    [Fact]
    public async Task Webhook_can_be_set_and_deleted()
    {
        await _bot.SetWebhook("https://intake.example/telegram", secretToken: "s3cret");
        Assert.Equal("https://intake.example/telegram", _api.WebhookUrl);
        Assert.Equal("s3cret", (string?)_api.Calls("setWebhook").Single().Body["secret_token"]);
        await _bot.DeleteWebhook();
        Assert.Null(_api.WebhookUrl);
    }

    [Fact]
    public async Task Updates_of_every_kind_map_to_dialogue_events()
    {
        var photos = Enumerable.Range(0, 3).Select(i => _api.RegisterFile([(byte)i], $"p{i}.jpg")).ToList();
        var pdf = _api.RegisterFile([9, 9], "postanovlenie.pdf");
        var album = _api.EnqueueAlbum(Reporter, photos, "Изъятие техники");
        _api.EnqueueDocument(Reporter, pdf, "application/pdf");
        _api.EnqueueForwardFromChannel(Reporter, "Акимат отказал", "Ulysmedia", "ulysmedia");
        var text = _api.EnqueueText(Reporter, "было 3 февраля");
        _api.EnqueueEditedText(Reporter, text.MessageId, "было 4 февраля");
        _api.EnqueueSticker(Reporter);
        _api.EnqueueLocation(Reporter);
        _api.EnqueueGroupText(-100777, Reporter, "бот, привет");
        _api.EnqueueUnknownUpdate();

        var updates = await _bot.GetUpdates(timeout: 0);
        Assert.Equal(11, updates.Length);
        var events = updates.Select(TelegramEvents.FromUpdate).ToList();

        Assert.All(events.Take(3), e => Assert.Equal(album[0].Json["message"]!["media_group_id"]!.ToString(), e!.MediaGroupId));
        Assert.Equal("Изъятие техники", events[0]!.Text);
        Assert.Equal(photos[0].FileId, events[0]!.Files.Single().FileId);
        Assert.Equal(("postanovlenie.pdf", "application/pdf", FileKind.Document),
            (events[3]!.Files[0].FileName, events[3]!.Files[0].MimeType, events[3]!.Files[0].Kind));
        Assert.Equal("channel «Ulysmedia» (@ulysmedia)", events[4]!.ForwardOrigin);
        Assert.True(events[6]!.Edited);
        Assert.Equal(text.MessageId, events[6]!.MessageId);
        Assert.Equal(UnsupportedContent.Sticker, events[7]!.Unsupported);
        Assert.Equal(UnsupportedContent.Location, events[8]!.Unsupported);
        Assert.Null(events[9]);
        Assert.True(TelegramEvents.IsGroupMessage(updates[9]));
        Assert.Null(events[10]);
        Assert.Equal(UpdateType.Unknown, updates[10].Type);
    }

    private TelegramBotClient Client(int? retryThreshold = null)
    {
        var options = new TelegramBotClientOptions(_api.Token, _api.BaseUrl);
        if (retryThreshold is { } threshold)
        {
            options.RetryThreshold = threshold;
        }

        return new TelegramBotClient(options);
    }
}

public sealed class BotApiStandInShutdownTests
{
    [Fact]
    public async Task Disposing_ends_a_pending_long_poll_at_once()
    {
        var api = await BotApiStandIn.StartAsync();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(api.Token, api.BaseUrl));
        var poll = bot.GetUpdates(timeout: 90);
        Assert.True(await api.WaitUntilAsync(() => !poll.IsCompleted, TimeSpan.FromSeconds(30)));

        var clock = Stopwatch.StartNew();
        await api.DisposeAsync();
        try
        {
            Assert.Empty(await poll);
        }
        catch (Exception e) when (e is HttpRequestException or RequestException or TaskCanceledException)
        {
            // The connection may be closed before the empty answer arrives; either ends the poll.
        }

        // Ended by the disposal, long before the poll's 90 s timeout.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"shutdown took {clock.Elapsed}");
    }
}
