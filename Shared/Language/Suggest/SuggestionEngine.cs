using AdilSoz.Intake.Language.Places;
using AdilSoz.Intake.Language.Reference;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Suggest;

/// <summary>
/// Suggests category, region, settlement, language and urgency for a report from its subject and
/// text, each with the words that led to it. Pure and thread-safe; all lexicons are compiled once.
/// </summary>
public static class SuggestionEngine
{
    private const int MaxEvidence = 8;

    // One weak cue ("information", "parliament", "police station") is no suggestion.
    private const double MinCategoryScore = 1.5;

    // Urgent kinds from the gravest; a graver one within this share of the top score is suggested instead.
    private static readonly string[] Gravity = ["murder", "assault", "violence", "detention", "threat", "equipment_seizure"];
    private const double GraverShare = 0.75;

    private static readonly CategoryClassifier Classifier = new();

    private static readonly HashSet<string> UrgentCategories =
        ReferenceData.Categories.Where(c => c.Urgent).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UrgencyMarkers =
        CategoryLexicon.UrgencyMarkers.Select(m => TokenizedText.Create(m).Normalized.ToString()).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Suggestions for a report. <paramref name="language"/> is the language already decided for the
    /// submission (stored when it was received); null lets <see cref="LanguageDetector"/> decide from the text.
    /// </summary>
    public static Suggestions Suggest(string? subject, string text, string? language)
    {
        var subjectTokens = 0;
        var combined = text;
        if (!string.IsNullOrWhiteSpace(subject))
        {
            subjectTokens = TokenizedText.Create(subject).Count;
            combined = subject + "\n" + text;
        }

        var t = TokenizedText.Create(combined);
        var hits = Classifier.Match(t, subjectTokens);
        var (category, scores) = SuggestCategory(hits);
        var places = Gazetteer.FindPlaces(t);
        var (region, settlement) = SuggestPlace(places);
        var urgent = SuggestUrgency(t, hits, category, scores);
        return new Suggestions(category, region, settlement, SuggestLanguage(combined, language), urgent);
    }

    private static LanguageSuggestion? SuggestLanguage(string text, string? decided)
    {
        var detected = LanguageDetector.Decide(text);
        if (decided is null || detected?.Code == decided)
        {
            return detected is null ? null : new LanguageSuggestion(detected.Code, detected.Confidence, detected.Evidence);
        }

        // The submission's language was decided on what the sender wrote when it arrived (and the reply went out
        // in it); the suggestion shows that decision rather than a second opinion.
        return new LanguageSuggestion(decided, 1.0, ["decided when the report was received"]);
    }

    private static (CodeSuggestion? Category, Dictionary<string, double> Scores) SuggestCategory(List<CueHit> hits)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var h in hits)
        {
            scores[h.Category] = scores.GetValueOrDefault(h.Category) + h.Weight;
        }

        if (scores.Count == 0)
        {
            return (null, scores);
        }

        // Highest score; on a tie, the category whose cue came first.
        var best = hits[0].Category;
        foreach (var h in hits)
        {
            if (scores[h.Category] > scores[best])
            {
                best = h.Category;
            }
        }

        var top = scores[best];
        if (top < MinCategoryScore)
        {
            return (null, scores);
        }

        // A graver violation close behind wins: a journalist beaten whose camera was broken was assaulted.
        foreach (var grave in Gravity)
        {
            if (grave == best)
            {
                break;
            }

            if (scores.GetValueOrDefault(grave) >= GraverShare * top)
            {
                best = grave;
                break;
            }
        }

        var total = scores.Values.Sum();
        var score = scores[best];
        var confidence = Math.Round(score / total * Math.Min(1.0, score / 3.0), 2);
        return (new CodeSuggestion(best, confidence, Evidence(hits.Where(h => h.Category == best).Select(h => h.Surface))), scores);
    }

    private static (CodeSuggestion? Region, SettlementSuggestion? Settlement) SuggestPlace(List<PlaceMention> places)
    {
        if (places.Count == 0)
        {
            return (null, null);
        }

        // The region named most often, by a settlement or by itself; on a tie, the first named.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in places)
        {
            counts[p.Region!] = counts.GetValueOrDefault(p.Region!) + 1;
        }

        string? region = null;
        foreach (var p in places)
        {
            if (region is null || counts[p.Region!] > counts[region])
            {
                region = p.Region!;
            }
        }

        var inRegion = places.Where(p => p.Region == region).ToList();
        var regionSuggestion = new CodeSuggestion(
            region!,
            Math.Round((double)counts[region!] / places.Count * Math.Min(1.0, 0.6 + (0.2 * counts[region!])), 2),
            Evidence(inRegion.Select(p => p.Surface)));

        var settlementCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? settlement = null;
        foreach (var p in inRegion)
        {
            if (p.Settlement is null)
            {
                continue;
            }

            settlementCounts[p.Settlement] = settlementCounts.GetValueOrDefault(p.Settlement) + 1;
        }

        foreach (var p in inRegion)
        {
            if (p.Settlement is not null && (settlement is null || settlementCounts[p.Settlement] > settlementCounts[settlement]))
            {
                settlement = p.Settlement;
            }
        }

        if (settlement is null)
        {
            return (regionSuggestion, null);
        }

        var named = places.Count(p => p.Settlement is not null);
        var settlementSuggestion = new SettlementSuggestion(
            settlement,
            region!,
            Math.Round((double)settlementCounts[settlement] / named * Math.Min(1.0, 0.6 + (0.2 * settlementCounts[settlement])), 2),
            Evidence(inRegion.Where(p => p.Settlement == settlement).Select(p => p.Surface)));
        return (regionSuggestion, settlementSuggestion);
    }

    private static UrgencySuggestion SuggestUrgency(TokenizedText t, List<CueHit> hits, CodeSuggestion? category, Dictionary<string, double> scores)
    {
        if (category is null)
        {
            return new UrgencySuggestion(false, []);
        }

        // Urgent when an urgent kind has at least one strong cue and is the suggested kind or scores at
        // least half as high (an editor detained and then sued is still detained today).
        var top = scores[category.Code];
        var urgentScore = scores.Where(s => UrgentCategories.Contains(s.Key)).Select(s => s.Value).DefaultIfEmpty(0).Max();
        var urgent = urgentScore >= 2 && (UrgentCategories.Contains(category.Code) || urgentScore >= top / 2);
        if (!urgent)
        {
            return new UrgencySuggestion(false, []);
        }

        var evidence = Evidence(hits.Where(h => UrgentCategories.Contains(h.Category)).Select(h => h.Surface)).ToList();
        for (var i = 0; i < t.Count && evidence.Count < MaxEvidence + 2; i++)
        {
            for (var n = 2; n >= 1; n--)
            {
                if (i + n <= t.Count && UrgencyMarkers.Contains(t.Run(i, n)))
                {
                    evidence.Add(t.Surface(i, i + n - 1));
                    break;
                }
            }
        }

        return new UrgencySuggestion(true, evidence);
    }

    private static List<string> Evidence(IEnumerable<string> surfaces)
    {
        var list = new List<string>();
        foreach (var s in surfaces)
        {
            if (list.Count >= MaxEvidence)
            {
                break;
            }

            if (!list.Exists(x => string.Equals(x, s, StringComparison.OrdinalIgnoreCase)))
            {
                list.Add(s);
            }
        }

        return list;
    }
}
