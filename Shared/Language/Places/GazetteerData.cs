namespace AdilSoz.Intake.Language.Places;

/// <summary>
/// The places of Kazakhstan the gazetteer knows: every city and the notable towns, district
/// centres and villages that appear in reports, under their Russian, Kazakh and English names,
/// old names and common spellings. The first name is the canonical Russian one. Region codes are
/// those of <c>ReferenceData.Regions</c>. A name starting with '^' counts only when capitalised
/// in the middle of a sentence (it is also a common word: "рудный", "глубокое"); one starting with '~' only when
/// capitalised (its forms are also words: "оралдық" is "we returned", "oral" is English).
/// </summary>
internal static class GazetteerData
{
    public static readonly (string Region, string[] Names)[] Settlements =
    [
        // Cities of republican significance.
        ("astana", ["Астана", "Astana", "Нур-Султан", "Нұр-Сұлтан", "Nur-Sultan", "Nursultan", "Целиноград", "Акмола-город"]),
        ("almaty", ["Алматы", "Almaty", "Алма-Ата", "Alma-Ata", "Almaty city"]),
        ("shymkent", ["Шымкент", "Shymkent", "Чимкент", "Chimkent", "Shimkent"]),

        // Abai region.
        ("abai", ["Семей", "Semey", "Semei", "Семипалатинск", "Semipalatinsk"]),
        ("abai", ["Аягоз", "Аягөз", "Ayagoz", "Аягуз"]),
        ("abai", ["Курчатов", "Kurchatov"]),
        ("abai", ["Урджар", "Үржар", "Urzhar", "Urdzhar"]),
        ("abai", ["Бескарагай", "Бесқарағай", "Beskaragay"]),
        ("abai", ["Қарауыл", "Karaul"]),
        ("abai", ["Маканчи", "Мақаншы", "Makanchi"]),

        // Akmola region.
        ("akmola", ["Кокшетау", "Көкшетау", "Kokshetau", "Кокчетав", "Kokchetav"]),
        ("akmola", ["Степногорск", "Stepnogorsk"]),
        ("akmola", ["Щучинск", "Щучье", "Shchuchinsk", "Shchuchinsk"]),
        ("akmola", ["Атбасар", "Atbasar"]),
        ("akmola", ["Макинск", "Makinsk"]),
        ("akmola", ["Косшы", "Қосшы", "Kosshy"]),
        ("akmola", ["Бурабай", "Боровое", "Burabay", "Borovoe"]),
        ("akmola", ["Ерейментау", "Ereymentau"]),
        ("akmola", ["Державинск", "Derzhavinsk"]),
        ("akmola", ["Акколь", "Ақкөл", "Akkol"]),
        ("akmola", ["Астраханка", "Astrakhanka"]),

        // Aktobe region.
        ("aktobe", ["Актобе", "Ақтөбе", "Aktobe", "Актюбинск", "Aktyubinsk", "Aqtobe"]),
        ("aktobe", ["Хромтау", "Khromtau"]),
        ("aktobe", ["Кандыагаш", "Қандыағаш", "Kandyagash"]),
        ("aktobe", ["Шалкар", "Шалқар", "Shalkar"]),
        ("aktobe", ["Эмба", "Emba"]),
        ("aktobe", ["^Алга", "Alga"]),
        ("aktobe", ["Мугалжар", "Мұғалжар", "Mugalzhar"]),

        // Almaty region.
        ("almaty_region", ["Конаев", "Қонаев", "Konaev", "Qonaev", "Kunaev", "Капшагай", "Қапшағай", "Капчагай", "Kapshagay", "Kapchagay"]),
        ("almaty_region", ["Каскелен", "Қаскелең", "Kaskelen"]),
        ("almaty_region", ["Талгар", "Талғар", "Talgar"]),
        ("almaty_region", ["^Есик", "Есік қаласы", "Esik", "Issyk"]),
        ("almaty_region", ["Узынагаш", "Ұзынағаш", "Uzynagash"]),
        ("almaty_region", ["Шелек", "Shelek"]),
        ("almaty_region", ["Чунджа", "Шонжы", "Shonzhy", "Chundzha"]),
        ("almaty_region", ["Баканас", "Бақанас", "Bakanas"]),
        ("almaty_region", ["Кеген", "Kegen"]),
        ("almaty_region", ["Нарынкол", "Нарынқол", "Narynkol"]),
        ("almaty_region", ["Иргели", "Іргелі", "Irgeli"]),
        ("almaty_region", ["Бесагаш", "Бесағаш", "Besagash"]),

        // Atyrau region.
        ("atyrau", ["Атырау", "Atyrau", "Гурьев", "Guryev"]),
        ("atyrau", ["Кульсары", "Құлсары", "Kulsary"]),
        ("atyrau", ["Макат", "Мақат", "Makat"]),
        ("atyrau", ["Индерборский", "Индер", "Inderbor"]),
        ("atyrau", ["Доссор", "Доссор", "Dossor"]),
        ("atyrau", ["Аккистау", "Аққыстау", "Akkystau"]),
        ("atyrau", ["Тенгиз", "Теңіз кен орны", "Tengiz"]),

        // East Kazakhstan region.
        ("east_kazakhstan", ["Усть-Каменогорск", "Өскемен", "Оскемен", "Ust-Kamenogorsk", "Oskemen", "Ust Kamenogorsk"]),
        ("east_kazakhstan", ["Риддер", "Ridder", "Лениногорск", "Leninogorsk"]),
        ("east_kazakhstan", ["Зыряновск", "Zyryanovsk", "Алтай қаласы"]),
        ("east_kazakhstan", ["Шемонаиха", "Shemonaikha"]),
        ("east_kazakhstan", ["Серебрянск", "Serebryansk"]),
        ("east_kazakhstan", ["Зайсан", "Zaysan", "Zaisan"]),
        ("east_kazakhstan", ["^Глубокое", "Glubokoe"]),
        ("east_kazakhstan", ["Катон-Карагай", "Катонқарағай", "Katon-Karagay"]),
        ("east_kazakhstan", ["Курчум", "Күршім", "Kurchum"]),
        ("east_kazakhstan", ["Улкен Нарын", "Үлкен Нарын", "Большенарымское", "Ulken Naryn"]),
        ("east_kazakhstan", ["Самарское", "Samarskoye"]),

        // Jambyl region.
        ("jambyl", ["Тараз", "Taraz", "Джамбул", "Жамбыл қаласы", "Dzhambul"]),
        ("jambyl", ["Жанатас", "Zhanatas"]),
        ("jambyl", ["^Каратау", "Қаратау", "Karatau"]),
        ("jambyl", ["Кордай", "Қордай", "Korday", "Kordai"]),
        ("jambyl", ["Мерке", "Merke"]),
        ("jambyl", ["Масанчи", "Масаншы", "Masanchi"]),
        ("jambyl", ["Сортобе", "Сортөбе", "Sortobe"]),
        ("jambyl", ["^Кулан", "Құлан", "Kulan"]),
        ("jambyl", ["Аулиеата", "Әулиеата"]),

        // Jetisu region.
        ("jetisu", ["Талдыкорган", "Талдықорған", "Taldykorgan", "Taldyqorgan"]),
        ("jetisu", ["Текели", "Текелі", "Tekeli"]),
        ("jetisu", ["Жаркент", "Zharkent"]),
        ("jetisu", ["Ушарал", "Үшарал", "Usharal"]),
        ("jetisu", ["Уштобе", "Үштөбе", "Ushtobe"]),
        ("jetisu", ["Сарканд", "Сарқан", "Sarkand"]),
        ("jetisu", ["Жансугуров", "Жансүгіров", "Zhansugurov"]),
        ("jetisu", ["Лепсинск", "Лепсі", "Lepsinsk"]),
        ("jetisu", ["Коктал", "Көктал", "Koktal"]),

        // Karaganda region.
        ("karaganda", ["Караганда", "Қарағанды", "Karaganda", "Karagandy", "Qaragandy"]),
        ("karaganda", ["Темиртау", "Теміртау", "Temirtau"]),
        ("karaganda", ["Балхаш", "Балқаш", "Balkhash", "Balqash"]),
        ("karaganda", ["Шахтинск", "Shakhtinsk"]),
        ("karaganda", ["Сарань", "Saran"]),
        ("karaganda", ["Приозерск", "Priozersk"]),
        ("karaganda", ["Каркаралинск", "Қарқаралы", "Karkaralinsk", "Karkaraly"]),
        ("karaganda", ["Топар", "Topar"]),
        ("karaganda", ["Осакаровка", "Osakarovka"]),
        ("karaganda", ["Шахан", "Shakhan"]),

        // Kostanay region.
        ("kostanay", ["Костанай", "Қостанай", "Kostanay", "Kostanai", "Кустанай", "Qostanai"]),
        ("kostanay", ["^Рудный", "Rudny", "Rudnyy"]),
        ("kostanay", ["Лисаковск", "Lisakovsk"]),
        ("kostanay", ["Аркалык", "Арқалық", "Arkalyk"]),
        ("kostanay", ["Житикара", "Жітіқара", "Zhitikara"]),
        ("kostanay", ["Карабалык", "Қарабалық", "Karabalyk"]),
        ("kostanay", ["Федоровка", "Fedorovka"]),
        ("kostanay", ["Затобольск", "Zatobolsk"]),

        // Kyzylorda region.
        ("kyzylorda", ["Кызылорда", "Қызылорда", "Kyzylorda", "Qyzylorda", "Кзыл-Орда"]),
        ("kyzylorda", ["Байконур", "Байқоңыр", "Baikonur", "Baykonur"]),
        ("kyzylorda", ["Аральск", "Aralsk", "Арал қаласы"]),
        ("kyzylorda", ["Казалинск", "Қазалы", "Kazalinsk", "Kazaly"]),
        ("kyzylorda", ["Шиели", "Шиелі", "Shieli"]),
        ("kyzylorda", ["Жанакорган", "Жаңақорған", "Zhanakorgan"]),
        ("kyzylorda", ["Жалагаш", "Жалағаш", "Zhalagash"]),

        // Mangystau region.
        ("mangystau", ["Актау", "Ақтау", "Aktau", "Aqtau"]),
        ("mangystau", ["Жанаозен", "Жаңаөзен", "Zhanaozen", "Janaozen", "Новый Узень"]),
        ("mangystau", ["Бейнеу", "Beineu", "Beyneu"]),
        ("mangystau", ["Форт-Шевченко", "Fort-Shevchenko"]),
        ("mangystau", ["Шетпе", "Shetpe"]),
        ("mangystau", ["Жетыбай", "Жетібай", "Zhetybai"]),
        ("mangystau", ["Курык", "Құрық", "Kuryk"]),
        ("mangystau", ["Мунайлы", "Мұнайлы", "Munaily"]),

        // North Kazakhstan region.
        ("north_kazakhstan", ["Петропавловск", "Петропавл", "Petropavl", "Petropavlovsk"]),
        ("north_kazakhstan", ["Булаево", "Bulaevo"]),
        ("north_kazakhstan", ["Мамлютка", "Mamlyutka"]),
        ("north_kazakhstan", ["Сергеевка", "Sergeevka"]),
        ("north_kazakhstan", ["Тайынша", "Tayynsha"]),
        ("north_kazakhstan", ["Смирново", "Smirnovo"]),
        ("north_kazakhstan", ["Явленка", "Yavlenka"]),
        ("north_kazakhstan", ["Саумалколь", "Саумалкөл", "Saumalkol"]),
        ("north_kazakhstan", ["Кишкенеколь", "Кішкенекөл", "Kishkenekol"]),

        // Pavlodar region.
        ("pavlodar", ["Павлодар", "Pavlodar"]),
        ("pavlodar", ["Экибастуз", "Екібастұз", "Ekibastuz"]),
        ("pavlodar", ["^Аксу", "Ақсу", "Aksu"]),
        ("pavlodar", ["Баянаул", "Баянауыл", "Bayanaul"]),
        ("pavlodar", ["Иртышск", "Ertis", "Ертіс", "Irtyshsk"]),
        ("pavlodar", ["Майкаин", "Майқайың", "Maikain"]),
        ("pavlodar", ["Щербакты", "Шарбақты", "Sharbakty"]),

        // Turkistan region.
        ("turkistan", ["Туркестан", "Түркістан", "Turkestan", "Turkistan"]),
        ("turkistan", ["Кентау", "Kentau"]),
        ("turkistan", ["Арыс", "Arys"]),
        ("turkistan", ["Сарыагаш", "Сарыағаш", "Saryagash"]),
        ("turkistan", ["Жетысай", "Жетісай", "Zhetysai"]),
        ("turkistan", ["Шардара", "Шардара", "Shardara"]),
        ("turkistan", ["Ленгер", "Lenger"]),
        ("turkistan", ["Аксукент", "Ақсукент", "Aksukent"]),
        ("turkistan", ["Шаульдер", "Шәуілдір", "Shauldir"]),
        ("turkistan", ["Асыката", "Асықата", "Asykata"]),
        ("turkistan", ["Шолаккорган", "Шолаққорған", "Sholakkorgan"]),
        ("turkistan", ["Казыгурт", "Қазығұрт", "Kazygurt"]),
        ("turkistan", ["Аксу-Жабаглы", "Ақсу-Жабағылы"]),

        // Ulytau region.
        ("ulytau", ["Жезказган", "Жезқазған", "Zhezkazgan", "Jezkazgan"]),
        ("ulytau", ["Сатпаев", "Сәтбаев", "Satpayev", "Satbayev", "Satpaev"]),
        ("ulytau", ["Каражал", "Қаражал", "Karazhal"]),
        ("ulytau", ["Улытау", "Ұлытау", "Ulytau"]),
        ("ulytau", ["Жезды", "Жезді", "Zhezdy"]),

        // West Kazakhstan region.
        ("west_kazakhstan", ["Уральск", "~Орал", "Uralsk", "~Oral", "Oral city"]),
        ("west_kazakhstan", ["Аксай", "Ақсай", "Aksay", "Aksai"]),
        ("west_kazakhstan", ["Чапаево", "Шапағат", "Chapaevo", "Chapayevo", "Shapagat"]),
        ("west_kazakhstan", ["Чингирлау", "Шыңғырлау", "Chingirlau"]),
        ("west_kazakhstan", ["Казталовка", "Қазталов", "Kaztalovka"]),
        ("west_kazakhstan", ["Дарьинск", "Дарьинское", "Darinsk"]),
        ("west_kazakhstan", ["Переметное", "Perementnoe"]),
        ("west_kazakhstan", ["Зачаганск", "Zachagansk"]),
        ("west_kazakhstan", ["Сайхин", "Saykhin"]),
        ("west_kazakhstan", ["Джамбейты", "Жымпиты", "Zhympity"]),
        ("west_kazakhstan", ["Таскала", "Тасқала", "Taskala"]),
        ("west_kazakhstan", ["Акжаик", "Ақжайық", "Akzhaiyk"]),
    ];

