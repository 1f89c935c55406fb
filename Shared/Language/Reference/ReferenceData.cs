namespace AdilSoz.Intake.Language.Reference;

/// <summary>
/// The seeded reference lists: the foundation's violation typology and the regions of Kazakhstan.
/// Seeded by the initial migration; Editors may change them later in the database.
/// </summary>
public static class ReferenceData
{
    public static readonly Category[] Categories =
    [
        Cat("criminal_attack", null, 10, false,
            "Журналистерге қылмыстық шабуыл", "Уголовные посягательства на журналистов", "Criminal attacks on journalists"),
        Cat("murder", "criminal_attack", 11, true,
            "Журналистті өлтіру", "Убийство журналиста", "Murder of a journalist"),
        Cat("assault", "criminal_attack", 12, true,
            "Журналистке шабуыл жасау, соққы", "Нападение на журналиста, избиение", "Assault on a journalist"),
        Cat("threat", "criminal_attack", 13, true,
            "Журналистке қоқан-лоқы", "Угрозы журналисту", "Threats against a journalist"),
        Cat("obstruction", null, 20, false,
            "Заңды кәсіби қызметке кедергі келтіру", "Воспрепятствование законной профессиональной деятельности", "Obstruction of professional activity"),
        Cat("detention", "obstruction", 21, true,
            "Журналистті ұстау", "Задержание журналиста", "Detention of a journalist"),
        Cat("violence", "obstruction", 22, true,
            "Кәсіби қызмет кезінде күш қолдану", "Применение силы при исполнении профессиональных обязанностей", "Violence during professional activity"),
        Cat("equipment_seizure", "obstruction", 23, true,
            "Техниканы тартып алу, бүлдіру", "Изъятие или порча техники", "Seizure or damage of equipment"),
        Cat("criminal_libel", null, 30, false,
            "Жала жабу немесе қорлау үшін қылмыстық қудалау", "Уголовное преследование за клевету или оскорбление", "Criminal prosecution for libel or insult"),
        Cat("honor_dignity", null, 40, false,
            "Ар-намысты, қадір-қасиетті және іскерлік беделді қорғау туралы азаматтық талаптар",
            "Гражданские иски о защите чести, достоинства и деловой репутации",
            "Civil claims for honor, dignity and business reputation"),
        Cat("information_access", null, 50, false,
            "Ақпарат алу құқығын бұзу", "Нарушение права на получение информации", "Violations of access to information"),
        Cat("information_denial", "information_access", 51, false,
            "Ақпарат беруден бас тарту немесе кешіктіру", "Отказ или задержка в предоставлении информации", "Denial of or delay in information"),
        Cat("closed_hearing", "information_access", 52, false,
            "Жабық сот отырыстары", "Закрытые судебные заседания", "Closed court hearings"),
        Cat("accreditation", null, 60, false,
            "Аккредитация", "Аккредитация", "Accreditation"),
        Cat("media_closure", null, 70, false,
            "БАҚ-ты жабу немесе тоқтата тұру", "Закрытие или приостановление СМИ", "Closure or suspension of media"),
        Cat("internet_restriction", null, 80, false,
            "Интернетті бұғаттау және шектеу", "Блокировка и ограничения интернета", "Internet blocking and restrictions"),
        Cat("legislation", null, 90, false,
            "Заңнама", "Законодательство", "Legislation"),
        Cat("other", null, 100, false,
            "Басқа", "Другое", "Other"),
    ];

