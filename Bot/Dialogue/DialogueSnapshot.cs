namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>
/// The dialogue state the caller persists: <see cref="Step"/> as DialogueState.Step (its name),
/// <see cref="Draft"/> as DialogueState.DraftJson, <see cref="Language"/> as Reporter.Language.
/// </summary>
public sealed record DialogueSnapshot(DialogueStep Step, ReportDraft Draft, string? Language)
{
    public static DialogueSnapshot New => new(DialogueStep.Start, new ReportDraft(), null);

    public string StepName => Step.ToString();

    public string DraftJson => Draft.ToJson();

    /// <summary>Restores a snapshot from stored values; an unknown step name falls back to the menu.</summary>
    public static DialogueSnapshot FromStored(string? step, string? draftJson, string? language)
    {
        var parsed = Enum.TryParse<DialogueStep>(step, ignoreCase: true, out var s) ? s : DialogueStep.Start;
        if (parsed == DialogueStep.Start && language is not null)
        {
            parsed = DialogueStep.Menu;
        }

        return new DialogueSnapshot(parsed, ReportDraft.FromJson(draftJson), language);
    }
}