    /// <summary>
    /// Settlement names that are also given names or surnames ("Аягөз Сейітова", "Талгар Жумабаев",
    /// "академик Сатпаев"): next to another capitalised word they are taken for a person.
    /// </summary>
    public static readonly HashSet<string> PersonLike = new(StringComparer.Ordinal)
    {
        "Аягоз", "Аягөз", "Талгар", "Талғар", "Шалкар", "Шалқар", "Тенгиз", "Жетыбай", "Жетібай", "Сатпаев", "Сәтбаев",
        "Satpayev", "Satbayev", "Satpaev", "Курчатов", "Kurchatov", "Конаев", "Қонаев", "Konaev", "Kunaev", "Жансугуров",
        "Жансүгіров", "Zhansugurov", "Арыс", "Кордай", "Қордай", "Махамбет", "Аксай", "Ақсай",
    };

    /// <summary>
    /// Russian adjectives of settlements whose stem is not the name plus "-ск" (алматинский, карагандинский).
    /// Names ending in a consonant, -й or -у get "-ск" by default (уральский, темиртауская, костанайской).
    /// </summary>
    public static readonly Dictionary<string, string> IrregularAdjectives = new(StringComparer.Ordinal)
    {
        ["Алматы"] = "алматинск",
        ["Караганда"] = "карагандинск",
        ["Актобе"] = "актюбинск",
        ["Кызылорда"] = "кызылординск",
        ["Астана"] = "астанинск",
        ["Рудный"] = "рудненск",
        ["Усть-Каменогорск"] = "усть каменогорск",
        ["Петропавловск"] = "петропавловск",
        ["Уральск"] = "уральск",
        ["Сатпаев"] = "сатпаевск",
        ["Кентау"] = "кентауск",
    };

