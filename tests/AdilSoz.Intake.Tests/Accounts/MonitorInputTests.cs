using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Moderation;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Accounts;

/// <summary>
/// What a Monitor may set when approving is what the page's form lets them: publishing, the narrative, legal
/// cases, links and the naming of victims need an Editor. A Monitor's key sending them gets them ignored (and
/// named in the answer); nothing reaches the public registry or the monthly report.
/// </summary>
public sealed class MonitorInputTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly PostgresDatabase _database;
    private readonly AdminApp _app;
    private readonly ModerationSeed _seed;

    public MonitorInputTests(PostgresDatabase database)
    {
        _database = database;
        _app = new AdminApp(database);
        _seed = new ModerationSeed(_app);
    }

    public void Dispose() => _app.Dispose();

    private static object Fabricated(string title, int year) => new
    {
        incident = new
        {
            title, occurredOn = $"{year}-03-04", region = "almaty", category = "detention", summary = "Summary",
            isPublic = true, narrative = "A fabricated case for the published report.", perpetratorType = "officials",
            links = new[] { "https://example.kz/fake" },
            victims = new[] { new { name = "Named Person", role = "editor", outlet = "Outlet", mayBeNamed = true } },
            legalCases = new[] { new { kind = "civil", filedOn = $"{year}-03-05", honorDignity = true, inCourt = true, claimedKzt = 50_000_000, rulings = new[] { new { on = $"{year}-03-20", inFavorOfMedia = false, collectedKzt = 1_000_000 } } } },
        },
    };

    [Fact]
    public async Task A_monitor_key_cannot_publish_narrate_or_file_cases_and_the_report_shows_nothing()
    {
        var s = await _seed.ReportAsync("Сообщение");
        var monitor = await _seed.ApiClientAsync(Roles.Monitor);
        var response = await monitor.PostAsJsonAsync($"/api/v1/submissions/{s.Id}/approve", Fabricated("Monitor's incident", 2019));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var ignored = body.GetProperty("ignored").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("isPublic", ignored);
        Assert.Contains("narrative", ignored);
        Assert.Contains("legalCases", ignored);
        Assert.Contains("links", ignored);

        await using (var db = _database.CreateDbContext())
        {
            var incident = await db.Incidents.AsNoTracking().Include(i => i.LegalCases).SingleAsync(i => i.Id == body.GetProperty("incidentId").GetInt64());
            Assert.Equal("Monitor's incident", incident.Title);
            Assert.False(incident.IsPublic);
            Assert.Null(incident.Narrative);
            Assert.Empty(incident.LegalCases);
            Assert.Empty(incident.Links);
            Assert.False(Assert.Single(incident.Victims).MayBeNamed);
        }

        var report = await monitor.GetFromJsonAsync<JsonElement>("/api/v1/reports/monthly?month=2019-03");
        Assert.Equal(0, report.GetProperty("incidents").GetArrayLength());
        Assert.Equal(0, report.GetProperty("filed").GetProperty("civil").GetProperty("total").GetInt32());
        Assert.Equal(0, report.GetProperty("judicialActs").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_editor_key_sets_the_same_fields()
    {
        var s = await _seed.ReportAsync("Сообщение");
        var editor = await _seed.ApiClientAsync(Roles.Editor);
        var response = await editor.PostAsJsonAsync($"/api/v1/submissions/{s.Id}/approve", Fabricated("Editor's incident", 2017));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("ignored", out _));
        await using var db = _database.CreateDbContext();
        var incident = await db.Incidents.AsNoTracking().Include(i => i.LegalCases).SingleAsync(i => i.Id == body.GetProperty("incidentId").GetInt64());
        Assert.True(incident.IsPublic);
        Assert.NotNull(incident.Narrative);
        Assert.Single(incident.LegalCases);
        Assert.True(Assert.Single(incident.Victims).MayBeNamed);
    }

    [Fact]
    public async Task A_monitor_approving_on_the_page_creates_an_unpublished_incident_with_unnamed_victims()
    {
        var s = await _seed.ReportAsync("Сообщение с формы");
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);
        var approved = await ModerationSeed.PostFormAsync(browser, $"/submissions/{s.Id}", "Approve", new()
        {
            ["Incident.Title"] = "From the form", ["Incident.OccurredOn"] = "2019-03-06", ["Incident.Victims"] = "Someone",
            ["Incident.IsPublic"] = "true", ["Incident.Narrative"] = "not a field of the form",
        });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await using var db = _database.CreateDbContext();
        var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Title == "From the form");
        Assert.False(incident.IsPublic);
        Assert.Null(incident.Narrative);
        Assert.False(Assert.Single(incident.Victims).MayBeNamed);
    }
}
