using AdilSoz.Intake.Bot.Dialogue;

namespace AdilSoz.Intake.Tests.Telegram;

/// <summary>
/// Plays a conversation against <see cref="DialogueEngine"/>, storing the state the way the bot
/// does (step name, draft JSON, language) between events, and keeping what the reporter saw.
/// </summary>
internal sealed class DialogueDriver
{
    private readonly DialogueEngine _engine;
    private long _nextMessageId = 100;
    private string _step = "start";
    private string _draftJson = "{}";

    public DialogueDriver(string? language = null, DateTimeOffset? now = null, string? onionAddress = null)
    {
        _engine = new DialogueEngine(onionAddress);
        Language = language;
        Now = now ?? new DateTimeOffset(2021, 2, 10, 9, 0, 0, TimeSpan.Zero);
        if (language is not null)
        {
            _step = nameof(DialogueStep.Menu);
        }
    }

    public DateTimeOffset Now { get; set; }

    public string? Language { get; private set; }

    public string? LanguageCode { get; set; }

    public DialogueSnapshot State => DialogueSnapshot.FromStored(_step, _draftJson, Language);

    public DialogueStep Step => State.Step;

    public ReportDraft Draft => State.Draft;

    public DialogueResult Last { get; private set; } = null!;

    public List<DialogueEffect> Effects { get; } = [];

    public List<ReportDraft> Submitted { get; } = [];

    public long LastMessageId { get; private set; }

    /// <summary>Texts of the messages sent in reply to the last event.</summary>
    public IReadOnlyList<string> Replies => Last.Messages.Where(m => m.Text is not null).Select(m => m.Text!).ToList();

    public string LastReply => Replies[^1];

    /// <summary>Buttons offered in reply to the last event.</summary>
    public IReadOnlyList<Button> Buttons => Last.Messages.SelectMany(m => m.Buttons).ToList();

    public DialogueResult Send(IncomingEvent ev)
    {
        Last = _engine.Handle(State, ev with { LanguageCode = ev.LanguageCode ?? LanguageCode }, Now);
        _step = Last.State.StepName;
        _draftJson = Last.State.DraftJson;
        Language = Last.State.Language;
        Effects.AddRange(Last.Effects);
        Submitted.AddRange(Last.Effects.OfType<SubmitReport>().Select(s => s.Draft));
        return Last;
    }

    public DialogueResult Text(string text) => Send(IncomingEvent.Message(text, NextId()));

    /// <summary>Presses a button by its callback data; fails when the last reply did not offer it.</summary>
    public DialogueResult Press(string callbackData, bool allowHidden = false)
    {
        if (!allowHidden)
        {
            Assert.Contains(Buttons, b => b.CallbackData == callbackData);
        }

        return Send(IncomingEvent.Callback(callbackData, LastMessageId));
    }

    /// <summary>Presses a button even if the last reply did not show it (an old keyboard).</summary>
    public DialogueResult PressStale(string callbackData) => Send(IncomingEvent.Callback(callbackData, 1));

    public DialogueResult Photo(string? caption = null, string? mediaGroupId = null, string? unique = null) =>
        Send(new IncomingEvent
        {
            MessageId = NextId(),
            Text = caption,
            MediaGroupId = mediaGroupId,
            Files = [new IncomingFile("ph-" + (unique ?? _nextMessageId.ToString(System.Globalization.CultureInfo.InvariantCulture)), unique ?? "u" + _nextMessageId, 120_000, null, "image/jpeg", FileKind.Photo)],
        });

    public DialogueResult Document(string name, string mime, long size, string? caption = null) =>
        Send(new IncomingEvent
        {
            MessageId = NextId(),
            Text = caption,
            Files = [new IncomingFile("doc-" + name, "u-" + name, size, name, mime, FileKind.Document)],
        });

    public long NextId()
    {
        LastMessageId = _nextMessageId++;
        return LastMessageId;
    }
}
