using System.Text;
using AdilSoz.Intake.Bot.Texts;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Language.Reference;

namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>The questions of each step, their keyboards and the summary.</summary>
public sealed partial class DialogueEngine
{
    private const int SummaryTextPreview = 700;

    /// <summary>Asks the question of the current step again (with its buttons).</summary>
    private static void RepeatPrompt(Turn turn, bool fallbackToMenu = false)
    {
        switch (turn.Step)
        {
            case DialogueStep.What:
                turn.Ask(turn.Draft.Texts.Count > 0 ? "AskWhatMore" : "AskWhat",
                    turn.Draft.Texts.Count > 0 ? DoneKeyboard(turn) : SkipKeyboard(turn));
                break;
            case DialogueStep.Evidence:
                turn.Ask("AskEvidence", turn.Draft.Files.Count > 0 ? DoneKeyboard(turn) : SkipKeyboard(turn));
                break;
            case DialogueStep.When:
                turn.Ask("AskWhen", WhenKeyboard(turn));
                break;
            case DialogueStep.Region:
                turn.Ask("AskRegion", RegionKeyboard(turn));
                break;
            case DialogueStep.Settlement:
                turn.Ask("AskSettlement", SkipKeyboard(turn));
                break;
            case DialogueStep.Affected:
                turn.Ask("AskAffected",
                [
                    [turn.Button("AffectedMe", "aff:me"), turn.Button("AffectedColleague", "aff:colleague")],
                    [turn.Button("AffectedOutlet", "aff:outlet"), turn.Button("AffectedOther", "aff:other")],
                    [turn.Button("BtnSkip", "skip"), turn.Button("BtnCancel", "cancel")],
                ]);
                break;
            case DialogueStep.Naming:
                turn.Ask("AskNaming",
                [
                    [turn.Button("NamingYes", "name:yes")],
                    [turn.Button("NamingNo", "name:no")],
                    [turn.Button("BtnSkip", "skip"), turn.Button("BtnCancel", "cancel")],
                ]);
                break;
            case DialogueStep.Summary:
                turn.Messages.Add(new OutgoingMessage(Summary(turn),
                [
                    [turn.Button("BtnSubmit", "submit")],
                    [turn.Button("BtnEdit", "edit"), turn.Button("BtnCancel", "cancel")],
                ]));
                break;
            case DialogueStep.EditChoice:
                AskWhatToEdit(turn);
                break;
            case DialogueStep.ChooseLanguage:
                AskLanguage(turn, turn.Draft.ResumeStep ?? DialogueStep.Menu);
                break;
            case DialogueStep.ConfirmDelete:
                turn.Ask("DeleteConfirm", [[turn.Button("BtnDeleteYes", "del:yes")], [turn.Button("BtnDeleteNo", "del:no")]]);
                break;
            default:
                if (fallbackToMenu)
                {
                    ShowMenu(turn, withWelcome: false);
                }

                break;
        }
    }

    private static void AskWhatToEdit(Turn turn)
    {
        turn.Step = DialogueStep.EditChoice;
        turn.Ask("EditPrompt",
        [
            [turn.Button("FieldWhat", "edit:what"), turn.Button("FieldFiles", "edit:evidence")],
            [turn.Button("FieldWhen", "edit:when"), turn.Button("FieldWhere", "edit:where")],
            [turn.Button("FieldAffected", "edit:affected"), turn.Button("FieldNaming", "edit:naming")],
            [turn.Button("BtnBack", "edit:back")],
        ]);
    }

    private static string Summary(Turn turn)
    {
        var d = turn.Draft;
        var lang = turn.Lang;
        var notGiven = BotTexts.Get(lang, "NotGiven");
        var text = d.Text.Trim();
        if (text.Length > SummaryTextPreview)
        {
            text = text[..SummaryTextPreview] + "…";
        }

        var files = d.Files.Count == 0 ? notGiven : BotTexts.Files(lang, d.Files.Count);
        var tooLarge = d.Files.Count(f => f.TooLarge);
        if (tooLarge > 0)
        {
            files += " " + BotTexts.Format(lang, "SummaryTooLarge", tooLarge);
        }

        var region = ReferenceData.Regions.FirstOrDefault(r => r.Code == d.RegionCode);
        var place = string.Join(", ", new[] { region is null ? null : ReferenceNames.Of(region, lang), d.Settlement }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        var affected = d.Affected switch
        {
            "me" => BotTexts.Get(lang, "AffectedMe"),
            "colleague" => BotTexts.Get(lang, "AffectedColleague"),
            "outlet" => BotTexts.Get(lang, "AffectedOutlet"),
            "other" => BotTexts.Get(lang, "AffectedOther"),
            _ => notGiven,
        };

        var sb = new StringBuilder();
        sb.AppendLine(BotTexts.Get(lang, "SummaryHeader")).AppendLine();
        sb.AppendLine(BotTexts.Format(lang, "SummaryWhat", text.Length == 0 ? notGiven : text));
        if (d.ForwardedFrom is { } origin)
        {
            sb.AppendLine(BotTexts.Format(lang, "SummaryForwarded", origin));
        }

        sb.AppendLine(BotTexts.Format(lang, "SummaryFiles", files));
        sb.AppendLine(BotTexts.Format(lang, "SummaryWhen", d.OccurredOn?.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? notGiven));
        sb.AppendLine(BotTexts.Format(lang, "SummaryWhere", place.Length == 0 ? notGiven : place));
        sb.AppendLine(BotTexts.Format(lang, "SummaryAffected", affected));
        sb.AppendLine(BotTexts.Format(lang, "SummaryNaming", BotTexts.Get(lang, d.MayNameReporter == true ? "NamingYesShort" : "NamingNoShort")));
        sb.AppendLine().Append(BotTexts.Get(lang, "SummaryFooter"));
        return sb.ToString();
    }

    private static IReadOnlyList<IReadOnlyList<Button>> SkipKeyboard(Turn turn) =>
        [[turn.Button("BtnSkip", "skip"), turn.Button("BtnCancel", "cancel")]];

    private static IReadOnlyList<IReadOnlyList<Button>> DoneKeyboard(Turn turn) =>
        [[turn.Button("BtnDone", "done")], [turn.Button("BtnCancel", "cancel")]];

    private static IReadOnlyList<IReadOnlyList<Button>> WhenKeyboard(Turn turn) =>
    [
        [turn.Button("BtnToday", "when:today"), turn.Button("BtnYesterday", "when:yesterday")],
        [turn.Button("BtnSkip", "skip"), turn.Button("BtnCancel", "cancel")],
    ];

    private static List<IReadOnlyList<Button>> RegionKeyboard(Turn turn)
    {
        var rows = ReferenceData.Regions.OrderBy(r => r.SortOrder)
            .Select(r => new Button(ReferenceNames.Of(r, turn.Lang), "region:" + r.Code))
            .Chunk(2)
            .Select(IReadOnlyList<Button> (c) => c)
            .ToList();
        rows.Add([turn.Button("BtnSkip", "skip"), turn.Button("BtnCancel", "cancel")]);
        return rows;
    }
}
