using AdilSoz.Intake.Bot.Texts;
using AdilSoz.Intake.Core.Hosting;

namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>
/// The Telegram dialogue as a pure state machine: no I/O, no clock, no database. The caller loads
/// the <see cref="DialogueSnapshot"/>, calls <see cref="Handle"/>, sends the messages, persists the
/// new snapshot and carries out the effects (submit, status, delete, language).
/// </summary>
public sealed partial class DialogueEngine(string? onionAddress = null)
{
    /// <summary>Longest text taken from one message.</summary>
    public const int MaxMessageLength = 4000;

    /// <summary>Longest description of one report.</summary>
    public const int MaxReportLength = 20000;

    /// <summary>Bot API download limit: larger files are recorded but cannot be fetched.</summary>
    public const long MaxDownloadBytes = 20L * 1024 * 1024;

    public DialogueResult Handle(DialogueSnapshot state, IncomingEvent ev, DateTimeOffset now)
    {
        var turn = new Turn(state, ev, FoundationClock.DayOf(now));
        if (state.Language is null)
        {
            // Note: until the reporter chooses, talk in the Telegram client's language.
            turn.Effects.Add(new SetLanguage(turn.Lang));
        }

        if (ev.CallbackData is not null)
        {
            turn.Messages.Add(OutgoingMessage.RemoveKeyboard(ev.MessageId));
        }

        if (ev.Command is { } command)
        {
            OnCommand(turn, command);
        }
        else if (ev.Edited)
        {
            OnEdited(turn);
        }
        else if (ev.CallbackData is { } data)
        {
            OnCallback(turn, data);
        }
        else if (ev.Unsupported != UnsupportedContent.None)
        {
            turn.Say(ev.Unsupported == UnsupportedContent.Location ? "UnsupportedLocation" : "Unsupported");
        }
        else if (ev.MediaGroupId is not null && ev.MediaGroupId == turn.Draft.LastMediaGroupId && IsReportStep(turn.Step))
        {
            // The rest of an album: take it silently, the first part already got an answer.
            AddContent(turn, quiet: true);
        }
        else
        {
            OnMessage(turn);
        }

        return turn.Result();
    }

    /// <summary>The confirmation after the caller stored the submitted report as <paramref name="reference"/>.</summary>
    public static OutgoingMessage Confirmation(string language, string reference) =>
        new(BotTexts.Format(language, "Submitted", reference), MenuKeyboard(language));

    /// <summary>The answer to /status: one line per report, newest first as given.</summary>
    public static OutgoingMessage StatusMessage(string language, IReadOnlyList<ReportStatus> reports)
    {
        if (reports.Count == 0)
        {
            return OutgoingMessage.Plain(BotTexts.Get(language, "StatusNone"));
        }

        var lines = reports.Select(r => BotTexts.StatusLine(language, r.Reference, r.Status, r.ReceivedAt, r.ModeratorNote));
        return OutgoingMessage.Plain(BotTexts.Get(language, "StatusHeader") + "\n\n" + string.Join("\n\n", lines));
    }

    private void OnCommand(Turn turn, string command)
    {
        switch (command)
        {
            case "start":
                if (turn.Snapshot.Language is null)
                {
                    AskLanguage(turn, DialogueStep.Menu);
                }
                else
                {
                    ShowMenu(turn, withWelcome: true);
                }

                break;
            case "cancel":
                Cancel(turn);
                break;
            case "lang" or "language":
                AskLanguage(turn, turn.Step);
                break;
            case "help":
                turn.Say("Help");
                RepeatPrompt(turn);
                break;
            case "status":
                turn.Effects.Add(new ShowStatus(turn.Lang));
                break;
            case "privacy" or "about":
                turn.Say("Privacy");
                if (onionAddress is not null)
                {
                    turn.Say("PrivacyOnion", onionAddress);
                }

                RepeatPrompt(turn);
                break;
            case "delete_my_data":
                turn.Draft.ResumeStep = turn.Step == DialogueStep.ConfirmDelete ? turn.Draft.ResumeStep : turn.Step;
                turn.Step = DialogueStep.ConfirmDelete;
                turn.Ask("DeleteConfirm", [[turn.Button("BtnDeleteYes", "del:yes")], [turn.Button("BtnDeleteNo", "del:no")]]);
                break;
            case "report" or "new":
                StartReport(turn);
                break;
            default:
                turn.Say("UnknownCommand");
                break;
        }
    }

