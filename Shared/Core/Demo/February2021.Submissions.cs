using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Core.Demo;

/// <summary>Sample submissions about the February 2021 demo events, in Kazakh, Russian and English.</summary>
public static partial class February2021
{
    public const string UralskDetentionEvent = "uralsk-detention";

    /// <summary>Thirteen reports; three of them (ru, kk, en) describe the same Uralsk detention.</summary>
    public static IReadOnlyList<DemoSubmission> Submissions { get; } =
    [
        new(Channel.Telegram, "ru", null,
            "Сегодня утром под Уральском полиция остановила машину редакции «Уральской недели». Главного редактора Лукпана Ахмедьярова " +
            "задержали и увезли в Абайский отдел полиции, позже задержали его заместителя Рауля Упорова. Ехали в Атырау освещать " +
            "освобождение Макса Бокаева. На трассе полиция специально устроила пробку якобы из-за непогоды.",
            At(2021, 2, 3, 9, 40), D(2021, 2, 3), "west_kazakhstan", "Уральск", UralskDetentionEvent),
        new(Channel.Email, "kk", "Орал: «Уральская неделя» журналистерін полиция ұстады",
            "Бүгін таңертең Орал маңындағы трассада полиция «Уральская неделя» газетінің көлігін тоқтатты. Бас редактор Лұқпан Ахмедьяров " +
            "Абай полиция бөліміне апарылды, бір сағаттан кейін оның орынбасары Рауль Упоров да ұсталды. Журналистер Макс Бокаевтың " +
            "түрмеден шығуын түсіру үшін Атырауға бара жатқан. Кешке редактор полиция ғимаратының алдында жеке пикетке шықты.",
            At(2021, 2, 3, 14, 5), D(2021, 2, 3), "west_kazakhstan", "Орал", UralskDetentionEvent),
        new(Channel.Telegram, "en", null,
            "Oral (Uralsk): police detained Lukpan Akhmediyarov, chief editor of Uralskaya Nedelya, and later his deputy Raul Uporov, " +
            "while they were driving to Atyrau to cover Maks Bokaev's release. Lukpan then held a one-man picket \"Police or Gestapo?\" " +
            "outside the police department and was taken inside again.",
            At(2021, 2, 3, 18, 22), D(2021, 2, 3), "west_kazakhstan", "Oral", UralskDetentionEvent),
        new(Channel.Email, "ru", "Проект Правил аккредитации журналистов",
            "МИОР опубликовало проект Правил аккредитации журналистов. В проекте появилось понятие «модератор мероприятия», которого нет " +
            "в Законе «О масс-медиа», и лишение аккредитации за распространение недостоверной информации без решения суда. " +
            "Просим фонд подготовить замечания.",
            At(2021, 2, 9, 11, 0), D(2021, 2, 9), "astana", "Нур-Султан", "accreditation-rules"),
        new(Channel.Email, "en", "European Parliament resolution on Kazakhstan",
            "Today the European Parliament adopted a resolution on the human rights situation in Kazakhstan. It calls on the authorities " +
            "to stop using the criminal code against journalists and bloggers and regrets the alarming state of media freedom.",
            At(2021, 2, 11, 16, 30), D(2021, 2, 11), null, null, "ep-resolution"),
        new(Channel.Telegram, "ru", null,
            "Аким района подал в суд на нашу газету за статью о тарифах на отопление, требует 2 млн тенге морального вреда и опровержения. " +
            "Иск зарегистрирован в Рудненском городском суде.",
            At(2021, 2, 8, 12, 15), D(2021, 2, 8), "kostanay", "Рудный", "rudny-lawsuit"),
        new(Channel.Telegram, "kk", null,
            "Шымкенттегі базардағы өрт туралы материалым үшін бір кәсіпкер маған қарсы сотқа талап-арыз берді. Ар-намысын қорғауды және " +
            "1 млн теңге моральдық зиян өтеуді талап етіп отыр.",
            At(2021, 2, 16, 19, 48), D(2021, 2, 16), "shymkent", "Шымкент", "shymkent-lawsuit"),
        new(Channel.Email, "ru", "Иск полицейского к блогеру",
            "В Актобе сотрудник полиции подал иск о защите чести и достоинства к блогеру, который выложил видео остановки автомобиля. " +
            "Сумма требований — 500 тыс. тенге.",
            At(2021, 2, 22, 10, 3), D(2021, 2, 22), "aktobe", "Актобе", "aktobe-lawsuit"),
        new(Channel.Telegram, "ru", null,
            "Жанаозен. На блогера составили протокол по статье 488 КоАП за прямой эфир с митинга нефтяников. Говорят, дело передадут в суд.",
            At(2021, 2, 19, 15, 37), D(2021, 2, 19), "mangystau", "Жанаозен", "zhanaozen-charge"),
        new(Channel.Email, "kk", "Атырауда тілшіге әкімшілік хаттама толтырылды",
            "Атырау облысы әкімдігінің кіреберісінде видео түсіріп тұрған тілшіге полиция ұсақ бұзақылық туралы хаттама толтырды. " +
            "Тілші редакциялық тапсырмамен жұмыс істеп жүрген.",
            At(2021, 2, 26, 13, 20), D(2021, 2, 26), "atyrau", "Атырау", "atyrau-charge"),
        new(Channel.Email, "ru", "Уголовное дело против блогера",
            "В Кызылорде против блогера возбудили уголовное дело по статье 378 УК (оскорбление представителя власти) за пост в Facebook " +
            "о работе акима города. Его допросили как подозреваемого.",
            At(2021, 1, 20, 9, 12), D(2021, 1, 19), "kyzylorda", "Кызылорда", "kyzylorda-criminal"),
        new(Channel.Email, "en", "Journalists kept in a police cordon",
            "Almaty, election day: police kept several reporters in press vests inside a cordon with protesters for about eight hours. " +
            "One of them was charged the next day.",
            At(2021, 1, 11, 8, 55), D(2021, 1, 10), "almaty", "Almaty", "almaty-cordon"),
        new(Channel.Telegram, "kk", null,
            "Петропавл қалалық әкімдігі жол жөндеу туралы мақала үшін газетке 3 млн теңге талап етіп сотқа жүгінді.",
            At(2021, 1, 12, 17, 40), D(2021, 1, 12), "north_kazakhstan", "Петропавл", "petropavl-lawsuit"),
    ];

    /// <summary>Almaty time (UTC+6 in 2021).</summary>
    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(6));
}
