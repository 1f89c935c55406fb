using System.Globalization;
using System.Text;

namespace AdilSoz.Intake.Language.Text;

/// <summary>
/// Normalisation shared by exact and near-duplicate detection: Unicode NFKC, lower case, ё→е,
/// punctuation turned into spaces (words one by one: <see cref="TokenizedText"/>).
/// </summary>
public static class TextNormalizer
{
    private const string KazakhLetters = "әғқңөұүһі";

    /// <summary>
    /// The canonical form of a text for exact comparison: NFKC, lower case, ё→е, every run of
    /// punctuation and white space replaced by one space, trimmed.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var source = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(source.Length);
        var pendingSpace = false;
        foreach (var rune in source.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                AppendFolded(sb, Rune.ToLowerInvariant(rune));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    public static bool HasKazakhLetter(string word)
    {
        foreach (var c in word)
        {
            if (KazakhLetters.Contains(c, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendFolded(StringBuilder sb, Rune r)
    {
        if (r.Value == 'ё')
        {
            sb.Append('е');
        }
        else
        {
            sb.Append(r.ToString());
        }
    }

    /// <summary>Title case of a Latin word for explanations ("akhmedyarov" → "Akhmedyarov").</summary>
    public static string TitleCase(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