    private static void OnCallback(Turn turn, string data)
    {
        var (kind, value) = data.IndexOf(':') is var i and >= 0 ? (data[..i], data[(i + 1)..]) : (data, "");
        switch (kind)
        {
            case "lang":
                ChooseLanguage(turn, value);
                return;
            case "cancel":
                Cancel(turn);
                return;
            case "menu":
                OnMenu(turn, value);
                return;
            case "del":
                OnDeleteAnswer(turn, value == "yes");
                return;
        }

        if (!OnStepCallback(turn, kind, value))
        {
            // A button of an old message: ask the current question again.
            RepeatPrompt(turn, fallbackToMenu: true);
        }
    }

    private static void OnMenu(Turn turn, string value)
    {
        switch (value)
        {
            case "report":
                StartReport(turn);
                break;
            case "status":
                turn.Effects.Add(new ShowStatus(turn.Lang));
                break;
            default:
                turn.Say("Privacy");
                break;
        }
    }

    private static void AskLanguage(Turn turn, DialogueStep resume)
    {
        turn.Draft.ResumeStep = resume is DialogueStep.ChooseLanguage or DialogueStep.Start ? DialogueStep.Menu : resume;
        turn.Step = DialogueStep.ChooseLanguage;
        turn.Ask("LanguagePrompt",
        [
            [new Button("Қазақша", "lang:kk")],
            [new Button("Русский", "lang:ru")],
            [new Button("English", "lang:en")],
        ]);
    }

    private static void ChooseLanguage(Turn turn, string language)
    {
        if (!BotTexts.Languages.Contains(language))
        {
            AskLanguage(turn, turn.Draft.ResumeStep ?? DialogueStep.Menu);
            return;
        }

        turn.Lang = language;
        turn.Effects.RemoveAll(e => e is SetLanguage);
        turn.Effects.Add(new SetLanguage(language));
        turn.Say("LanguageSet");
        var resume = turn.Step == DialogueStep.ChooseLanguage ? turn.Draft.ResumeStep ?? DialogueStep.Menu : turn.Step;
        turn.Draft.ResumeStep = null;
        if (IsReportStep(resume) || resume == DialogueStep.Summary)
        {
            turn.Step = resume;
            RepeatPrompt(turn);
        }
        else
        {
            ShowMenu(turn, withWelcome: false);
        }
    }

    private static void OnDeleteAnswer(Turn turn, bool confirmed)
    {
        var resume = turn.Draft.ResumeStep ?? DialogueStep.Menu;
        if (confirmed)
        {
            turn.Effects.Add(new DeleteMyData());
            turn.Draft = new ReportDraft();
            turn.Step = DialogueStep.Menu;
            turn.Say("Deleted");
            return;
        }

        turn.Draft.ResumeStep = null;
        turn.Say("DeleteKept");
        turn.Step = resume;
        RepeatPrompt(turn, fallbackToMenu: true);
    }

    private static void Cancel(Turn turn)
    {
        var hadReport = !turn.Draft.IsEmpty || IsReportStep(turn.Step) || turn.Step is DialogueStep.Summary or DialogueStep.EditChoice;
        turn.Draft = new ReportDraft();
        turn.Step = DialogueStep.Menu;
        turn.Say(hadReport ? "Cancelled" : "NothingToCancel");
        ShowMenu(turn, withWelcome: false);
    }

    private static void ShowMenu(Turn turn, bool withWelcome)
    {
        turn.Step = DialogueStep.Menu;
        turn.Messages.Add(new OutgoingMessage(BotTexts.Get(turn.Lang, withWelcome ? "Welcome" : "MenuPrompt"), MenuKeyboard(turn.Lang)));
    }

    private static IReadOnlyList<IReadOnlyList<Button>> MenuKeyboard(string language) =>
    [
        [new Button(BotTexts.Get(language, "BtnReport"), "menu:report")],
        [new Button(BotTexts.Get(language, "BtnStatus"), "menu:status")],
        [new Button(BotTexts.Get(language, "BtnAbout"), "menu:about")],
    ];

    private static bool IsReportStep(DialogueStep step) => step is DialogueStep.What or DialogueStep.Evidence or DialogueStep.When
        or DialogueStep.Region or DialogueStep.Settlement or DialogueStep.Affected or DialogueStep.Naming;
}

/// <summary>One report in the /status answer.</summary>
public sealed record ReportStatus(string Reference, AdilSoz.Intake.Core.Intake.SubmissionStatus Status, DateTimeOffset ReceivedAt, string? ModeratorNote);
