using AdilSoz.Intake.Bot.Dialogue;
using AdilSoz.Intake.Bot.Texts;

namespace AdilSoz.Intake.Tests.Telegram;

public sealed class DialogueLimitTests
{
    [Fact]
    public void An_overlong_message_is_refused_with_its_length()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.What, "ru");
        d.Text(new string('а', 4001));
        Assert.Contains("4001", d.Replies[0]);
        Assert.Contains("4000", d.Replies[0]);
        Assert.Empty(d.Draft.Texts);
    }

    [Fact]
    public void A_report_longer_than_twenty_thousand_characters_takes_no_more_text()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.What, "en");
        for (var i = 0; i < 5; i++)
        {
            d.Text(new string('x', 4000));
        }

        Assert.Equal(20000, d.Draft.TextLength);
        d.Text("one more");
        Assert.Equal(BotTexts.Get("en", "ReportTooLong"), d.Replies[0]);
        Assert.Equal(20000, d.Draft.TextLength);
    }

    [Theory]
    [InlineData(UnsupportedContent.Location, "UnsupportedLocation")]
    [InlineData(UnsupportedContent.Contact, "Unsupported")]
    [InlineData(UnsupportedContent.Poll, "Unsupported")]
    [InlineData(UnsupportedContent.Sticker, "Unsupported")]
    public void Unsupported_content_gets_a_clear_answer_and_changes_nothing(UnsupportedContent content, string key)
    {
        var d = DialogueScenarios.AtStep(DialogueStep.Evidence, "kk");
        var before = d.State.DraftJson;
        d.Send(new IncomingEvent { MessageId = 77, Unsupported = content });
        Assert.Equal(BotTexts.Get("kk", key), d.LastReply);
        Assert.Equal(before, d.State.DraftJson);
        Assert.Equal(DialogueStep.Evidence, d.Step);
    }

    [Fact]
    public void A_sticker_file_is_not_taken_as_evidence()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.Evidence);
        d.Send(new IncomingEvent { MessageId = 9, Files = [new IncomingFile("st", "st-u", 2000, null, "image/webp", FileKind.Sticker)] });
        Assert.Equal(BotTexts.Get("en", "Unsupported"), d.Replies[0]);
        Assert.Empty(d.Draft.Files);
    }

    [Fact]
    public void A_file_over_twenty_megabytes_is_recorded_as_too_large_and_the_reporter_is_told_to_mail_it()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.Evidence, "ru");
        d.Send(new IncomingEvent
        {
            MessageId = 50,
            Files = [new IncomingFile("big-id", "big-u", 25 * 1024 * 1024, "zasedanie.mp4", "video/mp4", FileKind.Video)],
        });

        var file = Assert.Single(d.Draft.Files);
        Assert.True(file.TooLarge);
        Assert.Equal("big-id", file.FileId);
        Assert.Equal(25 * 1024 * 1024, file.Size);
        Assert.Equal("zasedanie.mp4", file.FileName);
        Assert.Contains("«zasedanie.mp4» (25 МБ)", d.Replies[0]);
        Assert.Contains("info@adilsoz.kz", d.Replies[0]);
    }

    [Fact]
    public void The_same_file_sent_twice_is_kept_once()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.Evidence);
        d.Photo(unique: "same");
        d.Photo(unique: "same");
        Assert.Single(d.Draft.Files);
    }

    [Fact]
    public void Text_where_a_button_is_expected_points_to_the_buttons_and_asks_again()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.Affected, "ru");
        d.Text("не знаю");
        Assert.Equal(BotTexts.Get("ru", "UseButtons"), d.Replies[0]);
        Assert.Equal(BotTexts.Get("ru", "AskAffected"), d.LastReply);
        Assert.Equal(DialogueStep.Affected, d.Step);
    }

    [Fact]
    public void A_file_sent_at_a_later_step_still_joins_the_report()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.Affected, "en");
        var before = d.Draft.Files.Count;
        d.Document("letter.pdf", "application/pdf", 1000);
        Assert.Equal(before + 1, d.Draft.Files.Count);
        Assert.Equal(DialogueStep.Affected, d.Step);
        Assert.Equal(BotTexts.Get("en", "AskAffected"), d.LastReply);
    }
}

public sealed class DraftSubmissionTests
{
    [Fact]
    public void A_submitted_draft_becomes_a_telegram_report_with_pending_and_too_large_attachments()
    {
        var d = new DialogueDriver("ru");
        d.Send(new IncomingEvent { MessageId = 3, Text = "Нас не пустили на сессию маслихата", ForwardOrigin = "channel «Orda» (@ordakz)" });
        d.Photo(unique: "ph1");
        d.Send(new IncomingEvent { MessageId = 9, Files = [new IncomingFile("big", "big-u", 30_000_000, "sessiya.mp4", "video/mp4", FileKind.Video)] });
        d.Press("done");
        d.Press("when:today");
        d.Press("region:atyrau");
        d.Text("Кульсары");
        d.Press("aff:outlet");
        d.Press("name:no");
        d.Press("submit");

        var submission = Assert.Single(d.Submitted).ToSubmission("ru", d.Now);
        Assert.Equal(AdilSoz.Intake.Core.Intake.Channel.Telegram, submission.Channel);
        Assert.Equal("Нас не пустили на сессию маслихата", submission.Text);
        Assert.Null(submission.ForwardedFromEncrypted);
        Assert.Equal("channel «Orda» (@ordakz)", Assert.Single(d.Submitted).ForwardedFrom);
        Assert.Equal(("atyrau", "Кульсары", "outlet", false), (submission.RegionCode, submission.Settlement, submission.Affected, submission.MayNameReporter));
        Assert.Equal(new DateOnly(2021, 2, 10), submission.OccurredOn);
        Assert.Collection(submission.Attachments,
            a => Assert.Equal(("photo_ph1.jpg", "image/jpeg", AdilSoz.Intake.Core.Intake.AttachmentStatus.Pending), (a.FileName, a.ContentType, a.Status)),
            a => Assert.Equal(("sessiya.mp4", 30_000_000L, AdilSoz.Intake.Core.Intake.AttachmentStatus.TooLarge, "big"), (a.FileName, a.Size, a.Status, a.TelegramFileId)));
    }

    [Theory]
    [InlineData("kk", "Нас не пустили на сессию маслихата, охрана сослалась на приказ акима", "ru")]
    [InlineData("ru", "Бүгін біздің тілшіні әкімдікке кіргізбеді", "kk")]
    [InlineData("kk", "!!! 112", "kk")]
    public void A_submitted_report_stores_the_language_of_its_text_and_the_dialogue_language_when_the_text_says_too_little(
        string dialogue, string text, string stored)
    {
        var d = new DialogueDriver(dialogue);
        d.Text(text);
        d.Press("skip");
        d.Press("when:today");
        d.Press("region:atyrau");
        d.Text("Кульсары");
        d.Press("aff:outlet");
        d.Press("name:no");
        d.Press("submit");

        Assert.Equal(stored, Assert.Single(d.Submitted).ToSubmission(dialogue, d.Now).Language);
    }
}
