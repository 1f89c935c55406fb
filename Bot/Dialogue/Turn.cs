using AdilSoz.Intake.Bot.Texts;

namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>The mutable working state of one <see cref="DialogueEngine.Handle"/> call.</summary>
internal sealed class Turn(DialogueSnapshot snapshot, IncomingEvent ev, DateOnly today)
{
    public DialogueSnapshot Snapshot { get; } = snapshot;

    public IncomingEvent Event { get; } = ev;

    public DateOnly Today { get; } = today;

    public DialogueStep Step { get; set; } = snapshot.Step;

    public ReportDraft Draft { get; set; } = snapshot.Draft.Clone();

    public string Lang { get; set; } = snapshot.Language ?? BotTexts.DefaultLanguage(ev.LanguageCode);

    public List<OutgoingMessage> Messages { get; } = [];

    public List<DialogueEffect> Effects { get; } = [];

    public void Say(string key, params object[] args) =>
        Messages.Add(OutgoingMessage.Plain(BotTexts.Format(Lang, key, args)));

    public void Ask(string key, IReadOnlyList<IReadOnlyList<Button>> keyboard, params object[] args) =>
        Messages.Add(new OutgoingMessage(BotTexts.Format(Lang, key, args), keyboard));

    public Button Button(string key, string data) => new(BotTexts.Get(Lang, key), data);

    public DialogueResult Result() => new(Messages, new DialogueSnapshot(Step, Draft, Lang), Effects);
}
