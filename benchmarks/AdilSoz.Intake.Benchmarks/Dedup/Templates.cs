namespace AdilSoz.Intake.Benchmarks.Dedup;

/// <summary>Sentences of the generated reports: a lead per kind of event and language, and context sentences.</summary>
internal static class Templates
{
    public sealed record Slots(
        string Name, string NameAcc, string Surname, string LatinName, string LatinSurname,
        string Outlet, string LatinOutlet, string CityLoc, string CityKk, string CityEn,
        string DateRu, string DateKk, string DateEn);

    public static readonly string[] MonthsRu = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
    public static readonly string[] MonthsKk = ["қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда"];
    public static readonly string[] MonthsEn = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public const int Kinds = 8;

    // [kind][language ru, kk, en][variant]
    private static readonly string[][][] Leads =
    [
        [
            ["{DateRu} в {CityLoc} полиция задержала журналиста «{Outlet}» {NameAcc}.", "Сегодня, {DateRu}, в {CityLoc} задержан корреспондент газеты «{Outlet}» {Name}, его доставили в отдел полиции.", "В {CityLoc} полицейские задержали {NameAcc} из «{Outlet}» во время съемки {DateRu}."],
            ["{DateKk} {CityKk} полиция «{Outlet}» тілшісі {Name} ұстады.", "{CityKk} {DateKk} «{Outlet}» журналисі {Name} полиция бөліміне апарылды."],
            ["Police detained {LatinName}, a journalist of {LatinOutlet}, in {CityEn} on {DateEn}.", "{LatinName} of {LatinOutlet} was detained by police in {CityEn} on {DateEn} while filming."],
        ],
        [
            ["{DateRu} в {CityLoc} избили оператора «{Outlet}» {NameAcc}, камера разбита.", "На журналиста «{Outlet}» {NameAcc} напали в {CityLoc} {DateRu}, он в больнице."],
            ["{DateKk} {CityKk} «{Outlet}» операторы {Name} ұрып-соқты, камерасы сынды.", "{CityKk} «{Outlet}» тілшісі {Name} шабуылға ұшырады, {DateKk} болған."],
            ["{LatinName}, a cameraman of {LatinOutlet}, was beaten in {CityEn} on {DateEn}; his camera was broken.", "Unknown men attacked {LatinOutlet} reporter {LatinName} in {CityEn} on {DateEn}."],
        ],
        [
            ["В {CityLoc} полиция изъяла технику у журналиста «{Outlet}» {Surname}а {DateRu}: камеру и телефон.", "{DateRu} у корреспондента «{Outlet}» {NameAcc} в {CityLoc} отобрали камеру и ноутбук."],
            ["{CityKk} полиция «{Outlet}» тілшісі {Name} камерасы мен телефонын тартып алды, {DateKk}.", "{DateKk} {CityKk} «{Outlet}» журналисінің техникасы тәркіленді, {Name} шағым түсірді."],
            ["Police in {CityEn} seized the camera and phone of {LatinOutlet} reporter {LatinName} on {DateEn}.", "The equipment of {LatinName} ({LatinOutlet}) was confiscated in {CityEn} on {DateEn}."],
        ],
        [
            ["{Name} подал иск к газете «{Outlet}» в {CityLoc} о защите чести и достоинства, {DateRu}.", "В суд {CityLoc} поступил иск {Surname}а против «{Outlet}» о защите деловой репутации, {DateRu}."],
            ["{CityKk} {Name} «{Outlet}» газетіне ар-намысын қорғау туралы сотқа талап арыз берді, {DateKk}.", "{DateKk} «{Outlet}» басылымына {Name} сотқа жүгінді, {CityKk}."],
            ["{LatinName} sued the {LatinOutlet} newspaper in {CityEn} for defamation on {DateEn}.", "A lawsuit to protect the honour and dignity of {LatinName} was filed against {LatinOutlet} in {CityEn} on {DateEn}."],
        ],
        [
            ["Акимат в {CityLoc} отказал журналисту «{Outlet}» {Name} в информации по запросу, {DateRu}.", "{DateRu} журналист {Name} («{Outlet}») не получил ответа от акимата в {CityLoc} на официальный запрос."],
            ["{CityKk} әкімдік «{Outlet}» тілшісі {Name} сұрауына ақпарат беруден бас тартты, {DateKk}.", "{DateKk} {CityKk} {Name} ресми сұрауына әкімдіктен жауап алмады."],
            ["The akimat in {CityEn} refused to answer the information request of {LatinOutlet} journalist {LatinName} on {DateEn}.", "{LatinName} of {LatinOutlet} was denied information by the {CityEn} akimat on {DateEn}."],
        ],
        [
            ["Журналисту «{Outlet}» {Name} в {CityLoc} угрожают после публикации, {DateRu} ему позвонили с угрозами.", "{DateRu} в {CityLoc} {Name} из «{Outlet}» получил угрозы в мессенджере."],
            ["{CityKk} «{Outlet}» тілшісі {Name} мақаласынан кейін қорқытып жатыр, {DateKk}.", "{DateKk} {Name} телефон арқылы қоқан-лоққы алды, {CityKk}."],
            ["{LatinOutlet} journalist {LatinName} in {CityEn} has received threats since {DateEn}.", "{LatinName} ({LatinOutlet}) was threatened by phone in {CityEn} on {DateEn}."],
        ],
        [
            ["{DateRu} журналиста «{Outlet}» {NameAcc} не пустили на сессию маслихата в {CityLoc}.", "В {CityLoc} корреспонденту {Name} не дали пройти на заседание акимата {DateRu}."],
            ["{DateKk} {CityKk} «{Outlet}» тілшісі {Name} мәслихат сессиясына жібермеді.", "{CityKk} {Name} отырысқа кіргізілмеді, {DateKk}."],
            ["{LatinName} of {LatinOutlet} was barred from a maslikhat session in {CityEn} on {DateEn}.", "Guards prevented {LatinOutlet} reporter {LatinName} from entering a session in {CityEn} on {DateEn}."],
        ],
        [
            ["{DateRu} в {CityLoc} полиция провела обыск в редакции «{Outlet}», главный редактор {Name}.", "В редакции «{Outlet}» в {CityLoc} прошел обыск {DateRu}, изъяты ноутбуки, сообщил {Name}."],
            ["{DateKk} {CityKk} «{Outlet}» редакциясында тінту жүргізілді, бас редактор {Name}.", "{CityKk} полиция «{Outlet}» редакциясын тінтті, {DateKk}, {Name} хабарлады."],
            ["Police searched the {LatinOutlet} newsroom in {CityEn} on {DateEn}, editor {LatinName} said.", "The office of {LatinOutlet} in {CityEn} was raided on {DateEn}; laptops were seized, according to {LatinName}."],
        ],
    ];

