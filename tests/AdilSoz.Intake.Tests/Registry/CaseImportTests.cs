using System.Net;
using System.Text;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Registry;

/// <summary>Past years' legal cases from CSV, linked to incidents imported before them.</summary>
public sealed class CaseImportTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly AdminApp _app = new(database);

    public void Dispose() => _app.Dispose();

    private const string Incidents =
        "title,occurredOn,region,summary,isPublic\r\n" +
        "Akimat sues the Steppe Herald,2015-03-04,almaty,A claim for business reputation.,yes\r\n" +
        "Cameraman beaten at a rally,2015-05-01,atyrau,Beaten by unknown men.,yes\r\n";

    private static string Cases(long beatenId) =>
        "incidentId,incidentTitle,incidentOccurredOn,kind,article,filedOn,honorDignity,inCourt,claimedKzt,rulingList\r\n" +
        ",Akimat sues the Steppe Herald,2015-03-04,civil,Art. 143 Civil Code,2015-03-20,yes,yes,5 000 000,2015-06-01|against|50000|partly satisfied; 2015-09-01|media|0|appeal won\r\n" +
        $"{beatenId},,,criminal,Art. 106 Criminal Code,2015-05-10,no,yes,0,\r\n" +
        $"{beatenId},,,civilish,,2015-05-10,,,,\r\n" +
        $"{beatenId},,,administrative,,2015-02-30,,,,\r\n" +
        ",Akimat sues the Steppe Herald,2015-03-04,civil,Art. 144,2015-04-01,yes,no,-100,\r\n" +
        "999999,,,criminal,,2015-05-10,,,,\r\n" +
        ",No such incident,2015-03-04,civil,,2015-04-01,,,,\r\n" +
        $"{beatenId},,,administrative,Art. 456,2015-05-10,yes,no,0,2015-05-01|won|10\r\n" +
        ",Akimat sues the Steppe Herald,2015-03-04,civil,art. 143 civil code,2015-03-20,yes,yes,5000000,\r\n";

    [Fact]
    public async Task A_dry_run_of_cases_reports_every_bad_row_and_why_then_the_import_adds_the_good_ones_once()
    {
        long beatenId;
        await using (var db = database.CreateDbContext())
        {
            var incidents = await IncidentCsv.ImportAsync(db, TimeProvider.System, Incidents, dryRun: false, "test", CancellationToken.None);
            Assert.Equal(2, incidents.CreatedIds.Count);
            beatenId = await db.Incidents.Where(i => i.Title == "Cameraman beaten at a rally").Select(i => i.Id).SingleAsync();
        }

        var editor = await RegistryTestData.LoggedInAsync(_app, Roles.Editor);
        var dry = await UploadAsync(editor, Cases(beatenId), dryRun: true);
        Assert.Contains("Dry run · Legal cases", dry, StringComparison.Ordinal);
        Assert.Contains("Rows: 9 · would be imported: 2 · rejected: 7", dry, StringComparison.Ordinal);
        Assert.Contains("Line 4 («Cameraman beaten at a rally»): kind: \"civilish\" is not criminal, civil or administrative.", dry, StringComparison.Ordinal);
        Assert.Contains("Line 5 («Cameraman beaten at a rally»): filedOn: \"2015-02-30\" is not a date", dry, StringComparison.Ordinal);
        Assert.Contains("Line 6 («Akimat sues the Steppe Herald»): claimedKzt: a sum cannot be negative (-100).", dry, StringComparison.Ordinal);
        Assert.Contains("Line 7: incidentId: no incident 999999 in the registry.", dry, StringComparison.Ordinal);
        Assert.Contains("Line 8 («No such incident»): Unknown incident: none titled \"No such incident\" on 2015-03-04", dry, StringComparison.Ordinal);
        Assert.Contains("rulingList, ruling 1: \"won\" should be media (in favour of the media) or against.", dry, StringComparison.Ordinal);
        Assert.Contains("honorDignity: Only civil claims are for honor and dignity.", dry, StringComparison.Ordinal);
        Assert.Contains("rulings[0].on: A ruling cannot be dated before its case was filed.", dry, StringComparison.Ordinal);
        Assert.Contains("Line 10 («Akimat sues the Steppe Herald»): The same case (incident, kind, filing date, article) appears earlier in this file.", dry, StringComparison.Ordinal);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(0, await db.LegalCases.CountAsync());
        }

        var imported = await UploadAsync(editor, Cases(beatenId), dryRun: false);
        Assert.Contains("Rows: 9 · imported: 2 · rejected: 7", imported, StringComparison.Ordinal);
        await using (var db = database.CreateDbContext())
        {
            var civil = await db.LegalCases.Include(c => c.Rulings).Include(c => c.Incident).SingleAsync(c => c.Kind == LegalCaseKind.Civil);
            Assert.Equal("Akimat sues the Steppe Herald", civil.Incident!.Title);
            Assert.Equal((5_000_000L, true, true), (civil.ClaimedKzt, civil.HonorDignity, civil.InCourt));
            Assert.Equal([(new DateOnly(2015, 6, 1), false, 50_000L), (new DateOnly(2015, 9, 1), true, 0L)],
                civil.Rulings.OrderBy(r => r.On).Select(r => (r.On, r.InFavorOfMedia, r.CollectedKzt)));
            Assert.Equal(beatenId, (await db.LegalCases.SingleAsync(c => c.Kind == LegalCaseKind.Criminal)).IncidentId);
            var updates = await db.AuditEntries.Where(a => a.Action == "incident.update").Select(a => a.Details).ToListAsync();
            Assert.Equal(2, updates.Count(d => d!.Contains("csv import", StringComparison.Ordinal)));
        }

        // The cases export is itself an import file: read back, every case is already there.
        var export = Encoding.UTF8.GetString((await editor.GetByteArrayAsync("/incidents?handler=cases&from=2015-01-01&to=2015-12-31"))[3..]);
        Assert.Contains("2015-06-01|against|50000|partly satisfied; 2015-09-01|media|0|appeal won", export, StringComparison.Ordinal);
        var again = await UploadAsync(editor, export, dryRun: true);
        Assert.Contains("Rows: 2 · would be imported: 0 · rejected: 2", again, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(again, "is already in the registry"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static async Task<string> UploadAsync(HttpClient browser, string csv, bool dryRun)
    {
        var form = await browser.GetStringAsync("/incidents/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(AdminApp.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(dryRun ? "true" : "false"), "dryRun" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new("text/csv");
        content.Add(file, "file", "cases.csv");
        var response = await browser.PostAsync("/incidents/import", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return RegistryTestData.Text(await response.Content.ReadAsStringAsync());
    }
}
