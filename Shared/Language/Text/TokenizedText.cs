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
/// The one tokenizer of the language logic: a text (NFKC) cut into lower-cased word tokens (ё→е, Latin
/// look-alikes inside Cyrillic words mapped to Cyrillic, an apostrophe inside a Latin word dropped:
/// "Aqto'be" is one word), laid out in <see cref="Normalized"/> separated by single spaces, so that any
/// run of consecutive tokens is one contiguous span that can be looked up without allocating.
/// Each token keeps its offsets in the text, whether it was capitalised, opens a sentence or stands in quotes.
/// </summary>
public sealed class TokenizedText
{
    private readonly char[] _buffer;
    private readonly int[] _start;
    private readonly int[] _length;
    private readonly int[] _originalStart;
    private readonly int[] _originalEnd;
    private readonly byte[] _flags;

    private const byte SentenceFlag = 1;
    private const byte QuotedFlag = 2;

    private TokenizedText(string original, char[] buffer, int[] start, int[] length, int[] originalStart, int[] originalEnd, byte[] flags, int count)
    {
        Original = original;
        _buffer = buffer;
        _start = start;
        _length = length;
        _originalStart = originalStart;
        _originalEnd = originalEnd;
        _flags = flags;
        Count = count;
    }

    /// <summary>The text as tokenised (NFKC): offsets and surfaces refer to it.</summary>
    public string Original { get; }

    public int Count { get; }

    public ReadOnlySpan<char> Normalized => _buffer;

    public ReadOnlySpan<char> Token(int i) => _buffer.AsSpan(_start[i], _length[i]);

    /// <summary>The normalised span of tokens first..first+count-1 joined by single spaces.</summary>
    public ReadOnlySpan<char> Run(int first, int count)
    {
        var last = first + count - 1;
        return _buffer.AsSpan(_start[first], _start[last] + _length[last] - _start[first]);
    }

    /// <summary>The original text from the start of token first to the end of token last.</summary>
    public string Surface(int first, int last) =>
        Original[_originalStart[first].._originalEnd[last]];

    public bool StartsUpper(int i) => char.IsUpper(Original[_originalStart[i]]);

    public int OriginalStart(int i) => _originalStart[i];

    /// <summary>Whether token i opens a sentence (a capital there says nothing about a proper name).</summary>
    public bool StartsSentence(int i) => (_flags[i] & SentenceFlag) != 0;

    public bool IsQuoted(int i) => (_flags[i] & QuotedFlag) != 0;

    /// <summary>Token i as a word with its own string.</summary>
    public Token Word(int i) => new(Token(i).ToString(), StartsUpper(i), StartsSentence(i), IsQuoted(i));

    /// <summary>Every token as a word with its own string, for callers that keep or hash the words.</summary>
    public List<Token> Words()
    {
        var words = new List<Token>(Count);
        for (var i = 0; i < Count; i++)
        {
            words.Add(Word(i));
        }

        return words;
    }

    public static TokenizedText Create(string? text)
    {
        text ??= "";
        if (!text.IsNormalized(NormalizationForm.FormKC))
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }

        var buffer = new char[text.Length];
        // At most one token per two characters (a letter and a separator), plus one.
        var capacity = (text.Length / 2) + 1;
        var start = new int[capacity];
        var length = new int[capacity];
        var originalStart = new int[capacity];
        var originalEnd = new int[capacity];
        var flags = new byte[capacity];
        var count = 0;
        var w = 0;
        var i = 0;
        var sentenceStart = true;
        var inQuotes = false;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                switch (text[i])
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

                i++;
                continue;
            }

            var begin = i;
            var cyrillic = false;
            var latin = false;
            if (count > 0)
            {
                buffer[w++] = ' ';
            }

            var tokenStart = w;
            while (i < text.Length)
            {
                if (!IsWordChar(text[i]))
                {
                    // Latin Kazakh and English write an apostrophe inside a word (Aqto'be, O'Brien): one word.
                    if (text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && !TextNormalizer.IsCyrillic(text[i + 1]))
                    {
                        i++;
                        continue;
                    }

                    break;
                }

                var c = Lower(text[i]);

                if (c is >= 'а' and <= 'я' || c is 'ә' or 'ғ' or 'қ' or 'ң' or 'ө' or 'ұ' or 'ү' or 'һ' or 'і')
                {
                    cyrillic = true;
                }
                else if (c is >= 'a' and <= 'z')
                {
                    latin = true;
                }

                buffer[w++] = c;
                i++;
            }

            if (cyrillic && latin)
            {
                MapLookAlikes(buffer.AsSpan(tokenStart, w - tokenStart));
            }

            start[count] = tokenStart;
            length[count] = w - tokenStart;
            originalStart[count] = begin;
            originalEnd[count] = i;
            flags[count] = (byte)((sentenceStart ? SentenceFlag : 0) | (inQuotes ? QuotedFlag : 0));
            sentenceStart = false;
            count++;
        }

        Array.Resize(ref buffer, w);
        return new TokenizedText(text, buffer, start, length, originalStart, originalEnd, flags, count);
    }

    private static bool IsWordChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    // Fast paths for ASCII and Russian; ё folds to е.
    private static char Lower(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + 32),
        < (char)128 => c,
        >= 'А' and <= 'Я' => (char)(c + 32),
        >= 'а' and <= 'я' => c,
        'ё' or 'Ё' => 'е',
        _ => char.ToLowerInvariant(c),
    };

    // Phones and keyboards mix scripts: "Oрал" with a Latin O, "Караганды" typed with Latin a/e/o/p/c/x.
    private static void MapLookAlikes(Span<char> token)
    {
        for (var k = 0; k < token.Length; k++)
        {
            token[k] = token[k] switch
            {
                'a' => 'а',
                'e' => 'е',
                'o' => 'о',
                'p' => 'р',
                'c' => 'с',
                'x' => 'х',
                'y' => 'у',
                'k' => 'к',
                'm' => 'м',
                't' => 'т',
                'h' => 'һ',
                'i' => 'і',
                var other => other,
            };
        }
    }
}