    /// <summary>
    /// How regions are named without a settlement: Russian adjective stem (forms with
    /// "область" are generated), the Kazakh name before "облысы", the English name before
    /// "region"/"oblast", and standalone names and abbreviations.
    /// </summary>
    public static readonly (string Region, string RuAdjective, string KkName, string EnName, string[] Standalone)[] Regions =
    [
        ("abai", "абайск", "Абай", "Abai", ["область Абай", "области Абай", "Абай облысы", "Abay region"]),
        ("akmola", "акмолинск", "Ақмола", "Akmola", ["Акмола", "Ақмола", "Akmola", "Акмолинской", "Акмолинская"]),
        ("aktobe", "актюбинск", "Ақтөбе", "Aktobe", ["Актюбинской", "Актюбинская"]),
        ("almaty_region", "алматинск", "Алматы", "Almaty", ["Алматинская обл", "Алматинской обл", "Almaty oblast"]),
        ("atyrau", "атырауск", "Атырау", "Atyrau", ["Атырауской", "Атырауская"]),
        ("east_kazakhstan", "восточно казахстанск", "Шығыс Қазақстан", "East Kazakhstan", ["ВКО", "ШҚО", "Восточно-Казахстанской", "Восточном Казахстане", "Восточный Казахстан", "Шығыс Қазақстанда", "East Kazakhstan"]),
        ("jambyl", "жамбылск", "Жамбыл", "Zhambyl", ["Жамбылской", "Жамбылская", "Jambyl region", "Zhambyl oblast"]),
        ("jetisu", "жетысуск", "Жетісу", "Zhetysu", ["области Жетісу", "области Жетысу", "область Жетісу", "область Жетысу", "Jetisu region", "Jetisu", "Zhetysu"]),
        ("karaganda", "карагандинск", "Қарағанды", "Karaganda", ["Карагандинской", "Карагандинская"]),
        ("kostanay", "костанайск", "Қостанай", "Kostanay", ["Костанайской", "Костанайская"]),
        ("kyzylorda", "кызылординск", "Қызылорда", "Kyzylorda", ["Кызылординской", "Кызылординская"]),
        ("mangystau", "мангистауск", "Маңғыстау", "Mangystau", ["Мангистау", "Маңғыстау", "Мангыстау", "Mangystau", "Mangistau", "Мангышлак"]),
        ("north_kazakhstan", "северо казахстанск", "Солтүстік Қазақстан", "North Kazakhstan", ["СКО", "СҚО", "Северо-Казахстанской", "North Kazakhstan"]),
        ("pavlodar", "павлодарск", "Павлодар", "Pavlodar", ["Павлодарской", "Павлодарская", "Прииртышье", "Прииртышья"]),
        ("turkistan", "туркестанск", "Түркістан", "Turkistan", ["ЮКО", "ОҚО", "Южно-Казахстанской", "Южно-Казахстанская", "Оңтүстік Қазақстан", "Туркестанской", "Turkestan region"]),
        ("ulytau", "улытауск", "Ұлытау", "Ulytau", ["области Улытау", "область Улытау", "области Ұлытау"]),
        ("west_kazakhstan", "западно казахстанск", "Батыс Қазақстан", "West Kazakhstan", ["ЗКО", "БҚО", "Западно-Казахстанской", "Западном Казахстане", "Батыс Қазақстанда", "West Kazakhstan"]),
    ];
}
