using AdilSoz.Intake.Bot.Dialogue;
using AdilSoz.Intake.Bot.Texts;

namespace AdilSoz.Intake.Tests.Telegram;

/// <summary>Skip, cancel and the commands work at every step of a report.</summary>
public sealed class DialogueCommandTests
{
    public static TheoryData<DialogueStep> ReportSteps => DialogueScenarios.ReportSteps;

    public static TheoryData<DialogueStep, DialogueStep> SkipTransitions => new()
    {
        { DialogueStep.What, DialogueStep.Evidence },
        { DialogueStep.Evidence, DialogueStep.When },
        { DialogueStep.When, DialogueStep.Region },
        { DialogueStep.Region, DialogueStep.Affected },
        { DialogueStep.Settlement, DialogueStep.Affected },
        { DialogueStep.Affected, DialogueStep.Naming },
        { DialogueStep.Naming, DialogueStep.Summary },
    };

    [Theory]
    [MemberData(nameof(SkipTransitions))]
    public void Skip_moves_to_the_next_question(DialogueStep from, DialogueStep to)
    {
        var d = DialogueScenarios.AtStep(from);
        Assert.Contains(d.Buttons, b => b.CallbackData == "skip");
        d.Press("skip");
        Assert.Equal(to, d.Step);
        Assert.NotEmpty(d.Buttons);
    }

    [Fact]
    public void Privacy_tells_the_web_forms_onion_address_when_one_is_set()
    {
        var onion = new string('b', 56) + ".onion";
        var told = new DialogueDriver("kk", onionAddress: onion);
        told.Text("/privacy");
        Assert.Contains(told.Replies, r => r.Contains($"http://{onion}/report", StringComparison.Ordinal) && r.Contains("Tor Browser", StringComparison.Ordinal));

        var plain = new DialogueDriver("kk");
        plain.Text("/privacy");
        Assert.DoesNotContain(plain.Replies, r => r.Contains(".onion", StringComparison.Ordinal));
    }

