using System.Collections.Frozen;
using System.Text;

namespace AdilSoz.Intake.Language.Text;

/// <summary>A language decided for a text: kk, ru or en, how sure (0–1), and what decided it.</summary>
public sealed record LanguageDecision(string Code, double Confidence, IReadOnlyList<string> Evidence);

/// <summary>
/// The one rule that tells Kazakh, Russian and English apart, for the reply language stored with a
/// submission, the suggestion shown to moderators and the stemmer of the duplicate fingerprint.
/// Web and mail addresses are left out (they are Latin whatever the sender writes in); Latin text is
/// English only when it outweighs the Cyrillic more than three to one, so a Russian note around a
/// pasted English headline is still Russian; Kazakh is told from Russian by the letters only Kazakh
/// uses (ә ғ қ ң ө ұ ү һ і) weighed by their share, and by frequent Kazakh words (also as typed without
/// those letters) against Russian function words.
/// </summary>
public static class LanguageDetector
{
    private static readonly FrozenSet<string> Kazakh = FrozenSet.ToFrozenSet(
        ["және", "жане", "мен", "бен", "пен", "бұл", "бул", "деп", "бойынша", "үшін", "ушин", "туралы", "осы",
         "бар", "жоқ", "жок", "емес", "болды", "еді", "еди", "бүгін", "бугин", "кезде", "тағы", "бір", "бир", "жылы",
         "жылғы", "облысы", "қаласы", "каласы", "оның", "онын", "біз", "биз", "сол", "барлық", "қазір", "казир", "арқылы",
         "аркылы", "керек", "алды", "берді", "берди", "айтты", "кейін", "кейин", "дейін", "дейин", "ол", "олар", "сияқты",
         "бас", "редакторы", "газетінің", "тілшісі", "тилшиси", "журналисті", "оны", "хабарлады", "деді", "деди", "жазды",
         "қатысты", "катысты"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Russian = FrozenSet.ToFrozenSet(
        ["и", "в", "во", "не", "на", "что", "с", "со", "по", "из", "за", "как", "для", "это", "был", "была", "были", "его",
         "её", "ее", "он", "она", "они", "о", "об", "к", "у", "от", "при", "также", "который", "которая", "которые", "но",
         "а", "так", "уже", "или", "же", "только", "после", "когда", "сегодня", "утром", "нас", "мы", "меня", "я", "ему",
         "до", "через", "под", "над", "без", "чтобы", "этого", "этом"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> English = FrozenSet.ToFrozenSet(
        ["the", "and", "of", "to", "in", "was", "were", "is", "are", "for", "on", "by", "with", "that", "this", "at", "from",
         "his", "her", "he", "she", "they", "it", "has", "have", "had", "been", "an", "a", "as", "after", "today", "editor",
         "police", "journalist", "journalists", "not", "be", "which", "who", "their", "our", "we"],
        StringComparer.Ordinal);

    // One lookup per word: 1 Kazakh, 2 Russian, 3 English.
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Words = BuildWords();

    private const string KazakhLetters = "әғқңөұүһі";

    private const int MaxEvidenceWords = 5;

    // Fewer letters than this say nothing about a language ("OK", "12345", an emoji).
    private const int MinLetters = 3;

    /// <summary>"kk", "ru" or "en"; null for a text with fewer than three letters.</summary>
    public static string? Detect(string? text) => Decide(text)?.Code;

    /// <summary>The language of a text with its confidence and evidence; null for a text with fewer than three letters.</summary>
    public static LanguageDecision? Decide(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = TokenizedText.Create(WithoutAddresses(text));
        int cyrillic = 0, latin = 0, kazakhLetters = 0;
        Span<bool> kazakhSeen = stackalloc bool[KazakhLetters.Length];
        foreach (var c in t.Normalized)
        {
            var k = c > 'я' ? KazakhLetters.IndexOf(c, StringComparison.Ordinal) : -1;
            if (k >= 0)
            {
                kazakhLetters++;
                cyrillic++;
                kazakhSeen[k] = true;
            }
            else if (c is >= 'а' and <= 'я')
            {
                cyrillic++;
            }
            else if (c is >= 'a' and <= 'z')
            {
                latin++;
            }
        }

        if (cyrillic + latin < MinLetters)
        {
            return null;
        }

        var kk = new List<string>();
        var ru = new List<string>();
        var en = new List<string>();
        int kkCount = 0, ruCount = 0, enCount = 0;
        for (var i = 0; i < t.Count; i++)
        {
            var w = t.Token(i);
            if (!Words.TryGetValue(w, out var language))
            {
                continue;
            }

            switch (language)
            {
                case 1:
                    kkCount++;
                    AddDistinct(kk, w);
                    break;
                case 2:
                    ruCount++;
                    AddDistinct(ru, w);
                    break;
                default:
                    enCount++;
                    AddDistinct(en, w);
                    break;
            }
        }

        if (latin > cyrillic * 3)
        {
            var share = (double)latin / (latin + cyrillic);
            var confidence = Math.Round(Math.Min(1.0, share * Math.Min(1.0, 0.5 + (enCount / 4.0))), 2);
            var evidence = new List<string> { $"Latin script {Percent(share)}" };
            evidence.AddRange(en);
            return new LanguageDecision("en", confidence, evidence);
        }

        // A Russian text quoting a Kazakh name has a few Kazakh letters; a Kazakh text has many,
        // or, typed without them, its frequent words.
        var letterShare = cyrillic == 0 ? 0 : (double)kazakhLetters / cyrillic;
        var kkScore = (letterShare * 40) + kkCount;
        var ruScore = ruCount * 1.0;
        var isKazakh = kkScore > ruScore;
        var total = kkScore + ruScore;
        var conf = total <= 0 ? 0.3 : Math.Round(Math.Min(1.0, (isKazakh ? kkScore : ruScore) / total * Math.Min(1.0, total / 4.0)), 2);
        var why = new List<string>();
        if (isKazakh)
        {
            var seen = new StringBuilder();
            for (var k = 0; k < KazakhLetters.Length; k++)
            {
                if (kazakhSeen[k])
                {
                    seen.Append(KazakhLetters[k]);
                }
            }

            if (kazakhLetters > 0)
            {
                why.Add($"Kazakh letters {seen} ×{kazakhLetters}");
            }

            why.AddRange(kk);
            return new LanguageDecision("kk", Math.Max(conf, 0.3), why);
        }

        why.AddRange(ru);
        if (ru.Count == 0)
        {
            why.Add(latin > cyrillic ? $"Cyrillic script beside Latin {Percent((double)latin / (latin + cyrillic))}" : "Cyrillic script without Kazakh words");
        }

        if (kazakhLetters > 0)
        {
            why.Add($"few Kazakh letters ({kazakhLetters})");
        }

        return new LanguageDecision("ru", Math.Max(conf, 0.3), why);
    }

    /// <summary>The text without its web and mail addresses.</summary>
    private static string WithoutAddresses(string text)
    {
        if (!text.Contains("://", StringComparison.Ordinal) && !text.Contains('@', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var word in text.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.Contains("://", StringComparison.Ordinal) && !word.Contains('@', StringComparison.Ordinal))
            {
                sb.Append(word).Append(' ');
            }
        }

        return sb.ToString();
    }

    private static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> BuildWords()
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in Kazakh)
        {
            words.TryAdd(w, 1);
        }

        foreach (var w in Russian)
        {
            words.TryAdd(w, 2);
        }

        foreach (var w in English)
        {
            words.TryAdd(w, 3);
        }

        return words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static string Percent(double share) => $"{Math.Round(share * 100)}%";

    private static void AddDistinct(List<string> list, ReadOnlySpan<char> word)
    {
        if (list.Count >= MaxEvidenceWords)
        {
            return;
        }

        foreach (var s in list)
        {
            if (word.SequenceEqual(s))
            {
                return;
            }
        }

        list.Add(word.ToString());
    }
}
