using System.Net;
using System.Text;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Registry;

public sealed class ImportExportTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly AdminApp _app = new(database);

    public void Dispose() => _app.Dispose();

    private const string PastYear =
        "title,occurredOn,region,settlement,category,perpetratorType,summary,narrative,isPublic,victims,outlets,links\r\n" +
        "\"Editor of \"\"Ак Жайык\"\" questioned\",2015-03-04,Атырау,Atyrau,detention,police,Questioned for 5 hours.,,yes,Айгуль Ахметова|editor|Ак Жайык,Ак Жайык,https://example.org/a\r\n" +
        "No date here,,almaty,,,,,,,,,\r\n" +
        "Bad region,2015-04-01,Atlantis,,threat,,,,,,,\r\n" +
        "Bad category and date,2015/13/01,almaty,,riot,,,,,,,\r\n" +
        ",2015-05-01,almaty,,,,,,maybe,,,\r\n" +
        "Blogger's channel blocked,2015-06,Шымкент,,internet_restriction,,Blocked for a month.,,no,Anon|blogger||no,,\r\n";

    [Fact]
    public async Task A_dry_run_reports_every_bad_row_and_why_and_writes_nothing()
    {
        await using var db = database.CreateDbContext();
        var before = await db.Incidents.CountAsync();
        var result = await IncidentCsv.ImportAsync(db, TimeProvider.System, PastYear, dryRun: true, "test", CancellationToken.None);

        Assert.Equal(6, result.Rows);
        Assert.Equal(2, result.Accepted);
        Assert.Equal([3, 4, 5, 6], result.Rejected.Select(r => r.Line));
        Assert.Contains(result.Rejected[0].Reasons, r => r.Contains("occurredOn", StringComparison.Ordinal));
        Assert.Contains(result.Rejected[1].Reasons, r => r.Contains("Unknown region \"Atlantis\"", StringComparison.Ordinal) && r.Contains("west_kazakhstan", StringComparison.Ordinal));
        Assert.Equal(2, result.Rejected[2].Reasons.Count);
        Assert.Contains(result.Rejected[2].Reasons, r => r.Contains("\"2015/13/01\" is not a date", StringComparison.Ordinal));
        Assert.Contains(result.Rejected[2].Reasons, r => r.Contains("Unknown category \"riot\"", StringComparison.Ordinal));
        Assert.Contains(result.Rejected[3].Reasons, r => r.Contains("title", StringComparison.Ordinal));
        Assert.Contains(result.Rejected[3].Reasons, r => r.Contains("\"maybe\" is neither yes nor no", StringComparison.Ordinal));
        Assert.Equal(before, await db.Incidents.CountAsync());
    }

    [Fact]
    public async Task The_import_page_imports_the_good_rows_and_a_second_run_rejects_them_as_already_there()
    {
        var editor = await RegistryTestData.LoggedInAsync(_app, Roles.Editor);
        var first = await UploadAsync(editor, dryRun: false);
        Assert.Contains("Rows: 6", first, StringComparison.Ordinal);
        Assert.Contains("imported: 2", first, StringComparison.Ordinal);
        Assert.Contains("Line 4 («Bad region»)", first, StringComparison.Ordinal);

        await using (var db = database.CreateDbContext())
        {
            var imported = await db.Incidents.SingleAsync(i => i.Title == "Editor of \"Ак Жайык\" questioned");
            Assert.Equal("atyrau", imported.RegionCode);
            Assert.Equal(["Ак Жайык"], imported.Outlets);
            Assert.Equal("editor", Assert.Single(imported.Victims).Role);
            var monthOnly = await db.Incidents.SingleAsync(i => i.Title == "Blogger's channel blocked");
            Assert.Equal(AdilSoz.Intake.Core.Registry.DatePrecision.Month, monthOnly.DatePrecision);
            Assert.False(monthOnly.IsPublic);
            Assert.False(Assert.Single(monthOnly.Victims).MayBeNamed);
        }

        var second = await UploadAsync(editor, dryRun: true);
        Assert.Contains("would be imported: 0", second, StringComparison.Ordinal);
        Assert.Contains("already in the registry", second, StringComparison.Ordinal);

        var monitor = await RegistryTestData.LoggedInAsync(_app, Roles.Monitor);
        Assert.Equal(HttpStatusCode.Redirect, (await monitor.GetAsync("/incidents/import")).StatusCode);
    }

    [Fact]
    public async Task The_csv_export_has_a_bom_and_the_filtered_incidents_and_cases()
    {
        var editor = await RegistryTestData.LoggedInAsync(_app, Roles.Editor);
        await using (var db = database.CreateDbContext())
        {
            await IncidentCsv.ImportAsync(db, TimeProvider.System, PastYear.Replace("2015", "2014", StringComparison.Ordinal), dryRun: false, "test", CancellationToken.None);
            var incident = await db.Incidents.SingleAsync(i => i.OccurredOn == new DateOnly(2014, 3, 4));
            incident.LegalCases.Add(new AdilSoz.Intake.Core.Registry.LegalCase
            {
                Kind = AdilSoz.Intake.Core.Registry.LegalCaseKind.Civil, FiledOn = new DateOnly(2014, 3, 10), HonorDignity = true, ClaimedKzt = 3_000_000,
                Rulings = [new AdilSoz.Intake.Core.Registry.Ruling { On = new DateOnly(2014, 5, 1), CollectedKzt = 100_000 }],
            });
            await db.SaveChangesAsync();
        }

        var response = await editor.GetAsync("/incidents?handler=csv&from=2014-01-01&to=2014-12-31&region=atyrau");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Read(Encoding.UTF8.GetString(bytes)).ToList();
        Assert.Equal(IncidentCsv.IncidentColumns, rows[0].Fields);
        var row = Assert.Single(rows.Skip(1)).Fields;
        Assert.Equal("Editor of \"Ак Жайык\" questioned", row[1]);
        Assert.Equal("2014-03-04", row[2]);
        Assert.Equal("Айгуль Ахметова|editor|Ак Жайык", row[11]);
        Assert.Equal("1", row[14]);

        var cases = Csv.Read(Encoding.UTF8.GetString((await editor.GetByteArrayAsync("/incidents?handler=cases&from=2014-01-01&to=2014-12-31&caseKind=civil"))[3..])).ToList();
        Assert.Equal(CaseCsv.Columns, cases[0].Fields);
        var c = Assert.Single(cases.Skip(1)).Fields;
        Assert.Equal(["civil", "2014-03-10", "yes", "3000000", "1", "0", "100000"], [c[2], c[5], c[6], c[8], c[11], c[12], c[13]]);
    }

    [Fact]
    public async Task Fields_a_spreadsheet_would_run_as_formulas_are_exported_as_text()
    {
        const string Calc = "-2+3+cmd|' /C calc'!A0";
        var editor = await RegistryTestData.LoggedInAsync(_app, Roles.Editor);
        await using (var db = database.CreateDbContext())
        {
            db.Incidents.Add(new AdilSoz.Intake.Core.Registry.Incident
            {
                Title = Calc, OccurredOn = new DateOnly(2013, 5, 6), RegionCode = "almaty", Settlement = "@SUM(1+1)*cmd|' /C calc'!A0",
                PerpetratorType = "+1+cmd|' /C calc'!A0", Summary = "\t=HYPERLINK(\"http://evil.example\")", Narrative = "\r=1+1",
                Outlets = ["=cmd|' /C calc'!A0", "-5"], CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var bytes = await editor.GetByteArrayAsync("/incidents?handler=csv&from=2013-01-01&to=2013-12-31");
        var row = Assert.Single(Csv.Read(Encoding.UTF8.GetString(bytes)).Skip(1)).Fields;
        string Column(string name) => row[Array.IndexOf(IncidentCsv.IncidentColumns, name)];
        Assert.Equal("'" + Calc, Column("title"));
        Assert.Equal("'@SUM(1+1)*cmd|' /C calc'!A0", Column("settlement"));
        Assert.Equal("'+1+cmd|' /C calc'!A0", Column("perpetratorType"));
        Assert.Equal("'\t=HYPERLINK(\"http://evil.example\")", Column("summary"));
        Assert.Equal("'\r=1+1", Column("narrative"));
        Assert.Equal("'=cmd|' /C calc'!A0; -5", Column("outlets"));
        Assert.Equal("2013-05-06", Column("occurredOn"));
        Assert.Equal(["-5", "-1.5", "'-", "'-1-1"], new[] { "-5", "-1.5", "-", "-1-1" }.Select(Csv.Neutralised));
    }

    private async Task<string> UploadAsync(HttpClient browser, bool dryRun)
    {
        var form = await browser.GetStringAsync("/incidents/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(AdminApp.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(dryRun ? "true" : "false"), "dryRun" },
        };
        var file = new ByteArrayContent(Csv.Utf8WithBom.GetPreamble().Concat(Encoding.UTF8.GetBytes(PastYear)).ToArray());
        file.Headers.ContentType = new("text/csv");
        content.Add(file, "file", "registry-2015.csv");
        var response = await browser.PostAsync("/incidents/import", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return RegistryTestData.Text(await response.Content.ReadAsStringAsync());
    }
}
