using System.Security.Cryptography;
using System.Text;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Benchmarks.Dedup;

/// <summary>One generated report and the event it is about.</summary>
public sealed record SyntheticReport(long EventId, string Language, string Text, DateTimeOffset ReceivedAt, string[] Files);

/// <summary>
/// Realistic synthetic submissions: events (a detention, an assault, a seizure, a lawsuit …) in a
/// city of Kazakhstan on a date, each reported 1–6 times in Russian, Kazakh or English by different
/// people — paraphrased, with names spelled in Cyrillic or in one of several Latin spellings,
/// sometimes with the same photo. Events of one kind in other cities and on other dates are the
/// near-miss distractors. Deterministic for a seed.
/// </summary>
public sealed class SyntheticReports(int seed)
{
    private readonly Random _random = new(seed);
    private long _eventId;

    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(5));

    // City: Russian nominative, Russian locative ("в Уральске"), Kazakh locative, English.
    private static readonly (string Ru, string RuLoc, string KkLoc, string En)[] Cities =
    [
        ("Уральск", "Уральске", "Оралда", "Uralsk"), ("Атырау", "Атырау", "Атырауда", "Atyrau"),
        ("Алматы", "Алматы", "Алматыда", "Almaty"), ("Шымкент", "Шымкенте", "Шымкентте", "Shymkent"),
        ("Павлодар", "Павлодаре", "Павлодарда", "Pavlodar"), ("Костанай", "Костанае", "Қостанайда", "Kostanay"),
        ("Актобе", "Актобе", "Ақтөбеде", "Aktobe"), ("Караганда", "Караганде", "Қарағандыда", "Karaganda"),
        ("Тараз", "Таразе", "Таразда", "Taraz"), ("Кызылорда", "Кызылорде", "Қызылордада", "Kyzylorda"),
        ("Актау", "Актау", "Ақтауда", "Aktau"), ("Семей", "Семее", "Семейде", "Semey"),
        ("Усть-Каменогорск", "Усть-Каменогорске", "Өскеменде", "Ust-Kamenogorsk"), ("Астана", "Астане", "Астанада", "Astana"),
        ("Петропавловск", "Петропавловске", "Петропавлда", "Petropavl"), ("Туркестан", "Туркестане", "Түркістанда", "Turkistan"),
    ];

    private static readonly string[] FirstNames =
        ["Лукпан", "Раул", "Данияр", "Айгерим", "Асель", "Нурлан", "Сауле", "Марат", "Елена", "Бауыржан", "Руслан", "Ольга", "Ерлан", "Жанар", "Дина", "Серик", "Гульнара", "Тимур", "Аскар", "Мадина",
         "Алмас", "Арман", "Бахыт", "Гаухар", "Динара", "Есен", "Жасулан", "Зарина", "Ирина", "Кайрат", "Ляззат", "Мурат", "Оксана", "Павел", "Роза", "Салтанат", "Талгат", "Умит", "Шолпан",
         "Айдос", "Берик", "Галым", "Дамир", "Ержан", "Жандос", "Ильяс", "Канат", "Максат", "Нуржан", "Олжас", "Рахат", "Самал", "Толкын", "Улан", "Фарида", "Хасен", "Чингиз", "Шынар", "Эльмира"];

    private static readonly string[] SurnameRoots =
        ["Ахмедьяр", "Упор", "Серикба", "Тулеген", "Омар", "Абдир", "Исмагул", "Жаксылык", "Нургали", "Тока", "Бекмамбет", "Сейтказ", "Кенжебек", "Жумабай", "Досмагамбет", "Ермек", "Сулейменов", "Калиакпар", "Мукан", "Байжан", "Шалаба", "Есенгельд", "Тасбулат", "Кудайберген", "Ибраги", "Садык", "Муратбек", "Орынба", "Сапарба", "Темирбула",
         "Абдрахман", "Байтурсын", "Габдулл", "Даулетбак", "Егемберд", "Жакып", "Загипп", "Иманбай", "Камал", "Ларионов", "Пономар", "Мусабек", "Нысанба", "Оспан", "Рахимжан",
         "Сагинта", "Тлеуберд", "Уразал", "Файзулл", "Хамит", "Шайкен", "Ыскак", "Әбдіқадыр", "Ілияс", "Алимжан", "Бекназар", "Валиханов", "Гизатулл", "Дюсенба", "Елубай",
         "Жусуп", "Зейнулл", "Искак", "Кожахмет", "Латып", "Мухамедж", "Нигмет", "Оразал", "Пернебай", "Рысбек", "Смагул", "Тогжан", "Утемис", "Шарип", "Ергали"];

    // Surnames are root + middle + ending, a few thousand in all (a real population has tens of thousands).
    private static readonly string[] SurnameMiddles = ["", "ба", "бек", "ген", "жан", "кул", "мур", "сар", "тай", "хан", "гали", "жан", "тас", "бул", "нияз", "ер", "кен", "мед", "дар", "сап"];

    private static readonly string[] OutletWordsRu = ["Неделя", "Вестник", "Правда", "Голос", "Время", "Курьер", "Обозрение", "Новости", "Панорама", "Трибуна", "Газета", "Хроника", "Зеркало", "Экспресс"];
    private static readonly string[] OutletPlaceRu = ["Уральская", "Степная", "Северная", "Южная", "Наша", "Городская", "Ак", "Жаркая", "Новая", "Вольная", "Вечерняя", "Народная", "Свободная"];

    private sealed record Event(long Id, int Kind, int City, DateOnly Date, string First, string Surname, string Outlet, string? Photo);

    /// <summary>Reports of new events until <paramref name="count"/> are made, events spread over <paramref name="days"/> days.</summary>
    public IEnumerable<SyntheticReport> Generate(int count, int days = 365)
    {
        var made = 0;
        while (made < count)
        {
            var e = NewEvent(days);
            var size = Math.Min(count - made, ClusterSize());
            foreach (var report in ReportsOf(e, size))
            {
                made++;
                yield return report;
            }
        }
    }

    /// <summary>A report of a new event and, with it, a paraphrase of the same event (for queries with a known answer).</summary>
    public (SyntheticReport First, SyntheticReport Second) Pair(int days, int lastDays)
    {
        var e = NewEvent(days, lastDays);
        var two = ReportsOf(e, 2).ToArray();
        return (two[0], two[1]);
    }

    private Event NewEvent(int days, int? lastDays = null)
    {
        var day = lastDays is { } last ? days - last + _random.Next(last) : _random.Next(days);
        var date = DateOnly.FromDateTime(Start.AddDays(day).DateTime);
        var root = SurnameRoots[_random.Next(SurnameRoots.Length)];
        var middle = SurnameMiddles[_random.Next(SurnameMiddles.Length)];
        var surname = root.EndsWith("ов", StringComparison.Ordinal) ? root : root + middle + (_random.Next(3) == 0 ? "ев" : "ов");
        var outlet = OutletPlaceRu[_random.Next(OutletPlaceRu.Length)] + " " + OutletWordsRu[_random.Next(OutletWordsRu.Length)].ToLowerInvariant();
        var id = ++_eventId;
        return new Event(
            id, _random.Next(Templates.Kinds), _random.Next(Cities.Length), date,
            FirstNames[_random.Next(FirstNames.Length)], surname, outlet,
            _random.Next(4) == 0 ? Photo(id) : null);
    }

    /// <summary>The SHA-256 of an event's photo: its own, and the same in every run of one seed.</summary>
    private string Photo(long eventId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"photo {seed} {eventId}")));

    private int ClusterSize() => _random.Next(10) switch
    {
        < 3 => 1,
        < 5 => 2,
        < 7 => 3,
        < 8 => 4,
        < 9 => 5,
        _ => 6,
    };

    private IEnumerable<SyntheticReport> ReportsOf(Event e, int size)
    {
        for (var i = 0; i < size; i++)
        {
            var language = _random.Next(10) switch { < 5 => "ru", < 8 => "kk", _ => "en" };
            var received = e.Date.ToDateTime(new TimeOnly(8, 0)).AddHours(_random.Next(72)).AddMinutes(_random.Next(60));
            var files = e.Photo is not null && _random.Next(2) == 0 ? new[] { e.Photo } : [];
            yield return new SyntheticReport(e.Id, language, Text(e, language), new DateTimeOffset(received, TimeSpan.FromHours(5)), files);
        }
    }

    private string Text(Event e, string language)
    {
        var city = Cities[e.City];
        var latinName = LatinSpelling(e.First) + " " + LatinSpelling(e.Surname);
        var latinOutlet = string.Join(" ", e.Outlet.Split(' ').Select(w => TextNormalizer.TitleCase(Transliterator.ToLatin(w))));
        var slots = new Templates.Slots(
            Name: e.First + " " + e.Surname, NameAcc: e.First + "а " + e.Surname + "а", Surname: e.Surname,
            LatinName: latinName, LatinSurname: latinName.Split(' ')[1],
            Outlet: TextNormalizer.TitleCase(e.Outlet), LatinOutlet: latinOutlet,
            CityLoc: city.RuLoc, CityKk: city.KkLoc, CityEn: city.En,
            DateRu: e.Date.Day + " " + Templates.MonthsRu[e.Date.Month - 1],
            DateKk: e.Date.Day + " " + Templates.MonthsKk[e.Date.Month - 1],
            DateEn: Templates.MonthsEn[e.Date.Month - 1] + " " + e.Date.Day);
        return Templates.Render(e.Kind, language, slots, _random);
    }

    /// <summary>One of the Latin spellings people use: the standard one, or with i for y, h for kh, single letters.</summary>
    private string LatinSpelling(string cyrillic)
    {
        var latin = TextNormalizer.TitleCase(Transliterator.ToLatin(cyrillic));
        return _random.Next(4) switch
        {
            0 => latin.Replace("y", "i", StringComparison.Ordinal),
            1 => latin.Replace("kh", "h", StringComparison.Ordinal).Replace("Kh", "H", StringComparison.Ordinal),
            _ => latin,
        };
    }
}
