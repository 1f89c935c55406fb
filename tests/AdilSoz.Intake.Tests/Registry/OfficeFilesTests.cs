using System.Net;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;

namespace AdilSoz.Intake.Tests.Registry;

/// <summary>The XLSX exports and the DOCX report of February 2021, read back with the libraries that wrote them.</summary>
public sealed class OfficeFilesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly AdminApp _app = new(database);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_xlsx_exports_hold_the_filtered_incidents_and_the_february_claims()
    {
        await RegistryTestData.LoadFebruary2021Async(database);
        var monitor = await RegistryTestData.LoggedInAsync(_app, Roles.Monitor);

        var incidents = await DownloadAsync(monitor, "/incidents?handler=xlsx&from=2021-02-01&to=2021-02-28", RegistryXlsx.ContentType);
        var rows = Query(incidents);
        Assert.Equal(11, rows.Count);
        Assert.Equal(IncidentCsv.IncidentColumns, rows[0].Keys);
        Assert.Contains(rows, r => ((string)r["title"]!).Contains("Uralskaya Nedelya reporters detained", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.StartsWith("2021-02-", (string)r["occurredOn"]!, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.True(Convert.ToInt64(r["id"], System.Globalization.CultureInfo.InvariantCulture) > 0));

        // The seed's February civil claims: 5 claims (4 for honor and dignity), 5 million tenge claimed.
        var cases = Query(await DownloadAsync(monitor, "/incidents?handler=casesxlsx&from=2021-02-01&to=2021-02-28&caseKind=civil", RegistryXlsx.ContentType));
        var filed = cases.Where(r => ((string)r["filedOn"]!).StartsWith("2021-02-", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, filed.Count);
        Assert.Equal(4, filed.Count(r => (string?)r["honorDignity"] == "yes"));
        Assert.Equal(5_000_000m, filed.Sum(r => Convert.ToDecimal(r["claimedKzt"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("en", "Violations of Freedom of Speech in Kazakhstan February 2021", "5 civil claims", "5 million tenge", "50 thousand tenge")]
    [InlineData("ru", "Нарушения свободы слова в Казахстане", "5 гражданских исков", "5 млн тенге", "50 тыс. тенге")]
    public async Task The_docx_report_opens_and_has_the_february_figures(string lang, string title, string claims, string claimed, string collected)
    {
        await RegistryTestData.LoadFebruary2021Async(database);
        var monitor = await RegistryTestData.LoggedInAsync(_app, Roles.Monitor);
        var bytes = await DownloadAsync(monitor, $"/reports/2021-02.docx?lang={lang}", ReportDocx.ContentType);

        using var stream = new MemoryStream(bytes);
        var paragraphs = ReportDocx.ReadParagraphs(stream);
        var text = string.Join("\n", paragraphs);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(claims, text, StringComparison.Ordinal);
        Assert.Contains(claimed, text, StringComparison.Ordinal);
        Assert.Contains(collected, text, StringComparison.Ordinal);
        Assert.Contains(paragraphs, p => p.Contains("Uralskaya Nedelya", StringComparison.Ordinal) || p.Contains("Уральская неделя", StringComparison.Ordinal));

        // The title is a heading; the figures are bullets under two headings.
        stream.Position = 0;
        using var docx = WordprocessingDocument.Open(stream, false);
        var body = docx.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Heading2").Select(p => p.InnerText).ToList();
        Assert.Equal(3, headings.Count);
        Assert.Contains(title, headings[0], StringComparison.Ordinal);
        Assert.Contains(body.Elements<Paragraph>(), p => p.ParagraphProperties?.NumberingProperties is not null && p.InnerText.Contains(claims, StringComparison.Ordinal));
        Assert.Equal(lang, docx.PackageProperties.Language);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}"));

        if (lang == "en")
        {
            // The rendered English report, kept for the release note.
            var md = await monitor.GetStringAsync("/reports/2021-02.md?lang=en");
            await File.WriteAllTextAsync(Path.Combine(Artifacts.Folder("reports"), "report-2021-02-en.md"), md);
        }
    }

    private static List<IDictionary<string, object?>> Query(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return [.. stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
