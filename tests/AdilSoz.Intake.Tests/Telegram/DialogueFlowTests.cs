using AdilSoz.Intake.Bot.Dialogue;
using AdilSoz.Intake.Bot.Texts;

namespace AdilSoz.Intake.Tests.Telegram;

public sealed class DialogueFlowTests
{
    [Theory]
    [InlineData("kk", "Қазақша", "Не болғанын", "Рахмет. Хабарламаңыз қабылданды", "Қарағанды облысы")]
    [InlineData("ru", "Русский", "Расскажите, что произошло", "Спасибо. Ваше сообщение принято", "Карагандинская область")]
    [InlineData("en", "English", "Tell us what happened", "Thank you. Your report has been received", "Karaganda Region")]
    public void A_new_reporter_completes_a_report_in_their_language(string lang, string languageButton, string askWhat, string thanks, string regionName)
    {
        var d = new DialogueDriver();
        d.Text("/start");
        Assert.Equal(DialogueStep.ChooseLanguage, d.Step);
        Assert.Contains(d.Buttons, b => b.Text == languageButton);

        d.Press("lang:" + lang);
        Assert.Contains(d.Last.Effects, e => e is SetLanguage s && s.Language == lang);
        Assert.Equal(DialogueStep.Menu, d.Step);

        d.Press("menu:report");
        Assert.Contains(askWhat, d.LastReply);
        d.Text("Полиция задержала оператора у здания акимата.");
        d.Text("Камеру отобрали, запись стёрли.");
        d.Press("done");
        Assert.Equal(DialogueStep.Evidence, d.Step);

        d.Photo();
        d.Document("protocol.pdf", "application/pdf", 300_000);
        d.Press("done");
        Assert.Equal(DialogueStep.When, d.Step);

        d.Text("3.2.21");
        Assert.Equal(DialogueStep.Region, d.Step);
        Assert.Contains(d.Buttons, b => b.Text == regionName && b.CallbackData == "region:karaganda");
        Assert.Equal(20, d.Buttons.Count(b => b.CallbackData.StartsWith("region:", StringComparison.Ordinal)));

        d.Press("region:karaganda");
        Assert.Equal(DialogueStep.Settlement, d.Step);
        d.Text("Темиртау");
        d.Press("aff:colleague");
        d.Press("name:no");
        Assert.Equal(DialogueStep.Summary, d.Step);
        Assert.Contains("03.02.2021", d.LastReply);
        Assert.Contains(regionName + ", Темиртау", d.LastReply);
        Assert.Contains(BotTexts.Files(lang, 2), d.LastReply);

        d.Press("submit");
        var draft = Assert.Single(d.Submitted);
        Assert.Equal(DialogueStep.Menu, d.Step);
        Assert.True(d.Draft.IsEmpty);
        Assert.Equal("Полиция задержала оператора у здания акимата.\n\nКамеру отобрали, запись стёрли.", draft.Text);
        Assert.Equal(2, draft.Files.Count);
        Assert.Equal(new DateOnly(2021, 2, 3), draft.OccurredOn);
        Assert.Equal("karaganda", draft.RegionCode);
        Assert.Equal("Темиртау", draft.Settlement);
        Assert.Equal("colleague", draft.Affected);
        Assert.False(draft.MayNameReporter);

        var confirmation = DialogueEngine.Confirmation(lang, "AS-2021-7");
        Assert.Contains(thanks, confirmation.Text);
        Assert.Contains("AS-2021-7", confirmation.Text);
        Assert.Contains("/status", confirmation.Text);
    }

    [Theory]
    [InlineData("kk", "kk")]
    [InlineData("ru-RU", "ru")]
    [InlineData("en-GB", "en")]
    [InlineData("uz", "ru")]
    [InlineData(null, "ru")]
    public void The_language_defaults_to_the_telegram_client_language(string? code, string expected)
    {
        var d = new DialogueDriver { LanguageCode = code };
        d.Text("/start");
        Assert.Equal(BotTexts.Get(expected, "LanguagePrompt"), d.LastReply);
        Assert.Equal(expected, d.Language);
    }