    private static readonly string[][] Context =
    [
        [
            "Редакция требует наказать виновных и вернуть изъятое.", "Коллеги считают, что это связано с последними публикациями.",
            "В полиции пока не дали комментариев.", "Юрист фонда уже ознакомился с материалами.", "Это не первый такой случай в регионе за последние месяцы.",
            "Свидетели сняли произошедшее на видео.", "Журналист намерен обратиться в прокуратуру.", "Материал вызвал большой резонанс в социальных сетях.",
            "Редактор заявил, что издание продолжит работу.", "Правозащитники назвали случай давлением на прессу.",
        ],
        [
            "Редакция кінәлілерді жазалауды талап етеді.", "Әріптестері бұл соңғы жарияланымдарға байланысты деп санайды.",
            "Полиция әзірге пікір білдірмеді.", "Қордың заңгері материалдармен танысты.", "Бұл өңірдегі алғашқы жағдай емес.",
            "Куәгерлер болған оқиғаны видеоға түсірді.", "Журналист прокуратураға жүгінбек.", "Материал әлеуметтік желіде үлкен резонанс тудырды.",
        ],
        [
            "The editorial office demands that those responsible be punished.", "Colleagues link the case to recent publications.",
            "The police have not commented yet.", "The foundation's lawyer has reviewed the documents.", "It is not the first such case in the region this year.",
            "Witnesses filmed what happened.", "The journalist intends to complain to the prosecutor's office.", "Media freedom groups called it pressure on the press.",
        ],
    ];

    public static string Render(int kind, string language, Slots s, Random random)
    {
        var lang = language switch { "ru" => 0, "kk" => 1, _ => 2 };
        var leads = Leads[kind][lang];
        var text = Fill(leads[random.Next(leads.Length)], s);
        var context = Context[lang];
        var extra = 2 + random.Next(4);
        for (var i = 0; i < extra; i++)
        {
            text += " " + context[random.Next(context.Length)];
        }

        return text;
    }

    private static string Fill(string template, Slots s) => template
        .Replace("{NameAcc}", s.NameAcc, StringComparison.Ordinal).Replace("{Name}", s.Name, StringComparison.Ordinal)
        .Replace("{Surname}", s.Surname, StringComparison.Ordinal).Replace("{LatinName}", s.LatinName, StringComparison.Ordinal)
        .Replace("{LatinSurname}", s.LatinSurname, StringComparison.Ordinal).Replace("{LatinOutlet}", s.LatinOutlet, StringComparison.Ordinal)
        .Replace("{Outlet}", s.Outlet, StringComparison.Ordinal).Replace("{CityLoc}", s.CityLoc, StringComparison.Ordinal)
        .Replace("{CityKk}", s.CityKk, StringComparison.Ordinal).Replace("{CityEn}", s.CityEn, StringComparison.Ordinal)
        .Replace("{DateRu}", s.DateRu, StringComparison.Ordinal).Replace("{DateKk}", s.DateKk, StringComparison.Ordinal)
        .Replace("{DateEn}", s.DateEn, StringComparison.Ordinal);
}
