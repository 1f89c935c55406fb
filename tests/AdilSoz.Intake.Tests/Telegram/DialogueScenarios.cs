using AdilSoz.Intake.Bot.Dialogue;

namespace AdilSoz.Intake.Tests.Telegram;

/// <summary>Drives a reporter to a given step of the report with ordinary answers.</summary>
internal static class DialogueScenarios
{
    public static DialogueDriver AtStep(DialogueStep target, string lang = "en")
    {
        var d = new DialogueDriver(lang);
        d.Press("menu:report", allowHidden: true);
        var answers = new (DialogueStep Step, Action Answer)[]
        {
            (DialogueStep.What, () => { d.Text("The police detained our cameraman."); d.Press("done"); }),
            (DialogueStep.Evidence, () => { d.Photo(); d.Press("done"); }),
            (DialogueStep.When, () => d.Press("when:yesterday")),
            (DialogueStep.Region, () => d.Press("region:pavlodar")),
            (DialogueStep.Settlement, () => d.Text("Экибастуз")),
            (DialogueStep.Affected, () => d.Press("aff:colleague")),
            (DialogueStep.Naming, () => d.Press("name:no")),
        };
        foreach (var (step, answer) in answers)
        {
            if (d.Step == target)
            {
                return d;
            }

            Assert.Equal(step, d.Step);
            answer();
        }

        Assert.Equal(target, d.Step);
        return d;
    }

    public static DialogueDriver AtSummary(string lang = "en") => AtStep(DialogueStep.Summary, lang);

    /// <summary>Every step of the report, for tests that must hold at each of them.</summary>
    public static TheoryData<DialogueStep> ReportSteps =>
    [
        DialogueStep.What, DialogueStep.Evidence, DialogueStep.When, DialogueStep.Region,
        DialogueStep.Settlement, DialogueStep.Affected, DialogueStep.Naming, DialogueStep.Summary,
    ];
}
