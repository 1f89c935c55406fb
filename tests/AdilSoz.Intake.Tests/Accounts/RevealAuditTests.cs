using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Moderation;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Accounts;

/// <summary>A reporter's identity is shown only with a reason, and every showing is in the audit: who, when, whom, why.</summary>
public sealed class RevealAuditTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string Name = "Айгерим Нурланова";
    private readonly PostgresDatabase _database;
    private readonly AdminApp _app;
    private readonly ModerationSeed _seed;

    public RevealAuditTests(PostgresDatabase database)
    {
        _database = database;
        _app = new AdminApp(database);
        _seed = new ModerationSeed(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task On_the_page_an_admin_gives_a_reason_before_the_name_shows_and_the_audit_keeps_it()
    {
        var reporter = await _seed.ReporterAsync(name: Name);
        var s = await _seed.ReportAsync("Задержали на пикете", reporter, mayName: true);
        var (admin, email) = await _seed.BrowserAsync(Roles.Admin);
        var url = $"/submissions/{s.Id}";
        Assert.DoesNotContain(Name, await admin.GetStringAsync(url), StringComparison.Ordinal);

        var withoutReason = await ModerationSeed.PostFormAsync(admin, url, "Reveal", new() { ["RevealReason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.DoesNotContain(Name, await withoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var revealed = await ModerationSeed.PostFormAsync(admin, url, "Reveal", new() { ["RevealReason"] = "Lawyer needs to call her about the hearing" });
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Contains(Name, await revealed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Name, await admin.GetStringAsync(url), StringComparison.Ordinal);

        var entry = Assert.Single(await RevealsAsync(), a => a.Actor == email);
        Assert.Equal((email, "reporter", reporter.Id, "Lawyer needs to call her about the hearing"), (entry.Actor, entry.EntityType, entry.EntityId, entry.Reason));
        using (var details = JsonDocument.Parse(entry.Details!))
        {
            Assert.Equal(s.Id, details.RootElement.GetProperty("submission").GetInt64());
        }

        Assert.True(DateTimeOffset.UtcNow - entry.At < TimeSpan.FromHours(1));
        Assert.Contains("Lawyer needs to call her about the hearing", await admin.GetStringAsync("/audit?action=reveal"), StringComparison.Ordinal);

        // A Monitor or an Editor is refused, and nothing is recorded.
        var (editor, _) = await _seed.BrowserAsync(Roles.Editor);
        var count = (await RevealsAsync()).Count;
        var refused = await ModerationSeed.PostFormAsync(editor, url, "Reveal", new() { ["RevealReason"] = "curious" });
        Assert.Equal("/account/denied", refused.Headers.Location?.AbsolutePath ?? refused.Headers.Location?.OriginalString.Split('?')[0]);
        Assert.Equal(count, (await RevealsAsync()).Count);
    }

    [Fact]
    public async Task The_api_wants_a_reason_with_include_reporter_and_audits_each_reporter_shown()
    {
        var reporter = await _seed.ReporterAsync(name: Name);
        var s = await _seed.ReportAsync("Угрозы редактору", reporter, mayName: true);
        var api = await _seed.ApiClientAsync(Roles.Admin);
        var before = (await RevealsAsync()).Count;

        var noReason = await api.GetAsync($"/api/v1/submissions/{s.Id}?includeReporter=true");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("application/problem+json", noReason.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/submissions?includeReporter=true")).StatusCode);

        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{s.Id}?includeReporter=true&reason=court%20summons");
        Assert.Equal(Name, json.GetProperty("reporter").GetProperty("displayName").GetString());
        var entry = Assert.Single((await RevealsAsync()).Skip(before));
        Assert.StartsWith("api:", entry.Actor, StringComparison.Ordinal);
        Assert.Equal((reporter.Id, "court summons"), (entry.EntityId, entry.Reason));

        // Without includeReporter nothing is shown and nothing recorded.
        var plain = await api.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{s.Id}");
        Assert.False(plain.TryGetProperty("reporter", out _));
        Assert.Equal(before + 1, (await RevealsAsync()).Count);
    }

    private async Task<List<AdilSoz.Intake.Core.Moderation.AuditEntry>> RevealsAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == "reveal").OrderBy(a => a.Id).ToListAsync();
    }
}
