using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Places;

/// <summary>
/// Generates the written forms of a place name that occur in reports: Russian case endings
/// (в Уральске, из Уральска, Карагандой, Семее) and Kazakh case suffixes (Оралда, Оралдан,
/// Атырауға, Алматының, Оралдағы). Over-generation is harmless: the forms are only looked up.
/// </summary>
internal static class PlaceForms
{
    // Locative, ablative, dative, genitive, instrumental, "the one in X", "from X" (people).
    // Accusative (-ды/-ны) is left out: "оралды" is also the verb "returned".
    private static readonly string[] KazakhSuffixes =
    [
        "да", "де", "та", "те", "нда", "нде",
        "дан", "ден", "тан", "тен", "нан", "нен",
        "ға", "ге", "қа", "ке", "на", "не",
        "ның", "нің", "дың", "дің", "тың", "тің",
        "мен", "бен", "пен",
        "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
        "лық", "лік", "дық", "дік", "тық", "тік", "лықтар", "ліктер", "дықтар", "діктер", "тықтар", "тіктер",
    ];

    /// <summary>All keys (normalised, words separated by one space) under which a name is found.</summary>
    public static IEnumerable<string> Of(string name)
    {
        var key = Key(name);
        yield return key;
        if (!IsCyrillic(key))
        {
            yield break;
        }

        var cut = key.LastIndexOf(' ');
        var head = cut < 0 ? string.Empty : key[..(cut + 1)];
        var last = cut < 0 ? key : key[(cut + 1)..];
        foreach (var form in Russian(last))
        {
            yield return head + form;
        }

        foreach (var suffix in KazakhSuffixes)
        {
            yield return head + last + suffix;
        }
    }

    private static readonly string[] AdjectiveEndings = ["ий", "ая", "ое", "ой", "ую", "ого", "ом", "ому", "ие", "их", "им", "ими"];

    /// <summary>Russian adjective forms of a settlement's canonical name: уральский, темиртауской, алматинские.</summary>
    public static IEnumerable<string> Adjectives(string name, string? irregularStem)
    {
        var key = Key(name);
        var stem = irregularStem;
        if (stem is null && key.Length >= 4 && (IsConsonant(key[^1]) || key[^1] is 'й' or 'у') && !key.EndsWith("ск", StringComparison.Ordinal))
        {
            stem = key + "ск";
        }

        if (stem is null)
        {
            yield break;
        }

        foreach (var e in AdjectiveEndings)
        {
            yield return stem + e;
        }
    }

    public static string Key(string name)
    {
        var t = TokenizedText.Create(name);
        return t.Normalized.ToString();
    }

    private static IEnumerable<string> Russian(string w)
    {
        if (w.Length < 3)
        {
            yield break;
        }

        var stem = w[..^1];
        string[] endings = w[^1] switch
        {
            // Караганда → Караганды, Караганде, Карагандой.
            'а' or 'я' => ["ы", "и", "е", "у", "ой", "ю", "ей"],
            // Рудный, Глубокое decline as adjectives (below); Семей, Костанай as nouns.
            'й' when w.EndsWith("ый", StringComparison.Ordinal) || w.EndsWith("ий", StringComparison.Ordinal) => [],
            'й' => ["я", "ю", "е", "ем"],
            'ь' => ["я", "ю", "е", "ем", "и", "ью"],
            // Чапаево → Чапаева, Чапаеве.
            'о' => ["а", "у", "е", "ом"],
            // Атырау, Алматы, Актобе: indeclinable in Russian. Consonants: below.
            _ => [],
        };
        foreach (var e in endings)
        {
            yield return stem + e;
        }

        if (w.EndsWith("ый", StringComparison.Ordinal) || w.EndsWith("ий", StringComparison.Ordinal) || w.EndsWith("ое", StringComparison.Ordinal))
        {
            var adj = w[..^2];
            foreach (var e in new[] { "ого", "ом", "ому", "ым", "им", "его", "ем" })
            {
                yield return adj + e;
            }
        }
        else if (IsConsonant(w[^1]))
        {
            foreach (var e in new[] { "а", "у", "е", "ом", "ым" })
            {
                yield return w + e;
            }
        }
    }

    private static bool IsConsonant(char c) => "бвгджзклмнпрстфхцчшщғқңһ".Contains(c, StringComparison.Ordinal);

    private static bool IsCyrillic(string s)
    {
        foreach (var c in s)
        {
            if (c is >= 'а' and <= 'я' || c is 'ә' or 'ғ' or 'қ' or 'ң' or 'ө' or 'ұ' or 'ү' or 'һ' or 'і')
            {
                return true;
            }
        }

        return false;
    }
}