    public static readonly Region[] Regions =
    [
        Reg("astana", 1, "Астана", "Астана", "Astana", "Astana",
            "Нур-Султан", "Нұр-Сұлтан", "Nur-Sultan", "Nursultan", "Целиноград", "Акмола город"),
        Reg("almaty", 2, "Алматы", "Алматы", "Almaty", "Almaty", "Алма-Ата", "Alma-Ata", "Almaty city", "г. Алматы"),
        Reg("shymkent", 3, "Шымкент", "Шымкент", "Shymkent", "Shymkent", "Чимкент", "Chimkent"),
        Reg("abai", 4, "Абай облысы", "Абайская область", "Abai Region", "Семей",
            "Абай", "Abai", "Abay", "Семипалатинск", "Semey", "Semei"),
        Reg("akmola", 5, "Ақмола облысы", "Акмолинская область", "Akmola Region", "Көкшетау",
            "Акмола", "Ақмола", "Akmola", "Кокшетау", "Kokshetau"),
        Reg("aktobe", 6, "Ақтөбе облысы", "Актюбинская область", "Aktobe Region", "Ақтөбе",
            "Актобе", "Ақтөбе", "Aktobe", "Актюбинск", "Aktyubinsk"),
        Reg("almaty_region", 7, "Алматы облысы", "Алматинская область", "Almaty Region", "Қонаев",
            "Алматинская обл", "Конаев", "Konaev", "Qonaev", "Капшагай", "Kapshagay"),
        Reg("atyrau", 8, "Атырау облысы", "Атырауская область", "Atyrau Region", "Атырау",
            "Атырау", "Atyrau", "Гурьев"),
        Reg("east_kazakhstan", 9, "Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region", "Өскемен",
            "ВКО", "ШҚО", "EKR", "Усть-Каменогорск", "Ust-Kamenogorsk", "Өскемен", "Oskemen"),
        Reg("jambyl", 10, "Жамбыл облысы", "Жамбылская область", "Jambyl Region", "Тараз",
            "Жамбыл", "Zhambyl", "Jambyl", "Тараз", "Taraz"),
        Reg("jetisu", 11, "Жетісу облысы", "Область Жетісу", "Jetisu Region", "Талдықорған",
            "Жетысу", "Жетісу", "Zhetysu", "Jetisu", "Талдыкорган", "Taldykorgan"),
        Reg("karaganda", 12, "Қарағанды облысы", "Карагандинская область", "Karaganda Region", "Қарағанды",
            "Караганда", "Қарағанды", "Karaganda", "Karagandy", "Qaragandy"),
        Reg("kostanay", 13, "Қостанай облысы", "Костанайская область", "Kostanay Region", "Қостанай",
            "Костанай", "Қостанай", "Kostanay", "Kostanai", "Кустанай"),
        Reg("kyzylorda", 14, "Қызылорда облысы", "Кызылординская область", "Kyzylorda Region", "Қызылорда",
            "Кызылорда", "Қызылорда", "Kyzylorda", "Qyzylorda"),
        Reg("mangystau", 15, "Маңғыстау облысы", "Мангистауская область", "Mangystau Region", "Ақтау",
            "Мангистау", "Маңғыстау", "Mangystau", "Mangistau", "Актау", "Aktau", "Жанаозен", "Zhanaozen"),
        Reg("north_kazakhstan", 16, "Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region", "Петропавл",
            "СКО", "СҚО", "Петропавловск", "Petropavl", "Petropavlovsk"),
        Reg("pavlodar", 17, "Павлодар облысы", "Павлодарская область", "Pavlodar Region", "Павлодар",
            "Павлодар", "Pavlodar", "Экибастуз", "Ekibastuz"),
        Reg("turkistan", 18, "Түркістан облысы", "Туркестанская область", "Turkistan Region", "Түркістан",
            "Туркестан", "Түркістан", "Turkestan", "Turkistan", "ЮКО", "Южно-Казахстанская область"),
        Reg("ulytau", 19, "Ұлытау облысы", "Улытауская область", "Ulytau Region", "Жезқазған",
            "Улытау", "Ұлытау", "Ulytau", "Жезказган", "Zhezkazgan"),
        Reg("west_kazakhstan", 20, "Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region", "Орал",
            "ЗКО", "БҚО", "Уральск", "Орал", "Uralsk", "Oral", "WKR"),
    ];

    private static Category Cat(string code, string? group, int order, bool urgent, string kk, string ru, string en) =>
        new() { Code = code, GroupCode = group, SortOrder = order, Urgent = urgent, NameKk = kk, NameRu = ru, NameEn = en };

    private static Region Reg(string code, int order, string kk, string ru, string en, string center, params string[] aliases) =>
        new() { Code = code, SortOrder = order, NameKk = kk, NameRu = ru, NameEn = en, Center = center, Aliases = [.. aliases] };
}
