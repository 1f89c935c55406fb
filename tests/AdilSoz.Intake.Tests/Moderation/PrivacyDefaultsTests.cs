using System.Net;
using System.Net.Http.Json;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Moderation;

/// <summary>
/// What happens when nobody says otherwise: victims typed into an approval are not named, and pages,
/// files and API answers about reports leave no copy in a browser's or a proxy's cache.
/// </summary>
public sealed class PrivacyDefaultsTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly AdminApp _app;
    private readonly ModerationSeed _seed;

    public PrivacyDefaultsTests(PostgresDatabase database)
    {
        _app = new AdminApp(database);
        _seed = new ModerationSeed(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Victims_typed_into_the_approval_form_are_not_named_unless_an_editor_ticks_their_consent()
    {
        var (browser, _) = await _seed.BrowserAsync(Roles.Editor);
        var withheld = await _seed.ReportAsync("Задержали корреспондента в Уральске");
        var page = await browser.GetStringAsync($"/submissions/{withheld.Id}");
        Assert.Matches(@"name=""Incident\.VictimsMayBeNamed"" value=""true""\s*/>", page);

        var response = await ModerationSeed.PostFormAsync(browser, $"/submissions/{withheld.Id}", "Approve", new()
        {
            ["Incident.Title"] = "Задержание корреспондента", ["Incident.OccurredOn"] = "2026-11-20", ["Incident.Victims"] = "А. Иванов\nБ. Петров",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([false, false], await VictimsNamedAsync(withheld.Id));

        var consented = await _seed.ReportAsync("Задержали редактора в Атырау");
        response = await ModerationSeed.PostFormAsync(browser, $"/submissions/{consented.Id}", "Approve", new()
        {
            ["Incident.Title"] = "Задержание редактора", ["Incident.OccurredOn"] = "2026-11-21", ["Incident.Victims"] = "В. Сидоров",
            ["Incident.VictimsMayBeNamed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([true], await VictimsNamedAsync(consented.Id));
    }

    [Fact]
    public async Task Victims_given_to_the_approve_api_are_not_named_unless_it_says_they_may_be()
    {
        var s = await _seed.ReportAsync("Журналистті ұстады");
        var api = await _seed.ApiClientAsync(Roles.Editor);
        var response = await api.PostAsJsonAsync($"/api/v1/submissions/{s.Id}/approve", new
        {
            incident = new
            {
                title = "Задержание журналиста", occurredOn = "2026-11-20",
                victims = new object[] { "А. Нурланова", new { name = "Б. Ахметов", role = "cameraman" }, new { name = "В. Омаров", mayBeNamed = true } },
            },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal([false, false, true], await VictimsNamedAsync(s.Id));
    }

    [Fact]
    public async Task Submission_pages_files_and_the_submissions_api_are_not_stored_by_caches()
    {
        var s = await _seed.ReportAsync("Фото с места задержания");
        var attachmentId = await _seed.WithDbAsync(async db =>
        {
            byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 9, 8, 7, 6];
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            db.Blobs.Add(new Blob { Sha256 = sha, Bytes = bytes, Size = bytes.Length, CreatedAt = DateTimeOffset.UtcNow });
            var a = new SubmissionAttachment { SubmissionId = s.Id, FileName = "scene.png", ContentType = "image/png", Size = bytes.Length, Sha256 = sha, Status = AttachmentStatus.Stored };
            db.Attachments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);
        var api = await _seed.ApiClientAsync(Roles.Monitor);
        var answers = new List<(string Url, HttpResponseMessage Response)>
        {
            ($"/submissions/{s.Id}", await browser.GetAsync($"/submissions/{s.Id}")),
            ("/queue", await browser.GetAsync("/queue")),
            ($"/attachments/{attachmentId}", await browser.GetAsync($"/attachments/{attachmentId}")),
            ("/api/v1/submissions", await api.GetAsync("/api/v1/submissions")),
            ($"/api/v1/submissions/{s.Id}", await api.GetAsync($"/api/v1/submissions/{s.Id}")),
            ("/api/v1/submissions/0 (404)", await api.GetAsync("/api/v1/submissions/0")),
        };
        foreach (var (url, response) in answers)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} may be cached: Cache-Control: {response.Headers.CacheControl}");
        }
    }

    private Task<List<bool>> VictimsNamedAsync(long submissionId) => _seed.WithDbAsync(async db =>
    {
        var incidentId = await db.Submissions.Where(x => x.Id == submissionId).Select(x => x.IncidentId).SingleAsync();
        var victims = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => i.Victims).SingleAsync();
        return victims.Select(v => v.MayBeNamed).ToList();
    });
}
