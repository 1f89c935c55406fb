using System.Globalization;
using System.Text;

namespace AdilSoz.Intake.Language.Text;

/// <summary>One word of a text: its normalised form and how it was written.</summary>
/// <param name="Value">Lower case, NFKC, ё folded to е.</param>
/// <param name="Capitalized">The first letter was upper case in the original.</param>
/// <param name="SentenceStart">The word opens a sentence (or the text).</param>
/// <param name="Quoted">The word stands inside quotation marks (« », " ", “ ”, „ “).</param>
public readonly record struct Token(string Value, bool Capitalized, bool SentenceStart, bool Quoted)
{
    public bool IsNumber => Value.Length > 0 && char.IsAsciiDigit(Value[0]);

    public bool IsCyrillic => Value.Length > 0 && TextNormalizer.IsCyrillic(Value[0]);
}

/// <summary>
/// Normalisation shared by exact and near-duplicate detection: Unicode NFKC, lower case, ё→е,
/// punctuation turned into spaces, and tokenisation into words and numbers.
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

    /// <summary>Words and numbers of a text, with case, sentence and quotation context.</summary>
    public static List<Token> Tokenize(string? text)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var source = text.Normalize(NormalizationForm.FormKC);
        var word = new StringBuilder();
        var sentenceStart = true;
        var inQuotes = false;
        var capitalized = false;
        for (var i = 0; i <= source.Length; i++)
        {
            var c = i < source.Length ? source[i] : ' ';
            if (char.IsLetterOrDigit(c) || (c is '\'' or '’' && word.Length > 0 && i + 1 < source.Length && char.IsLetter(source[i + 1]) && !IsCyrillic(source[i + 1])))
            {
                if (word.Length == 0)
                {
                    capitalized = char.IsUpper(c);
                }

                if (char.IsLetterOrDigit(c))
                {
                    AppendFolded(word, char.ToLowerInvariant(c));
                }

                continue;
            }

            if (word.Length > 0)
            {
                tokens.Add(new Token(word.ToString(), capitalized, sentenceStart, inQuotes));
                word.Clear();
                sentenceStart = false;
            }

            switch (c)
            {
                case '.' or '!' or '?' or '\n' or '…' or ';':
                    sentenceStart = true;
                    break;
                case '«' or '“' or '„':
                    inQuotes = true;
                    break;
                case '»' or '”':
                    inQuotes = false;
                    break;
                case '"':
                    inQuotes = !inQuotes;
                    break;
            }
        }

        return tokens;
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

    private static void AppendFolded(StringBuilder sb, char c) => sb.Append(c == 'ё' ? 'е' : c);

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