    [Fact]
    public void A_photo_with_caption_outside_the_dialogue_starts_a_quick_report_asking_only_what_is_missing()
    {
        var d = new DialogueDriver("ru");
        d.Photo("Сегодня на пресс-конференции охрана вытолкала нашего корреспондента");

        Assert.Contains(BotTexts.Get("ru", "QuickStarted"), d.Replies);
        Assert.Equal(DialogueStep.When, d.Step);
        Assert.True(d.Draft.Quick);
        Assert.Single(d.Draft.Files);

        d.Press("when:today");
        d.Press("region:almaty");
        Assert.Equal(DialogueStep.Affected, d.Step);
        d.Press("aff:me");
        d.Press("name:yes");
        Assert.Equal(DialogueStep.Summary, d.Step);
        d.Press("submit");

        var draft = Assert.Single(d.Submitted);
        Assert.Equal("Сегодня на пресс-конференции охрана вытолкала нашего корреспондента", draft.Text);
        Assert.Equal(new DateOnly(2021, 2, 10), draft.OccurredOn);
        Assert.True(draft.MayNameReporter);
    }

    [Fact]
    public void A_forwarded_message_keeps_its_origin()
    {
        var d = new DialogueDriver("en");
        d.Send(new IncomingEvent { MessageId = 5, Text = "The akimat denied our request.", ForwardOrigin = "channel «Ulysmedia» (@ulysmedia)" });

        Assert.Equal("channel «Ulysmedia» (@ulysmedia)", d.Draft.ForwardedFrom);
        Assert.Equal(DialogueStep.Evidence, d.Step);
        d.Press("skip");
        d.Press("skip");
        d.Press("skip");
        d.Press("skip");
        d.Press("name:no");
        Assert.Equal(DialogueStep.Summary, d.Step);
        Assert.Contains("Forwarded from: channel «Ulysmedia» (@ulysmedia)", d.LastReply);
    }

    [Fact]
    public void An_album_of_three_photos_and_a_pdf_becomes_one_draft_with_four_files_and_one_prompt_per_message_group()
    {
        var d = new DialogueDriver("ru");
        d.Photo("Изъятие техники", mediaGroupId: "album-1", unique: "p1");
        Assert.NotEmpty(d.Replies);

        d.Photo(mediaGroupId: "album-1", unique: "p2");
        Assert.Empty(d.Last.Messages);
        d.Photo(mediaGroupId: "album-1", unique: "p3");
        Assert.Empty(d.Last.Messages);

        d.Document("postanovlenie.pdf", "application/pdf", 800_000);
        Assert.Contains(BotTexts.Get("ru", "AddedToDraft"), d.Replies);

        Assert.Equal(4, d.Draft.Files.Count);
        Assert.Equal(["p1", "p2", "p3", "u-postanovlenie.pdf"], d.Draft.Files.Select(f => f.FileUniqueId));
        Assert.Empty(d.Submitted);
    }

