namespace AdilSoz.Intake.Language.Text;

/// <summary>
/// A small cross-language lexicon of what press-freedom reports are about (detention, assault,
/// seizure, lawsuit …): a word in Russian, Kazakh or English that begins with one of a concept's
/// stems stands for that concept, so "задержали", "ұсталды" and "detained" meet as one term.
/// </summary>
public static class Concepts
{
    private static readonly (string Concept, string[] Stems)[] Lexicon =
    [
        ("detain", ["задерж", "арест", "доставил", "доставлен", "ұстал", "ұстад", "қамау", "қамал", "detain", "detention", "arrest"]),
        ("police", ["полиц", "полицей", "мвд", "овд", "правоохран", "патрул", "police", "policem", "patrol", "officer"]),
        ("journalist", ["журналист", "корреспондент", "репортер", "репортёр", "тілші", "journalist", "reporter", "correspondent"]),
        ("editor", ["редактор", "главред", "editor"]),
        ("camera", ["оператор", "видеооператор", "камер", "cameraman", "camera", "operator"]),
        ("assault", ["избил", "избит", "избиен", "удар", "напал", "нападен", "соққы", "ұрып", "ұрды", "шабуыл", "beat", "assault", "attack", "punch", "kick"]),
        ("seize", ["изъял", "изъят", "отобрал", "отнял", "конфиск", "тәркіле", "тартып", "seiz", "confiscat", "took away"]),
        ("equipment", ["техник", "аппаратур", "оборудован", "ноутбук", "жабдық", "құрал", "equipment", "gear", "laptop"]),
        ("lawsuit", ["иск", "исков", "истец", "талап ар", "lawsuit", "sue", "sued", "suing", "claim", "plaintiff"]),
        ("court", ["суд", "сот", "court", "judge"]),
        ("honor", ["чест", "достоинств", "репутац", "клевет", "абырой", "ар-намыс", "намыс", "ар-ождан", "жала", "honor", "honour", "dignity", "reputation", "defamation", "libel", "slander"]),
        ("accreditation", ["аккредит", "accredit"]),
        ("rules", ["правил", "ереже", "rule"]),
        ("draft", ["проект", "жоба", "draft"]),
        ("ministry", ["министерств", "министрлі", "ministry", "minister"]),
        ("picket", ["пикет", "picket"]),
        ("highway", ["трасс", "шоссе", "автодорог", "тас жол", "highway", "motorway"]),
        ("request", ["запрос", "сұрау", "сауал", "request", "inquiry", "enquiry"]),
        ("refuse", ["отказ", "бас тарт", "refus", "denied", "deni", "declin"]),
        ("information", ["информац", "ақпарат", "information"]),
        ("akimat", ["акимат", "аким", "әкімдік", "әкімді", "әкім", "akimat", "akim", "mayor"]),
        ("search", ["обыск", "тінту", "тінтті", "raid"]),
        ("threat", ["угрож", "угроз", "қорқыт", "қоқан", "threat"]),
        ("fine", ["штраф", "айыппұл", "fine", "fined"]),
        ("outlet", ["газет", "издани", "сми", "редакц", "басылым", "бақ", "редакция", "newspaper", "outlet", "media", "publication", "editorial"]),
        ("website", ["сайт", "портал", "site", "website", "portal"]),
        ("block", ["блокир", "бұғатта", "block"]),
        ("video", ["видео", "съемк", "съёмк", "снима", "снял", "түсір", "video", "film", "footage", "shoot"]),
        ("release", ["освобожд", "освобод", "босат", "releas"]),
        ("prisoner", ["заключен", "политзаключ", "тұтқын", "prisoner"]),
        ("car", ["машин", "автомобил", "көлік", "car", "vehicle"]),
        ("criminal", ["уголовн", "қылмыст", "criminal"]),
        ("compensation", ["моральн", "компенсац", "возмещ", "өтемақы", "моральдық", "compensation", "damages"]),
        ("money", ["тенге", "теңге", "млн", "миллион", "tenge", "million", "mln"]),
        ("phone", ["телефон", "смартфон", "phone", "smartphone"]),
        ("tv", ["телеканал", "телеарна", "tv", "television", "channel"]),
        ("blogger", ["блогер", "blogger"]),
        ("protest", ["митинг", "акци", "шеру", "наразыл", "rally", "protest"]),
        ("injury", ["травм", "больниц", "госпитал", "жарақат", "аурухана", "injur", "hospital", "bruise"]),
        ("delete", ["удал", "жойы", "жойд", "delet", "remov"]),
        ("pressure", ["давлен", "давит", "қысым", "pressur", "harass"]),
        ("prevent", ["воспрепятств", "помеш", "препятств", "не пуст", "не допуст", "дали пройт", "запрет", "жібермеді", "кіргізбе", "кіргізілме", "кедергі", "тыйым", "prevent", "barred", "obstruct", "impede", "hinder"]),
        ("station", ["отдел", "участок", "участк", "бөлім", "бөлімше", "station", "precinct"]),
        ("investigator", ["следовател", "тергеуші", "investigator"]),
        ("driver", ["водител", "жүргізуші", "driver"]),
        ("accident", ["дтп", "авари", "жол апат", "апат", "accident", "crash"]),
        ("taxi", ["такси", "taxi"]),
        ("banner", ["плакат", "транспарант", "баннер", "banner", "placard", "poster"]),
        ("session", ["сессия", "заседан", "отырыс", "session", "hearing", "meeting"]),
        ("deport", ["депорт", "выслал", "deport", "expel"]),
        ("hack", ["взлом", "взломал", "бұзып", "hack"]),
        ("warning", ["предупрежд", "ескерту", "warning", "warned"]),
        ("summons", ["вызвал", "вызов", "повестк", "шақыр", "summon"]),
    ];

    // Stems keyed by their first two letters for a quick scan.
    private static readonly Dictionary<string, (string Stem, string Concept)[]> ByPrefix = Lexicon
        .SelectMany(c => c.Stems.Select(s => (Stem: s, c.Concept)))
        .GroupBy(x => x.Stem[..2], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Stem.Length).ToArray(), StringComparer.Ordinal);

    /// <summary>The concept a normalised word stands for, or null. Short stems (≤ 4 letters) match only words at most two letters longer.</summary>
    public static string? Of(string word)
    {
        if (word.Length < 2 || !ByPrefix.TryGetValue(word[..2], out var candidates))
        {
            return null;
        }

        foreach (var (stem, concept) in candidates)
        {
            if (word.StartsWith(stem, StringComparison.Ordinal) && (stem.Length > 4 || word.Length <= stem.Length + 2))
            {
                return concept;
            }
        }

        return null;
    }

    /// <summary>The concept of a two-word stem ("тас жол", "бас тарт", "took away") starting at this word pair, or null.</summary>
    public static string? OfPair(string first, string second)
    {
        var phrase = first + " " + second;
        foreach (var (stem, concept) in PairStems)
        {
            if (phrase.StartsWith(stem, StringComparison.Ordinal))
            {
                return concept;
            }
        }

        return null;
    }

    private static readonly (string Stem, string Concept)[] PairStems = Lexicon
        .SelectMany(c => c.Stems.Where(s => s.Contains(' ', StringComparison.Ordinal)).Select(s => (s, c.Concept)))
        .ToArray();
}
