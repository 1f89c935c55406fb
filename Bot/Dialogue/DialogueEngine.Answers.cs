using AdilSoz.Intake.Language.Reference;

namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>Button answers of the report steps, submitting and reopening a field from the summary.</summary>
public sealed partial class DialogueEngine
{
    private static string? LanguageNamed(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "қазақша" or "казахский" or "kazakh" or "қазақ тілі" => "kk",
        "русский" or "орысша" or "russian" => "ru",
        "english" or "английский" or "ағылшынша" => "en",
        _ => null,
    };

    private static bool OnStepCallback(Turn turn, string kind, string value)
    {
        switch (kind, turn.Step)
        {
            case ("done" or "skip", DialogueStep.What):
                turn.Draft.MarkAnswered("what");
                break;
            case ("done" or "skip", DialogueStep.Evidence):
                turn.Draft.MarkAnswered("evidence");
                break;
            case ("skip", DialogueStep.When):
                turn.Draft.OccurredOn = null;
                turn.Draft.MarkAnswered("when");
                break;
            case ("when", DialogueStep.When):
                turn.Draft.OccurredOn = value == "yesterday" ? turn.Today.AddDays(-1) : turn.Today;
                turn.Draft.MarkAnswered("when");
                break;
            case ("skip", DialogueStep.Region):
                turn.Draft.RegionCode = null;
                turn.Draft.MarkAnswered("region");
                turn.Draft.MarkAnswered("settlement");
                break;
            case ("region", DialogueStep.Region):
                var region = ReferenceData.Regions.FirstOrDefault(r => r.Code == value);
                if (region is null)
                {
                    return false;
                }

                SetRegion(turn, region);
                break;
            case ("skip", DialogueStep.Settlement):
                turn.Draft.MarkAnswered("settlement");
                break;
            case ("aff", DialogueStep.Affected) when value is "me" or "colleague" or "outlet" or "other":
                turn.Draft.Affected = value;
                turn.Draft.MarkAnswered("affected");
                break;
            case ("skip", DialogueStep.Affected):
                turn.Draft.MarkAnswered("affected");
                break;
            case ("name", DialogueStep.Naming):
                turn.Draft.MayNameReporter = value == "yes";
                turn.Draft.MarkAnswered("naming");
                break;
            case ("skip", DialogueStep.Naming):
                turn.Draft.MayNameReporter = false;
                turn.Draft.MarkAnswered("naming");
                break;
            case ("submit", DialogueStep.Summary):
                Submit(turn);
                return true;
            case ("edit", DialogueStep.Summary):
                AskWhatToEdit(turn);
                return true;
            case ("edit", DialogueStep.EditChoice):
                Reopen(turn, value);
                break;
            default:
                return false;
        }

        NextQuestion(turn);
        return true;
    }

    private static void Submit(Turn turn)
    {
        if (turn.Draft.Texts.Count == 0 && turn.Draft.Files.Count == 0)
        {
            turn.Say("EmptyReport");
            turn.Draft.Answered.Remove("what");
            turn.Draft.Answered.Remove("evidence");
            NextQuestion(turn);
            return;
        }

        var draft = turn.Draft;
        draft.LastMediaGroupId = null;
        draft.ResumeStep = null;
        turn.Effects.Add(new SubmitReport(draft, turn.Lang));
        turn.Draft = new ReportDraft();
        turn.Step = DialogueStep.Menu;
    }

    private static void Reopen(Turn turn, string field)
    {
        var d = turn.Draft;
        switch (field)
        {
            case "what":
                d.Texts.RemoveAll(t => t.ForwardedFrom is null);
                d.Answered.Remove("what");
                break;
            case "evidence":
                d.Answered.Remove("evidence");
                break;
            case "when":
                d.OccurredOn = null;
                d.Answered.Remove("when");
                break;
            case "where":
                d.RegionCode = null;
                d.Settlement = null;
                d.Answered.Remove("region");
                d.Answered.Remove("settlement");
                break;
            case "affected":
                d.Affected = null;
                d.Answered.Remove("affected");
                break;
            case "naming":
                d.MayNameReporter = null;
                d.Answered.Remove("naming");
                break;
        }
    }
}
