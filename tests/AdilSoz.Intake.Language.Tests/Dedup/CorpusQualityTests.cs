using AdilSoz.Intake.Language.Dedup;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Language.Tests.Dedup;

/// <summary>
/// Precision and recall of "same event" links on the hand-labeled corpus (16 events in Russian,
/// Kazakh and English, with near-miss distractors), measured over every pair of reports.
/// </summary>
public sealed class CorpusQualityTests(ITestOutputHelper output)
{
    private sealed record Counts(int TruePositive, int FalsePositive, int FalseNegative)
    {
        public double Precision => TruePositive + FalsePositive == 0 ? 1 : (double)TruePositive / (TruePositive + FalsePositive);

        public double Recall => TruePositive + FalseNegative == 0 ? 1 : (double)TruePositive / (TruePositive + FalseNegative);

        public override string ToString() => $"P={Precision:0.000} R={Recall:0.000} (tp {TruePositive}, fp {FalsePositive}, fn {FalseNegative})";
    }

    private static bool IsLatin(string lang) => lang == "en";

    private (Counts Same, Counts CrossScript, Counts RuKk) Measure()
    {
        var reports = LabeledCorpus.Load();
        var fps = reports.Select((r, i) => Fingerprinter.Compute(r.ToInput(i + 1))).ToList();
        int[] same = new int[3], cross = new int[3], rukk = new int[3];
        var nearMisses = new List<(double Score, string Line)>();
        for (var i = 0; i < reports.Count; i++)
        {
            for (var j = i + 1; j < reports.Count; j++)
            {
                var result = DuplicateMatcher.Compare(fps[i], fps[j]);
                var predicted = result.Level is LinkLevel.SameEvent or LinkLevel.Exact;
                var actual = reports[i].Event == reports[j].Event;
                if (!actual)
                {
                    nearMisses.Add((result.Score, $"{reports[i].Event}/{reports[i].Language} ~ {reports[j].Event}/{reports[j].Language}: {result.Score} {result.Explanation}"));
                }

                var bucket = reports[i].Language == reports[j].Language ? same
                    : IsLatin(reports[i].Language) != IsLatin(reports[j].Language) ? cross : rukk;
                if (predicted && actual)
                {
                    bucket[0]++;
                }
                else if (predicted)
                {
                    bucket[1]++;
                    output.WriteLine($"FALSE LINK {reports[i].Event}/{reports[i].Language} ~ {reports[j].Event}/{reports[j].Language}: {result.Score} {result.Explanation}");
                }
                else if (actual)
                {
                    bucket[2]++;
                    output.WriteLine($"MISSED {reports[i].Event} {reports[i].Language}~{reports[j].Language}: {result.Score} {result.Explanation}");
                }
            }
        }

        foreach (var (_, line) in nearMisses.OrderByDescending(n => n.Score).Take(6))
        {
            output.WriteLine("closest distinct pair " + line);
        }

        var counts = (new Counts(same[0], same[1], same[2]), new Counts(cross[0], cross[1], cross[2]), new Counts(rukk[0], rukk[1], rukk[2]));
        output.WriteLine($"same language: {counts.Item1}; cross-script: {counts.Item2}; ru-kk: {counts.Item3}");
        return counts;
    }

    [Fact]
    public void Same_language_pairs_reach_precision_95_and_recall_90()
    {
        var (same, _, _) = Measure();
        Assert.True(same.Precision >= 0.95, $"precision {same}");
        Assert.True(same.Recall >= 0.90, $"recall {same}");
    }

    [Fact]
    public void Cross_script_pairs_reach_recall_60_at_precision_90()
    {
        var (_, cross, _) = Measure();
        Assert.True(cross.Precision >= 0.90, $"precision {cross}");
        Assert.True(cross.Recall >= 0.60, $"recall {cross}");
    }

    [Fact]
    public void Russian_and_Kazakh_pairs_reach_recall_60_at_precision_90()
    {
        var (_, _, rukk) = Measure();
        Assert.True(rukk.Precision >= 0.90, $"precision {rukk}");
        Assert.True(rukk.Recall >= 0.60, $"recall {rukk}");
    }
}