    [Fact]
    public void Skipping_the_naming_question_keeps_the_reporter_anonymous()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.Naming);
        d.Press("skip");
        Assert.Equal(DialogueStep.Summary, d.Step);
        Assert.False(d.Draft.MayNameReporter);
        Assert.Contains("Your name: anonymous", d.LastReply);
    }

    [Theory]
    [MemberData(nameof(ReportSteps))]
    public void The_cancel_button_at_any_step_drops_the_draft_and_shows_the_menu(DialogueStep step)
    {
        var d = DialogueScenarios.AtStep(step, "ru");
        d.Press("cancel");
        Assert.Equal(DialogueStep.Menu, d.Step);
        Assert.True(d.Draft.IsEmpty);
        Assert.Contains("Отменено — ничего не отправлено", d.Replies[0]);
        Assert.Contains(d.Buttons, b => b.CallbackData == "menu:report");
        Assert.Empty(d.Submitted);
    }

    [Theory]
    [MemberData(nameof(ReportSteps))]
    public void Slash_cancel_at_any_step_drops_the_draft(DialogueStep step)
    {
        var d = DialogueScenarios.AtStep(step, "kk");
        d.Text("/cancel");
        Assert.Equal(DialogueStep.Menu, d.Step);
        Assert.True(d.Draft.IsEmpty);
        Assert.Equal(BotTexts.Get("kk", "Cancelled"), d.Replies[0]);
    }

    [Theory]
    [MemberData(nameof(ReportSteps))]
    public void Help_and_privacy_keep_the_step_and_the_draft_and_repeat_the_question(DialogueStep step)
    {
        foreach (var command in new[] { "/help", "/privacy" })
        {
            var d = DialogueScenarios.AtStep(step);
            var before = d.State.DraftJson;
            d.Text(command);
            Assert.Equal(step, d.Step);
            Assert.Equal(before, d.State.DraftJson);
            Assert.Equal(BotTexts.Get("en", command == "/help" ? "Help" : "Privacy"), d.Replies[0]);
            Assert.NotEmpty(d.Buttons);
        }
    }

    [Theory]
    [MemberData(nameof(ReportSteps))]
    public void Status_at_any_step_asks_the_caller_for_the_list_and_keeps_the_step(DialogueStep step)
    {
        var d = DialogueScenarios.AtStep(step);
        d.Text("/status");
        Assert.Contains(d.Last.Effects, e => e is ShowStatus { Language: "en" });
        Assert.Equal(step, d.Step);
    }

    [Theory]
    [MemberData(nameof(ReportSteps))]
    public void Changing_the_language_mid_report_returns_to_the_same_question_in_the_new_language(DialogueStep step)
    {
        var d = DialogueScenarios.AtStep(step, "en");
        var draft = d.Draft.Text;
        d.Text("/lang");
        Assert.Equal(DialogueStep.ChooseLanguage, d.Step);
        d.Press("lang:ru");
        Assert.Equal(step, d.Step);
        Assert.Equal("ru", d.Language);
        Assert.Contains(d.Last.Effects, e => e is SetLanguage { Language: "ru" });
        Assert.Equal(BotTexts.Get("ru", "LanguageSet"), d.Replies[0]);
        Assert.Equal(draft, d.Draft.Text);
    }

    [Theory]
    [MemberData(nameof(ReportSteps))]
    public void Delete_my_data_asks_first_and_declining_returns_to_the_report(DialogueStep step)
    {
        var d = DialogueScenarios.AtStep(step);
        var draft = d.State.DraftJson;
        d.Text("/delete_my_data");
        Assert.Equal(DialogueStep.ConfirmDelete, d.Step);
        Assert.DoesNotContain(d.Last.Effects, e => e is DeleteMyData);
        d.Press("del:no");
        Assert.Equal(step, d.Step);
        Assert.DoesNotContain(d.Effects, e => e is DeleteMyData);
        Assert.Equal(BotTexts.Get("en", "DeleteKept"), d.Replies[0]);
    }

    [Fact]
    public void Delete_my_data_confirmed_asks_the_caller_to_delete_and_drops_the_draft()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.Region);
        d.Text("/delete_my_data");
        d.Press("del:yes");
        Assert.Single(d.Last.Effects.OfType<DeleteMyData>());
        Assert.True(d.Draft.IsEmpty);
        Assert.Equal(DialogueStep.Menu, d.Step);
        Assert.Equal(BotTexts.Get("en", "Deleted"), d.LastReply);
    }

    [Fact]
    public void Start_mid_report_keeps_the_draft_and_the_report_button_resumes_it()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.When);
        d.Text("/start");
        Assert.Equal(DialogueStep.Menu, d.Step);
        d.Press("menu:report");
        Assert.Equal(BotTexts.Get("en", "ResumeDraft"), d.Replies[0]);
        Assert.Equal(DialogueStep.When, d.Step);
    }

    [Fact]
    public void A_button_of_an_old_message_repeats_the_current_question()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.Affected);
        d.PressStale("when:today");
        Assert.Equal(DialogueStep.Affected, d.Step);
        Assert.Equal(BotTexts.Get("en", "AskAffected"), d.LastReply);
        Assert.Equal(new DateOnly(2021, 2, 9), d.Draft.OccurredOn);
    }

    [Fact]
    public void An_unknown_command_points_to_help()
    {
        var d = new DialogueDriver("en");
        d.Text("/foo@AdilSozBot");
        Assert.Equal(BotTexts.Get("en", "UnknownCommand"), d.LastReply);
        Assert.True(d.Draft.IsEmpty);
    }

    [Fact]
    public void Pressing_a_button_removes_the_keyboard_of_that_message()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.When);
        d.Press("when:today");
        var first = d.Last.Messages[0];
        Assert.Null(first.Text);
        Assert.Empty(first.Keyboard);
        Assert.Equal(d.LastMessageId, first.EditMessageId);
    }
}
