using System.Collections.Concurrent;

namespace AdilSoz.Intake.Language.Text;

/// <summary>
/// Comparison of names of people, outlets and places across scripts and word forms: two phonetic
/// keys name the same thing when they are equal, or when the longer is the shorter plus a Russian
/// or Kazakh inflection (Ахмедьярова, Ахмедьяровтың → Akhmedyarov; Оралда → Oral).
/// </summary>
public static class NameKeys
{
    /// <summary>Shortest key that may stand for a name on its own.</summary>
    public const int MinLength = 4;

    // Phonetic forms (y read as i, ң as n) of Russian case and gender endings of names and of
    // Kazakh case, plural and possessive endings.
    private static readonly HashSet<string> Endings =
    [
        // Russian
        "a", "u", "e", "i", "om", "im", "oi", "ogo", "omu", "uiu", "ami", "aH", "ei", "oiu", "ia", "iu",
        "oi", "ie", "ova", "eva", "ina", "ovoi", "evoi", "ovim", "evim", "ovu", "evu", "ovoi",
        // Kazakh
        "ga", "ge", "ka", "ke", "na", "ne", "da", "de", "ta", "te", "nda", "nde", "dan", "den", "tan", "ten",
        "nan", "nen", "nin", "din", "tin", "ni", "di", "ti", "men", "ben", "pen", "si", "lar", "ler",
        "dar", "der", "tar", "ter", "ndagi", "dagi", "tagi",
        // Russian adjectives made from place names (костанайского, уральский)
        "lik", "dik", "tik",
        "ski", "skogo", "skoi", "ska", "skom", "skomu", "skie", "skiH", "skim", "skuiu",
    ];

    private static readonly int MaxEnding = Endings.Max(e => e.Length);

    /// <summary>The phonetic key of a word (see <see cref="Transliterator.PhoneticKey"/>).</summary>
    public static string Key(string word) => Transliterator.PhoneticKey(word);

    /// <summary>
    /// True when the two keys name the same person, outlet or place: they are equal, or both are one
    /// base (of at least <see cref="MinLength"/> letters) plus at most two inflections each.
    /// </summary>
    public static bool Same(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (a.Length < MinLength || b.Length < MinLength)
        {
            return false;
        }

        var other = Variants(b);
        foreach (var x in Variants(a))
        {
            foreach (var y in other)
            {
                if (x == y)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The key and each base it may have without one or two endings: two keys that are <see cref="Same"/>
    /// always share one of these, which makes them usable as exact index keys.
    /// </summary>
    public static IReadOnlyList<string> Variants(string key)
    {
        if (Known.TryGetValue(key, out var known))
        {
            return known;
        }

        var result = new List<string>(4) { key };
        AddStripped(key, result, 2);
        var variants = result.ToArray();
        if (key.Length <= KnownKeyLength)
        {
            if (Known.Count >= KnownLimit)
            {
                Known.Clear();
            }

            Known.TryAdd(key, variants);
        }

        return variants;
    }

    // Note: comparing two reports compares every name of one with every name of the other, and the duplicate
    // check compares a report with two dozen others, so one name's variants are asked for hundreds of times.
    // They are remembered, for names of a name's length only and up to a bound (then forgotten at once), so that
    // no input can make the table large.
    private const int KnownKeyLength = 48;
    private const int KnownLimit = 50_000;
    private static readonly ConcurrentDictionary<string, string[]> Known = new(StringComparer.Ordinal);

    private static void AddStripped(string key, List<string> result, int depth)
    {
        for (var cut = 1; cut <= MaxEnding && key.Length - cut >= MinLength; cut++)
        {
            if (Endings.Contains(key[^cut..]))
            {
                var stem = key[..^cut];
                result.Add(stem);
                if (depth > 1)
                {
                    AddStripped(stem, result, depth - 1);
                }
            }
        }
    }
}
