using AdilSoz.Intake.Language.Dates;
using AdilSoz.Intake.Language.Reference;

namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>The report steps: taking content, answers and the order of the questions.</summary>
public sealed partial class DialogueEngine
{
    private static readonly string[] CitiesWithoutSettlement = ["astana", "almaty", "shymkent"];

    private static readonly (string Answer, DialogueStep Step)[] Order =
    [
        ("what", DialogueStep.What),
        ("evidence", DialogueStep.Evidence),
        ("when", DialogueStep.When),
        ("region", DialogueStep.Region),
        ("settlement", DialogueStep.Settlement),
        ("affected", DialogueStep.Affected),
        ("naming", DialogueStep.Naming),
    ];

    private static void StartReport(Turn turn)
    {
        if (!turn.Draft.IsEmpty)
        {
            turn.Say("ResumeDraft");
        }

        NextQuestion(turn);
    }

    private static void OnMessage(Turn turn)
    {
        switch (turn.Step)
        {
            case DialogueStep.Start or DialogueStep.Menu:
                // Quick report: content sent outside the dialogue starts (or adds to) a report.
                var started = turn.Draft.IsEmpty;
                turn.Draft.Quick |= started;
                if (!AddContent(turn, quiet: true))
                {
                    return;
                }

                if (turn.Draft.Texts.Count > 0)
                {
                    turn.Draft.MarkAnswered("what");
                }

                if (turn.Draft.Files.Count > 0)
                {
                    turn.Draft.MarkAnswered("evidence");
                }

                turn.Say(started ? "QuickStarted" : "AddedToDraft");
                NextQuestion(turn);
                break;
            case DialogueStep.What:
                if (AddContent(turn, quiet: false))
                {
                    turn.Ask(turn.Event.Files.Count > 0 ? "FilesAddedWhat" : "WhatAdded", DoneKeyboard(turn), turn.Event.Files.Count);
                }

                break;
            case DialogueStep.Evidence:
                if (AddContent(turn, quiet: false))
                {
                    // Note: only the first message of an album gets here, so an album is not counted yet.
                    if (turn.Event.MediaGroupId is null)
                    {
                        turn.Ask("EvidenceAdded", DoneKeyboard(turn), Texts.BotTexts.Files(turn.Lang, turn.Draft.Files.Count));
                    }
                    else
                    {
                        turn.Ask("EvidenceAlbumAdded", DoneKeyboard(turn));
                    }
                }

                break;
            case DialogueStep.When when turn.Event.Files.Count == 0:
                OnDateTyped(turn);
                break;
            case DialogueStep.Region when turn.Event.Files.Count == 0:
                OnRegionTyped(turn);
                break;
            case DialogueStep.Settlement when turn.Event.Files.Count == 0:
                var settlement = (turn.Event.Text ?? "").Trim();
                turn.Draft.Settlement = settlement.Length > 200 ? settlement[..200] : settlement;
                turn.Draft.MarkAnswered("settlement");
                NextQuestion(turn);
                break;
            case DialogueStep.When or DialogueStep.Region or DialogueStep.Settlement or DialogueStep.Affected or DialogueStep.Naming
                or DialogueStep.Summary or DialogueStep.EditChoice:
                if (turn.Event.Files.Count > 0 || turn.Event.ForwardOrigin is not null)
                {
                    // Never lose evidence: files and forwards sent at any step join the report.
                    if (AddContent(turn, quiet: false))
                    {
                        turn.Say("AddedToDraft");
                    }
                }
                else
                {
                    turn.Say("UseButtons");
                }

                RepeatPrompt(turn);
                break;
            case DialogueStep.ChooseLanguage:
                if (LanguageNamed(turn.Event.Text) is { } typed)
                {
                    ChooseLanguage(turn, typed);
                }
                else
                {
                    // Content sent instead of choosing a language is not lost: it is taken where the
                    // reporter was (in the menu it starts a quick report).
                    turn.Step = turn.Draft.ResumeStep ?? DialogueStep.Menu;
                    turn.Draft.ResumeStep = null;
                    OnMessage(turn);
                }

                break;
            case DialogueStep.ConfirmDelete:
                turn.Step = DialogueStep.ConfirmDelete;
                turn.Ask("DeleteConfirm", [[turn.Button("BtnDeleteYes", "del:yes")], [turn.Button("BtnDeleteNo", "del:no")]]);
                break;
        }
    }

    private static void OnDateTyped(Turn turn)
    {
        switch (DateParser.TryParse(turn.Event.Text, turn.Today, out var date))
        {
            case DateParseOutcome.Parsed:
                turn.Draft.OccurredOn = date;
                turn.Draft.MarkAnswered("when");
                NextQuestion(turn);
                break;
            case DateParseOutcome.Future:
                turn.Ask("WhenFuture", WhenKeyboard(turn), date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                turn.Ask("WhenInvalid", WhenKeyboard(turn));
                break;
        }
    }

    private static void OnRegionTyped(Turn turn)
    {
        var text = (turn.Event.Text ?? "").Trim();
        var region = text.Length < 3 ? null : ReferenceData.Regions.FirstOrDefault(r =>
            new[] { r.NameKk, r.NameRu, r.NameEn, r.Code }.Concat(r.Aliases)
                .Any(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)
                    || n.StartsWith(text, StringComparison.OrdinalIgnoreCase)));
        if (region is null)
        {
            turn.Ask("RegionUnknown", RegionKeyboard(turn));
            return;
        }

        SetRegion(turn, region);
        NextQuestion(turn);
    }

    private static void SetRegion(Turn turn, Region region)
    {
        turn.Draft.RegionCode = region.Code;
        turn.Draft.MarkAnswered("region");
        if (CitiesWithoutSettlement.Contains(region.Code))
        {
            turn.Draft.Settlement = null;
            turn.Draft.MarkAnswered("settlement");
        }
    }

    /// <summary>Moves to the first question not yet answered, or to the summary.</summary>
    private static void NextQuestion(Turn turn)
    {
        var next = Order.FirstOrDefault(o => !turn.Draft.IsAnswered(o.Answer));
        turn.Step = next.Answer is null ? DialogueStep.Summary : next.Step;
        RepeatPrompt(turn);
    }
}
