using System.Collections.Frozen;

namespace AdilSoz.Intake.Language.Suggest;

/// <summary>
/// Tells Kazakh, Russian and English apart: the letters only Kazakh uses (ә ғ қ ң ө ұ ү һ і),
/// frequent Kazakh words (also as typed without those letters), Russian function words, and
/// English words in Latin script.
/// </summary>
internal static class LanguageDetector
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

    public static LanguageSuggestion? Detect(TokenizedText t)
    {
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

        if (cyrillic + latin < 3)
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

        if (latin > cyrillic)
        {
            var share = (double)latin / (latin + cyrillic);
            var confidence = Math.Round(Math.Min(1.0, share * Math.Min(1.0, 0.5 + (enCount / 4.0))), 2);
            var evidence = new List<string> { $"Latin script {Percent(share)}" };
            evidence.AddRange(en);
            return new LanguageSuggestion("en", confidence, evidence);
        }

        // A Russian text quoting a Kazakh name has a few Kazakh letters; a Kazakh text has many,
        // or, typed without them, its frequent words.
        var letterShare = (double)kazakhLetters / cyrillic;
        var kkScore = (letterShare * 40) + kkCount;
        var ruScore = ruCount * 1.0;
        var isKazakh = kkScore > ruScore;
        var total = kkScore + ruScore;
        var conf = total <= 0 ? 0.3 : Math.Round(Math.Min(1.0, (isKazakh ? kkScore : ruScore) / total * Math.Min(1.0, total / 4.0)), 2);
        var why = new List<string>();
        if (isKazakh)
        {
            if (kazakhLetters > 0)
            {
                var seen = new System.Text.StringBuilder();
                for (var k = 0; k < KazakhLetters.Length; k++)
                {
                    if (kazakhSeen[k])
                    {
                        seen.Append(KazakhLetters[k]);
                    }
                }

                why.Add($"Kazakh letters {seen} ×{kazakhLetters}");
            }

            why.AddRange(kk);
            return new LanguageSuggestion("kk", Math.Max(conf, 0.3), why);
        }

        why.AddRange(ru);
        if (ru.Count == 0)
        {
            why.Add("Cyrillic script without Kazakh words");
        }

        if (kazakhLetters > 0)
        {
            why.Add($"few Kazakh letters ({kazakhLetters})");
        }

        return new LanguageSuggestion("ru", Math.Max(conf, 0.3), why);
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
