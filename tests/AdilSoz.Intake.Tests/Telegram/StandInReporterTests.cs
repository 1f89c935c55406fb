using System.Collections.Concurrent;
using AdilSoz.Intake.Bot.Dialogue;
using AdilSoz.Intake.Bot.Texts;
using AdilSoz.Intake.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace AdilSoz.Intake.Tests.Telegram;

/// <summary>
/// A reporter talks to the dialogue through the Bot API stand-in and the real Telegram.Bot client.
/// The loop here stands in for the Bot host (no database): poll, map, handle, send, carry out effects.
/// </summary>
public sealed class StandInReporterTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<long, (string Step, string Draft, string? Language)> _states = new();
    private readonly ConcurrentQueue<ReportDraft> _submitted = new();
    private readonly ConcurrentDictionary<long, long> _lastSeen = new();
    private readonly ConcurrentQueue<Exception> _errors = new();
    private readonly CancellationTokenSource _stop = new();
    private BotApiStandIn _api = null!;
    private Task _loop = Task.CompletedTask;
    private int _references;

    public async Task InitializeAsync()
    {
        _api = await BotApiStandIn.StartAsync();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(_api.Token, _api.BaseUrl));
        _loop = Task.Run(() => RunAsync(bot, _stop.Token));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while answering the last update.
        }

        await _api.DisposeAsync();
    }

    [Theory]
    [InlineData("kk", 7001, "Жақсы, қазақша", "Не болғанын", "Альбом алынды", "4 файл", "қашан", "Рахмет. Хабарламаңыз қабылданды")]
    [InlineData("ru", 7002, "Хорошо, будем общаться на русском", "Расскажите, что произошло", "Альбом получен", "4 файла", "Когда", "Спасибо. Ваше сообщение принято")]
    [InlineData("en", 7003, "Fine, we'll talk in English", "Tell us what happened", "Album received", "4 files", "When did", "Thank you. Your report has been received")]
    public async Task A_new_reporter_sends_a_full_report_with_an_album_and_a_pdf_and_gets_the_reference(
        string lang, long user, string languageSet, string askWhat, string albumAck, string fourFiles, string askWhen, string thanks)
    {
        _api.EnqueueText(user, "/start", "de");
        await Next(user, "Выберите язык");
        await _api.PressButtonAsync(user, "lang:" + lang);
        await Next(user, languageSet);
        await _api.PressButtonAsync(user, "menu:report");
        await Next(user, askWhat);

        _api.EnqueueText(user, "Сотрудники полиции задержали нашего оператора во время съёмки митинга.");
        await Next(user, "«");
        await _api.PressButtonAsync(user, "done");
        await Next(user, "PDF");

        var before = _api.SentMessages(user).Count;
        var photos = Enumerable.Range(1, 3).Select(i => _api.RegisterFile([(byte)i, 1, 2], $"photo{i}.jpg")).ToList();
        _api.EnqueueAlbum(user, photos);
        await Next(user, albumAck);
        var pdf = _api.RegisterFile([0x25, 0x50, 0x44, 0x46], "protocol.pdf");
        _api.EnqueueDocument(user, pdf, "application/pdf");
        await Next(user, fourFiles);
        Assert.Equal(before + 2, _api.SentMessages(user).Count);

        await _api.PressButtonAsync(user, "done");
        await Next(user, askWhen);
        _api.EnqueueText(user, "03.02.2021");
        await Next(user, "?");
        await _api.PressButtonAsync(user, "region:karaganda");
        await Next(user, "?");
        _api.EnqueueText(user, "Темиртау");
        await Next(user, "?");
        await _api.PressButtonAsync(user, "aff:colleague");
        await Next(user, "?");
        await _api.PressButtonAsync(user, "name:no");
        var summary = await Next(user, "03.02.2021");
        Assert.Contains("Темиртау", summary.Text);
        await _api.PressButtonAsync(user, "submit");
        var confirmation = await Next(user, "AS-2021-");
        Assert.Contains(thanks, confirmation.Text);

        var draft = _submitted.Single(d => d.Files.FirstOrDefault()?.FileId == photos[0].FileId);
        Assert.Equal([.. photos.Select(p => p.FileId), pdf.FileId], draft.Files.Select(f => f.FileId));
        Assert.Equal(new DateOnly(2021, 2, 3), draft.OccurredOn);
        Assert.Equal(("karaganda", "colleague", false), (draft.RegionCode, draft.Affected, draft.MayNameReporter));
        Assert.Equal(lang, _states[user].Language);

        // Pressed keyboards are taken away, so an old button cannot be pressed twice by mistake.
        Assert.Empty(_api.SentMessages(user)[0].Buttons);
    }

    [Fact]
    public async Task A_group_chat_gets_the_polite_private_only_answer()
    {
        _api.EnqueueGroupText(-100555, 7010, "@AdilSozTestBot помогите", "kk");
        var answer = await _api.WaitForMessageAsync(-100555, BotTexts.Get("kk", "GroupChat"));
        Assert.Empty(answer.Buttons);
    }

    /// <summary>Waits for the next bot message in the chat (after the last one seen) containing the text.</summary>
    private async Task<BotApiMessage> Next(long chat, string contains)
    {
        var seen = _lastSeen.GetValueOrDefault(chat);
        BotApiMessage message;
        try
        {
            message = await _api.WaitForMessageAsync(chat, m => m.MessageId > seen && m.Text?.Contains(contains, StringComparison.Ordinal) == true);
        }
        catch (TimeoutException e) when (!_errors.IsEmpty || _loop.IsCompleted)
        {
            throw new AggregateException(e.Message + " loop " + _loop.Status, [e, .. _errors]);
        }

        _lastSeen[chat] = _api.SentMessages(chat).Max(m => m.MessageId);
        return message;
    }

    private async Task RunAsync(ITelegramBotClient bot, CancellationToken stop)
    {
        var engine = new DialogueEngine();
        int? offset = null;
        while (!stop.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await bot.GetUpdates(offset, timeout: 5, cancellationToken: stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                _errors.Enqueue(e);
                return;
            }

            foreach (var update in updates)
            {
                offset = update.Id + 1;
                try
                {
                    await HandleAsync(bot, engine, update, stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _errors.Enqueue(e);
                }
            }
        }
    }

    private async Task HandleAsync(ITelegramBotClient bot, DialogueEngine engine, Update update, CancellationToken stop)
    {
        if (TelegramEvents.IsGroupMessage(update))
        {
            await bot.SendMessage(update.Message!.Chat.Id, BotTexts.GroupChat(update.Message.From?.LanguageCode), cancellationToken: stop);
            return;
        }

        if (TelegramEvents.FromUpdate(update) is not { } ev)
        {
            return;
        }

        var chat = update.Message?.Chat.Id ?? update.EditedMessage?.Chat.Id ?? update.CallbackQuery!.From.Id;
        var stored = _states.GetValueOrDefault(chat, ("start", "{}", null));
        var result = engine.Handle(DialogueSnapshot.FromStored(stored.Step, stored.Draft, stored.Language), ev, DateTimeOffset.UtcNow);
        _states[chat] = (result.State.StepName, result.State.DraftJson, result.State.Language);
        if (update.CallbackQuery is { } query)
        {
            await bot.AnswerCallbackQuery(query.Id, cancellationToken: stop);
        }

        await TelegramReplies.SendAsync(bot, chat, result.Messages, stop);
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case SubmitReport submit:
                    _submitted.Enqueue(submit.Draft);
                    var reference = $"AS-2021-{Interlocked.Increment(ref _references)}";
                    await TelegramReplies.SendAsync(bot, chat, [DialogueEngine.Confirmation(submit.Language, reference)], stop);
                    break;
                case ShowStatus status:
                    await TelegramReplies.SendAsync(bot, chat, [DialogueEngine.StatusMessage(status.Language, [])], stop);
                    break;
            }
        }
    }
}
