namespace AdilSoz.Intake.Text;

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
    ];

    private static readonly int MaxEnding = Endings.Max(e => e.Length);

    /// <summary>The phonetic key of a word (see <see cref="Transliterator.PhoneticKey"/>).</summary>
    public static string Key(string word) => Transliterator.PhoneticKey(word);

    /// <summary>True when the two keys name the same person, outlet or place.</summary>
    public static bool Same(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= MinLength
            && longer.Length - shorter.Length <= MaxEnding
            && longer.StartsWith(shorter, StringComparison.Ordinal)
            && Endings.Contains(longer[shorter.Length..]);
    }

    /// <summary>
    /// The key and each form it may have without one ending: two keys that are <see cref="Same"/>
    /// always share one of these, which makes them usable as exact index keys.
    /// </summary>
    public static IEnumerable<string> Variants(string key)
    {
        yield return key;
        for (var cut = 1; cut <= MaxEnding && key.Length - cut >= MinLength; cut++)
        {
            if (Endings.Contains(key[^cut..]))
            {
                yield return key[..^cut];
            }
        }
    }
}