    [Fact]
    public void An_album_in_the_evidence_step_gets_one_answer_and_counts_files_in_russian()
    {
        var d = new DialogueDriver("ru");
        d.Press("menu:report", allowHidden: true);
        d.Text("Текст");
        d.Press("done");
        d.Photo(mediaGroupId: "g", unique: "a");
        Assert.Equal(BotTexts.Get("ru", "EvidenceAlbumAdded"), d.LastReply);
        d.Photo(mediaGroupId: "g", unique: "b");
        d.Photo(mediaGroupId: "g", unique: "c");
        Assert.Empty(d.Last.Messages);
        d.Document("a.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 10_000);
        Assert.Contains("4 файла", d.LastReply);
        Assert.Equal(DialogueStep.Evidence, d.Step);
    }

    [Fact]
    public void A_photo_sent_instead_of_choosing_a_language_starts_a_report_in_the_client_language()
    {
        var d = new DialogueDriver { LanguageCode = "kk" };
        d.Text("/start");
        d.Photo("Бізді әкімдікке кіргізбеді");
        Assert.Equal("kk", d.Language);
        Assert.Contains(BotTexts.Get("kk", "QuickStarted"), d.Replies);
        Assert.Single(d.Draft.Files);
        Assert.Equal(DialogueStep.When, d.Step);
    }

    [Theory]
    [InlineData("English", "en")]
    [InlineData("русский", "ru")]
    [InlineData("Қазақша", "kk")]
    public void A_typed_language_name_chooses_the_language(string typed, string expected)
    {
        var d = new DialogueDriver();
        d.Text("/start");
        d.Text(typed);
        Assert.Equal(expected, d.Language);
        Assert.Equal(DialogueStep.Menu, d.Step);
        Assert.True(d.Draft.IsEmpty);
    }

    [Fact]
    public void An_edited_message_updates_the_draft_before_submit()
    {
        var d = new DialogueDriver("en");
        d.Press("menu:report", allowHidden: true);
        d.Text("They took my camera on 3 Febuary");
        var id = d.LastMessageId;
        d.Send(new IncomingEvent { MessageId = id, Text = "They took my camera on 3 February", Edited = true });

        Assert.Contains(BotTexts.Get("en", "EditApplied"), d.Replies);
        Assert.Equal("They took my camera on 3 February", d.Draft.Text);
        Assert.Equal(DialogueStep.What, d.Step);
    }

    [Fact]
    public void An_edit_of_a_message_that_is_not_in_the_draft_is_answered()
    {
        var d = new DialogueDriver("en");
        d.Send(new IncomingEvent { MessageId = 3, Text = "changed", Edited = true });
        Assert.Equal(BotTexts.Get("en", "EditNotApplied"), d.LastReply);
        Assert.True(d.Draft.IsEmpty);
    }

    [Fact]
    public void The_summary_can_be_edited_and_returns_to_the_summary()
    {
        var d = DialogueScenarios.AtSummary("en");
        d.Press("edit");
        Assert.Equal(DialogueStep.EditChoice, d.Step);
        d.Press("edit:when");
        Assert.Equal(DialogueStep.When, d.Step);
        d.Text("2021-01-15");
        Assert.Equal(DialogueStep.Summary, d.Step);
        Assert.Contains("15.01.2021", d.LastReply);
    }

    [Fact]
    public void A_future_date_is_rejected_with_a_clear_message()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.When, "ru");
        d.Text("12.02.2021");
        Assert.Equal(DialogueStep.When, d.Step);
        Assert.Contains("12.02.2021 ещё не наступило", d.LastReply);
        d.Text("вчера");
        Assert.Equal(new DateOnly(2021, 2, 9), d.Draft.OccurredOn);
    }

    [Fact]
    public void A_typed_region_name_is_recognised()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.Region, "ru");
        d.Text("Шымкент");
        Assert.Equal("shymkent", d.Draft.RegionCode);
        Assert.Equal(DialogueStep.Affected, d.Step);
    }

    [Fact]
    public void Submitting_an_empty_report_asks_what_happened()
    {
        var d = new DialogueDriver("en");
        d.Press("menu:report", allowHidden: true);
        for (var i = 0; i < 6; i++)
        {
            d.Press("skip");
        }

        Assert.Equal(DialogueStep.Summary, d.Step);
        d.Press("submit");
        Assert.Empty(d.Submitted);
        Assert.Contains(BotTexts.Get("en", "EmptyReport"), d.Replies);
        Assert.Equal(DialogueStep.What, d.Step);
    }

    [Fact]
    public void A_restart_mid_report_resumes_from_the_stored_state()
    {
        var d = DialogueScenarios.AtStep(DialogueStep.Affected, "kk");
        var stored = (d.State.StepName, d.State.DraftJson, d.State.Language);

        var resumed = new DialogueEngine().Handle(DialogueSnapshot.FromStored(stored.StepName, stored.DraftJson, stored.Language),
            IncomingEvent.Callback("aff:outlet"), d.Now);

        Assert.Equal(DialogueStep.Naming, resumed.State.Step);
        Assert.Equal("outlet", resumed.State.Draft.Affected);
        Assert.Equal(d.Draft.Text, resumed.State.Draft.Text);
    }
}
