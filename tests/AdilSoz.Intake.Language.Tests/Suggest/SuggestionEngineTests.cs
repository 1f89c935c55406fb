using System.Text.Json;
using AdilSoz.Intake.Language.Suggest;

namespace AdilSoz.Intake.Language.Tests.Suggest;

public class SuggestionEngineTests
{
    public static TheoryData<string, string, string, string?, string?, bool> Reports => new()
    {
        // text, language, category, region, settlement, urgent
        {
            "Сегодня утром на трассе Уральск–Атырау полиция задержала главного редактора «Уральской недели» Лукпана Ахмедьярова",
            "ru", "detention", "west_kazakhstan", "Уральск", true
        },
        {
            "Бүгін таңертең Орал–Атырау тасжолында полиция «Уральская неделя» газетінің бас редакторы Лұқпан Ахмедьяровты ұстады",
            "kk", "detention", "west_kazakhstan", "Уральск", true
        },
        {
            "Police detained Lukpan Akhmedyarov, editor of Uralskaya Nedelya, on the Uralsk–Atyrau highway",
            "en", "detention", "west_kazakhstan", "Уральск", true
        },
        {
            "Оралда журналист усталды, оны полиция болимшесине апарды деп хабарлады",
            "kk", "detention", "west_kazakhstan", "Уральск", true
        },
        {
            "Тілшінің телефонын алып кетті, жазбаны өшіртті.",
            "kk", "equipment_seizure", null, null, true
        },
        {
            "Водителя редакции увезли в село Чапаево для дачи объяснений, журналистов задерживали весь день.",
            "ru", "detention", "west_kazakhstan", "Чапаево", true
        },
        {
            "Аким области подал иск о защите чести и достоинства к павлодарской газете «Звезда Прииртышья», требует 5 млн тенге.",
            "ru", "honor_dignity", "pavlodar", null, false
        },
        {
            "Павлодарда «Сарыарқа самалы» газетіне ар-намыс пен қадір-қасиетті қорғау туралы талап арыз түсті.",
            "kk", "honor_dignity", "pavlodar", "Павлодар", false
        },
        {
            "A Pavlodar businessman filed a lawsuit for protection of honor and dignity against a local newspaper.",
            "en", "honor_dignity", "pavlodar", "Павлодар", false
        },
        {
            "Сайт независимого издания заблокирован на территории Казахстана, открывается только через VPN.",
            "ru", "internet_restriction", null, null, false
        },
        {
            "Тәуелсіз басылымның сайты Қазақстанда бұғатталды.",
            "kk", "internet_restriction", null, null, false
        },
        {
            "The website of an independent outlet has been blocked in Kazakhstan.",
            "en", "internet_restriction", null, null, false
        },
        {
            "Министерство информации опубликовало проект Правил аккредитации журналистов.",
            "ru", "accreditation", null, null, false
        },
        {
            "Ақпарат министрлігі журналистерді аккредиттеу қағидаларының жобасын жариялады.",
            "kk", "accreditation", null, null, false
        },
        {
            "The Ministry published draft Rules for the Accreditation of Journalists.",
            "en", "accreditation", null, null, false
        },
        {
            "В Шымкенте неизвестные избили оператора телеканала, он в больнице.",
            "ru", "assault", "shymkent", "Шымкент", true
        },
        {
            "Шымкентте телеарна операторын белгісіз біреулер ұрып-соғып кетті.",
            "kk", "assault", "shymkent", "Шымкент", true
        },
        {
            "A TV cameraman was beaten in Shymkent while filming at a market.",
            "en", "assault", "shymkent", "Шымкент", true
        },
        {
            "Акимат Костаная отказал журналисту в предоставлении информации по официальному запросу.",
            "ru", "information_denial", "kostanay", "Костанай", false
        },
        {
            "Қостанай әкімдігі журналистке ақпарат беруден бас тартты.",
            "kk", "information_denial", "kostanay", "Костанай", false
        },
        {
            "The Kostanay akimat refused to provide information requested by a reporter.",
            "en", "information_denial", "kostanay", "Костанай", false
        },
        {
            "Блогеру из Семея угрожают расправой после поста о местном акиме.",
            "ru", "threat", "abai", "Семей", true
        },
        {
            "В Жанаозене у оператора отобрали камеру и стёрли запись.",
            "ru", "equipment_seizure", "mangystau", "Жанаозен", true
        },
        {
            "Суд в Талдыкоргане рассмотрел дело журналиста в закрытом режиме.",
            "ru", "closed_hearing", "jetisu", "Талдыкорган", false
        },
        {
            "Против журналиста из Жезказгана возбуждено уголовное дело о клевете.",
            "ru", "criminal_libel", "ulytau", "Жезказган", false
        },
        {
            "Мажилис одобрил законопроект о масс-медиа с поправками об иностранных журналистах.",
            "ru", "legislation", null, null, false
        },
        {
            "Мәжіліс масс-медиа туралы заң жобасын мақұлдады.",
            "kk", "legislation", null, null, false
        },
        {
            "Приостановлен выпуск газеты в Экибастузе по иску прокуратуры района.",
            "ru", "media_closure", "pavlodar", "Экибастуз", false
        },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void Suggests_language_category_place_and_urgency_of_real_style_reports(
        string text, string language, string category, string? region, string? settlement, bool urgent)
    {
        var s = SuggestionEngine.Suggest(null, text, null);

        Assert.Equal(language, s.Language?.Code);
        Assert.Equal(category, s.Category?.Code);
        Assert.Equal(region, s.Region?.Code);
        Assert.Equal(settlement, s.Settlement?.Name);
        Assert.Equal(urgent, s.Urgent.Value);
        Assert.NotEmpty(s.Category!.Evidence);
        Assert.NotEmpty(s.Language!.Evidence);
        if (urgent)
        {
            Assert.NotEmpty(s.Urgent.Evidence);
        }
    }

    [Theory]
    [InlineData("Журналиста задержали после публикации о коррупции, редакции угрожают иском.")]
    [InlineData("Европарламент принял резолюцию, призывающую правительство соблюдать права человека.")]
    [InlineData("Тілшіні полиция ұстап, бөлімшеде үш сағат ұстады, кейін үйіне оралды.")]
    [InlineData("The journalist spent three hours at the police station; nobody asked him a question.")]
    [InlineData("Главный редактор обратился в полицию, заявление зарегистрировано, ответа нет.")]
    [InlineData("Редакция переехала в новое здание на улице Абая, рядом с рынком.")]
    public void Texts_that_name_no_place_get_no_region(string text)
    {
        var s = SuggestionEngine.Suggest(null, text, null);

        Assert.Null(s.Region);
        Assert.Null(s.Settlement);
    }

    [Theory]
    [InlineData("Задержали журналиста", "Задержали")]
    [InlineData("Журналиста избили в подъезде", "избили")]
    [InlineData("Police seized his camera", "seized")]
    [InlineData("Тілшіге қоқан-лоқы көрсетті", "қоқан")]
    public void Urgent_reports_say_which_words_made_them_urgent(string text, string word)
    {
        var s = SuggestionEngine.Suggest(null, text, null);

        Assert.True(s.Urgent.Value);
        Assert.Contains(word, s.Urgent.Evidence);
    }

    [Theory]
    [InlineData("Здравствуйте, хочу сообщить о событии.")]
    [InlineData("The editorial office moved to a new building.")]
    [InlineData("Сәлеметсіз бе, редакция жаңа ғимаратқа көшті.")]
    [InlineData("The European Parliament adopted a resolution on Kazakhstan.")]
    [InlineData("For all monitoring questions and information, write to info@adilsoz.kz")]
    public void A_text_without_cues_gets_no_category_and_is_not_urgent(string text)
    {
        var s = SuggestionEngine.Suggest(null, text, null);

        Assert.Null(s.Category);
        Assert.False(s.Urgent.Value);
    }

    [Theory]
    [InlineData("Вчера в Темиртау охранник завода ударил журналиста и сломал его камеру.", "assault")]
    [InlineData("Журналиста задержали у здания суда, телефон изъяли.", "detention")]
    [InlineData("Our reporter was roughed up by security guards and his phone was taken away.", "violence")]
    public void When_one_report_tells_of_several_violations_the_gravest_close_one_is_suggested(string text, string category)
    {
        Assert.Equal(category, SuggestionEngine.Suggest(null, text, null).Category?.Code);
    }

    [Fact]
    public void Urgency_words_of_the_reporter_are_shown_beside_the_violation()
    {
        var s = SuggestionEngine.Suggest(null, "срочно!!! в актау сейчас задержали нашего корреспондента прямо на площади", null);

        Assert.True(s.Urgent.Value);
        Assert.Equal(["задержали", "срочно", "сейчас"], s.Urgent.Evidence);
        Assert.Equal("Актау", s.Settlement?.Name);
    }

    [Fact]
    public void The_subject_of_a_mail_counts_too()
    {
        var s = SuggestionEngine.Suggest("Задержание журналиста в Актобе", "Прошу связаться со мной, подробности ниже.", null);

        Assert.Equal("detention", s.Category?.Code);
        Assert.Equal("aktobe", s.Region?.Code);
        Assert.True(s.Urgent.Value);
    }

    [Fact]
    public void Json_for_the_evidence_column_has_the_camel_case_shape_the_admin_site_reads()
    {
        var s = SuggestionEngine.Suggest(null, "Сегодня утром в Уральске полиция задержала главного редактора газеты.", null);

        var json = s.ToJson();
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Equal("detention", root.GetProperty("category").GetProperty("code").GetString());
        Assert.Equal("задержала", root.GetProperty("category").GetProperty("evidence")[0].GetString());
        Assert.InRange(root.GetProperty("category").GetProperty("confidence").GetDouble(), 0.01, 1);
        Assert.Equal("west_kazakhstan", root.GetProperty("region").GetProperty("code").GetString());
        Assert.Equal("Уральск", root.GetProperty("settlement").GetProperty("name").GetString());
        Assert.Equal("Уральске", root.GetProperty("settlement").GetProperty("evidence")[0].GetString());
        Assert.Equal("ru", root.GetProperty("language").GetProperty("code").GetString());
        Assert.True(root.GetProperty("urgent").GetProperty("value").GetBoolean());
        Assert.Contains("Уральске", json, StringComparison.Ordinal);
        var back = Suggestions.FromJson(json)!;
        Assert.Equal(s.Category!.Code, back.Category!.Code);
        Assert.Equal(s.Category.Evidence, back.Category.Evidence);
        Assert.Equal(s.Settlement!.Name, back.Settlement!.Name);
    }
}
