using System.Diagnostics;
using AdilSoz.Intake.Language.Places;
using AdilSoz.Intake.Language.Suggest;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Language.Tests.Suggest;

public class SuggestionAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Category_and_region_are_right_for_most_labelled_reports()
    {
        var reports = LabelledReports.All;
        int categoryHits = 0, regionHits = 0;
        foreach (var (category, region, text) in reports)
        {
            var s = SuggestionEngine.Suggest(null, text, null);
            var categoryOk = s.Category?.Code == category;
            var regionOk = s.Region?.Code == region;
            categoryHits += categoryOk ? 1 : 0;
            regionHits += regionOk ? 1 : 0;
            if (!categoryOk || !regionOk)
            {
                output.WriteLine($"miss: {category}/{region} -> {s.Category?.Code}/{s.Region?.Code}: {text[..Math.Min(60, text.Length)]}");
            }
        }

        var categoryAccuracy = (double)categoryHits / reports.Length;
        var regionAccuracy = (double)regionHits / reports.Length;
        output.WriteLine($"{reports.Length} labelled reports: category accuracy {categoryAccuracy:P1}, region accuracy {regionAccuracy:P1}");

        Assert.True(reports.Length >= 40);
        Assert.True(categoryAccuracy >= 0.85, $"category accuracy {categoryAccuracy:P1}");
        Assert.True(regionAccuracy >= 0.90, $"region accuracy {regionAccuracy:P1}");
    }

    [Fact]
    public void Suggesting_for_a_two_kilobyte_report_is_fast()
    {
        var text = string.Join(" ", LabelledReports.All.Select(r => r.Text));
        text = text[..2048];
        for (var i = 0; i < 300; i++)
        {
            SuggestionEngine.Suggest("Задержание журналиста", text, null);
        }

        // The best of several batches: other processes share the machine's two cores.
        const int batches = 20, perBatch = 50;
        var perCall = new List<double>();
        var sw = new Stopwatch();
        for (var b = 0; b < batches; b++)
        {
            sw.Restart();
            for (var i = 0; i < perBatch; i++)
            {
                SuggestionEngine.Suggest("Задержание журналиста", text, null);
            }

            perCall.Add(sw.Elapsed.TotalMicroseconds / perBatch);
        }

        perCall.Sort();
        output.WriteLine($"Suggest() on 2 KB: best batch {perCall[0]:F0} µs/call, median batch {perCall[batches / 2]:F0} µs/call, {Gazetteer.FormCount} place forms");
    }
}
