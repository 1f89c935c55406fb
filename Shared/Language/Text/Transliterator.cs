using System.Text;

namespace AdilSoz.Intake.Language.Text;

/// <summary>
/// One transliteration of Russian and Kazakh Cyrillic into Latin, chosen so that names come out as
/// they are usually spelled in English (Ахмедьяров → akhmedyarov, Жанаозен → zhanaozen), and a
/// phonetic key that folds the remaining spelling variants (Akhmediarov, Akhmedyarov → one key).
/// </summary>
public static class Transliterator
{
    private static readonly Dictionary<char, string> Map = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e",
        ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m",
        ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u",
        ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "",
        ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",

        // Kazakh letters, folded to the plain Latin letter English texts use for them.
        ['ә'] = "a", ['ғ'] = "g", ['қ'] = "k", ['ң'] = "n", ['ө'] = "o", ['ұ'] = "u", ['ү'] = "u",
        ['һ'] = "h", ['і'] = "i",

        // Ukrainian and Belarusian letters that turn up in names.
        ['є'] = "ye", ['ї'] = "yi", ['ў'] = "u",
    };

    /// <summary>Lower-case Latin transliteration; Latin letters, digits and other characters are kept (lower-cased).</summary>
    public static string ToLatin(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            var c = char.ToLowerInvariant(ch);
            if (Map.TryGetValue(c, out var latin))
            {
                sb.Append(latin);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// A spelling-insensitive key of one word in either script: transliterated, then digraphs folded
    /// (kh/h, zh/j/dzh, ch/tch, sh/sch/shch, ts/tz, x/ks, c/q/ck → k, w → v, ph → f), y read as i,
    /// i between two vowels dropped (Bokayev/Bokaev, Akhmediarov/Akhmedyarov) and double letters made single.
    /// </summary>
    public static string PhoneticKey(string word)
    {
        var latin = ToLatin(word);
        var sb = new StringBuilder(latin.Length);
        foreach (var c in latin)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
        }

        // Uppercase letters mark folded sounds so later single-letter rules cannot touch them.
        sb.Replace("shch", "S").Replace("sch", "S").Replace("tch", "C").Replace("ch", "C").Replace("sh", "S")
          .Replace("dzh", "J").Replace("zh", "J").Replace("dj", "J").Replace("j", "J")
          .Replace("kh", "H").Replace("h", "H").Replace("ph", "f").Replace("ck", "k").Replace("x", "ks")
          .Replace("ts", "Z").Replace("tz", "Z").Replace("c", "k").Replace("q", "k").Replace("w", "v")
          .Replace("y", "i").Replace("kH", "H").Replace("gH", "H");

        var s = sb.ToString();
        var result = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == 'i' && i > 0 && i + 1 < s.Length && IsVowelNotI(s[i - 1]) && IsVowelNotI(s[i + 1]))
            {
                continue;
            }

            if (result.Length > 0 && result[^1] == c)
            {
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static bool IsVowelNotI(char c) => c is 'a' or 'e' or 'o' or 'u';
}
