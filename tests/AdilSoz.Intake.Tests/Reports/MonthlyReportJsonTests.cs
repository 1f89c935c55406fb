using System.Text.Json;
using System.Text.Json.Nodes;
using AdilSoz.Intake.Core.Reports;

namespace AdilSoz.Intake.Tests.Reports;

public sealed class MonthlyReportJsonTests
{
    [Fact]
    public void The_report_serialises_to_the_contract_shape()
    {
        var json = JsonSerializer.Serialize(February2021ReportTests.Report(), MonthlyReport.JsonOptions);
        var root = JsonNode.Parse(json)!.AsObject();

        Assert.Equal(["month", "judicialActs", "filed", "yearToDate", "incidents"], root.Select(p => p.Key));
        Assert.Equal("2021-02", (string?)root["month"]);
        Assert.Equal(["total", "inFavorOfMedia"], root["judicialActs"]!.AsObject().Select(p => p.Key));
        foreach (var block in new[] { "filed", "yearToDate" })
        {
            var figures = root[block]!.AsObject();
            Assert.Equal(["criminal", "civil", "administrative"], figures.Select(p => p.Key));
            Assert.Equal(["total", "inCourt"], figures["criminal"]!.AsObject().Select(p => p.Key));
            Assert.Equal(["total", "honorDignity", "claimedKzt", "collectedKzt"], figures["civil"]!.AsObject().Select(p => p.Key));
            Assert.Equal(["total"], figures["administrative"]!.AsObject().Select(p => p.Key));
        }

        var incident = root["incidents"]!.AsArray()[0]!.AsObject();
        Assert.Equal(["id", "title", "summary"], incident.Select(p => p.Key).Take(3));
    }

    [Fact]
    public void The_february_2021_json_carries_the_seed_numbers()
    {
        var json = JsonSerializer.Serialize(February2021ReportTests.Report(), MonthlyReport.JsonOptions);
        var root = JsonNode.Parse(json)!;

        Assert.Equal(4, (int)root["judicialActs"]!["total"]!);
        Assert.Equal(3, (int)root["judicialActs"]!["inFavorOfMedia"]!);
        Assert.Equal(0, (int)root["filed"]!["criminal"]!["total"]!);
        Assert.Equal(5, (int)root["filed"]!["civil"]!["total"]!);
        Assert.Equal(4, (int)root["filed"]!["civil"]!["honorDignity"]!);
        Assert.Equal(5_000_000, (long)root["filed"]!["civil"]!["claimedKzt"]!);
        Assert.Equal(50_000, (long)root["filed"]!["civil"]!["collectedKzt"]!);
        Assert.Equal(4, (int)root["filed"]!["administrative"]!["total"]!);
        Assert.Equal(1, (int)root["yearToDate"]!["criminal"]!["total"]!);
        Assert.Equal(0, (int)root["yearToDate"]!["criminal"]!["inCourt"]!);
        Assert.Equal(10, (int)root["yearToDate"]!["civil"]!["total"]!);
        Assert.Equal(9, (int)root["yearToDate"]!["civil"]!["honorDignity"]!);
        Assert.Equal(16_000_000, (long)root["yearToDate"]!["civil"]!["claimedKzt"]!);
        Assert.Equal(5_050_000, (long)root["yearToDate"]!["civil"]!["collectedKzt"]!);
        Assert.Equal(6, (int)root["yearToDate"]!["administrative"]!["total"]!);
        Assert.Equal(3, root["incidents"]!.AsArray().Count);
    }

    [Fact]
    public void Kazakh_and_russian_letters_are_not_escaped()
    {
        var report = February2021ReportTests.Report() with
        {
            Incidents = [new ReportIncident(7, "Әділ сөз: «Уральская неделя»", "", new DateOnly(2021, 2, 3), null)],
        };

        var json = JsonSerializer.Serialize(report, MonthlyReport.JsonOptions);

        Assert.Contains("\"title\":\"Әділ сөз: «Уральская неделя»\"", json);
    }

    [Fact]
    public void The_json_reads_back_into_the_same_report()
    {
        var report = February2021ReportTests.Report();
        var json = JsonSerializer.Serialize(report, MonthlyReport.JsonOptions);

        var back = JsonSerializer.Deserialize<MonthlyReport>(json, MonthlyReport.JsonOptions)!;

        Assert.Equal(report.Filed, back.Filed);
        Assert.Equal(report.YearToDate, back.YearToDate);
        Assert.Equal(report.Incidents, back.Incidents);
        Assert.Equal((2021, 2), (back.Year, back.MonthNumber));
    }
}
