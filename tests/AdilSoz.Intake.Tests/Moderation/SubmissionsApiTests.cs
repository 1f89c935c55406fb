using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Moderation;

public sealed class SubmissionsApiTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly AdminApp _app;
    private readonly ModerationSeed _seed;

    public SubmissionsApiTests(PostgresDatabase database)
    {
        _app = new AdminApp(database);
        _seed = new ModerationSeed(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Without_a_key_or_with_an_unknown_key_the_api_answers_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/v1/submissions")).StatusCode);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "asi_not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/submissions")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Monitor)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    public async Task Every_role_reads_submissions_in_the_contract_shape(string role)
    {
        var s = await _seed.ReportAsync("Редактора задержали в Уральске", await _seed.ReporterAsync(), mayName: true);
        var api = await _seed.ApiClientAsync(role);
        var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{s.Id}?includeReporter=true&reason=test");
        Assert.Equal(
            ["id", "reference", "channel", "kind", "status", "receivedAt", "language", "subject", "text", "clusterId", "duplicateOf", "incidentId", "attachments", "suggested",
             .. role == Roles.Admin ? new[] { "reporter" } : []],
            json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("telegram", json.GetProperty("channel").GetString());
        Assert.Equal("pending", json.GetProperty("status").GetString());
        Assert.Equal("detention", json.GetProperty("suggested").GetProperty("category").GetString());
        if (role == Roles.Admin)
        {
            Assert.Equal("Айгерим Нурланова", json.GetProperty("reporter").GetProperty("displayName").GetString());
        }
    }

    [Fact]
    public async Task An_admin_sees_no_reporter_name_when_the_reporter_did_not_allow_naming_nor_without_asking()
    {
        var s = await _seed.ReportAsync("Без имени", await _seed.ReporterAsync(), mayName: false);
        var api = await _seed.ApiClientAsync(Roles.Admin);
        var asked = await api.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{s.Id}?includeReporter=true&reason=test");
        Assert.Equal(JsonValueKind.Null, asked.GetProperty("reporter").GetProperty("displayName").ValueKind);
        var notAsked = await api.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{s.Id}");
        Assert.False(notAsked.TryGetProperty("reporter", out _));
    }

    [Fact]
    public async Task The_list_pages_with_a_cursor_and_filters_by_status_kind_and_channel()
    {
        var mine = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            mine.Add((await _seed.ReportAsync($"Письмо {i}", channel: Channel.Email)).Id);
        }

        await _seed.ReportAsync("Спам", kind: SubmissionKind.Spam, status: SubmissionStatus.Ignored, channel: Channel.Email);
        var api = await _seed.ApiClientAsync(Roles.Monitor);
        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/submissions?status=pending&kind=report&channel=email&limit=3" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(seen.Distinct().Order(), seen);
        Assert.Subset(seen.ToHashSet(), mine.ToHashSet());
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("/api/v1/submissions?status=waiting")]
    [InlineData("/api/v1/submissions?kind=letter")]
    [InlineData("/api/v1/submissions?cursor=@@@")]
    public async Task A_bad_filter_or_cursor_is_a_problem_400(string url)
    {
        var api = await _seed.ApiClientAsync(Roles.Monitor);
        var response = await api.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_monitor_key_approves_into_a_new_incident_and_the_reporter_is_told_once_in_their_language()
    {
        var reporter = await _seed.ReporterAsync("kk");
        var s = await _seed.ReportAsync("Журналистті ұстады", reporter);
        var api = await _seed.ApiClientAsync(Roles.Monitor);
        var response = await api.PostAsJsonAsync($"/api/v1/submissions/{s.Id}/approve", new
        {
            incident = new { title = "Задержание журналиста в Уральске", occurredOn = "2026-11-20", region = "Западно-Казахстанская область", category = "detention", victims = new[] { "А. Нурланова" } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var incidentId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incidentId").GetInt64();

        var after = await _seed.ReloadAsync(s.Id);
        Assert.Equal((SubmissionStatus.Approved, incidentId), (after.Status, after.IncidentId));
        var message = Assert.Single(await _seed.OutboundAsync(s.Id));
        Assert.Equal((OutboundKind.Decision, $"decision:{s.Id}", OutboundStatus.Queued), (message.Kind, message.IdempotencyKey, message.Status));
        Assert.Contains("тізіліміне енгізілді", message.Body, StringComparison.Ordinal);
        Assert.Contains(after.Reference, message.Body, StringComparison.Ordinal);
        var audit = await _seed.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "submission" && a.EntityId == s.Id).ToListAsync());
        Assert.Equal("approve", Assert.Single(audit).Action);
        Assert.StartsWith("api:", audit[0].Actor, StringComparison.Ordinal);

        var again = await api.PostAsJsonAsync($"/api/v1/submissions/{s.Id}/approve", new { incidentId });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Approving_with_an_unknown_region_lists_the_accepted_codes_and_changes_nothing()
    {
        var s = await _seed.ReportAsync("Текст");
        var api = await _seed.ApiClientAsync(Roles.Monitor);
        var response = await api.PostAsJsonAsync($"/api/v1/submissions/{s.Id}/approve", new { incident = new { title = "T", occurredOn = "2026-01-02", region = "Атлантида" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("west_kazakhstan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Pending, (await _seed.ReloadAsync(s.Id)).Status);
    }

    [Fact]
    public async Task Approving_into_an_existing_incident_attaches_and_an_unknown_incident_is_a_400()
    {
        var incidentId = await _seed.IncidentAsync("Обыск в редакции", new DateOnly(2026, 11, 1));
        var s = await _seed.ReportAsync("Обыск");
        var api = await _seed.ApiClientAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/submissions/{s.Id}/approve", new { incidentId = 999999 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/submissions/{s.Id}/approve", new { })).StatusCode);
        var ok = await api.PostAsJsonAsync($"/api/v1/submissions/{s.Id}/approve", new { incidentId });
        Assert.Equal(incidentId, (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incidentId").GetInt64());
        Assert.Equal(incidentId, (await _seed.ReloadAsync(s.Id)).IncidentId);
    }

    [Fact]
    public async Task Rejecting_records_the_reason_and_an_anonymous_reporter_is_not_written_to()
    {
        var s = await _seed.ReportAsync("Реклама");
        var api = await _seed.ApiClientAsync(Roles.Monitor);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync($"/api/v1/submissions/{s.Id}/reject", new { reason = "boring" })).StatusCode);
        var response = await api.PostAsJsonAsync($"/api/v1/submissions/{s.Id}/reject", new { reason = "out_of_scope", note = "Это не о СМИ." });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = await _seed.ReloadAsync(s.Id);
        Assert.Equal((SubmissionStatus.Rejected, RejectReason.OutOfScope, "Это не о СМИ."), (after.Status, after.RejectReason, after.DecisionNote));
        Assert.Equal(OutboundStatus.Suppressed, Assert.Single(await _seed.OutboundAsync(s.Id)).Status);
    }

    [Fact]
    public async Task A_cluster_lists_its_members_and_whole_cluster_approval_takes_them_all()
    {
        var a = await _seed.ReportAsync("Нападение на оператора");
        var b = await _seed.ReportAsync("На оператора напали", channel: Channel.Email);
        var clusterId = await _seed.ClusterAsync(a, b);
        var api = await _seed.ApiClientAsync(Roles.Monitor);
        var cluster = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{clusterId}");
        Assert.Equal([a.Id, b.Id], cluster.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/clusters/987654321")).StatusCode);

        var response = await api.PostAsJsonAsync($"/api/v1/submissions/{b.Id}/approve", new
        {
            incident = new { title = "Нападение на оператора", occurredOn = "2026-11-02" }, wholeCluster = true,
        });
        var incidentId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("incidentId").GetInt64();
        Assert.Equal(incidentId, (await _seed.ReloadAsync(a.Id)).IncidentId);
        Assert.Equal(incidentId, (await _seed.ReloadAsync(b.Id)).IncidentId);
    }

    [Fact]
    public async Task An_item_held_by_a_monitor_cannot_be_decided_by_someone_else_until_the_hold_ends()
    {
        var s = await _seed.ReportAsync("Взято в работу");
        var (browser, email) = await _seed.BrowserAsync(Roles.Monitor);
        await browser.GetStringAsync($"/submissions/{s.Id}");
        Assert.Equal(email, (await _seed.ReloadAsync(s.Id)).ClaimedBy);

        var api = await _seed.ApiClientAsync(Roles.Monitor);
        var held = await api.PostAsJsonAsync($"/api/v1/submissions/{s.Id}/reject", new { reason = "spam" });
        Assert.Equal(HttpStatusCode.Conflict, held.StatusCode);
        Assert.Contains(email, await held.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await _seed.WithDbAsync(db => db.Submissions.Where(x => x.Id == s.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ClaimedUntil, DateTimeOffset.UtcNow.AddMinutes(-1))));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/v1/submissions/{s.Id}/reject", new { reason = "spam" })).StatusCode);
        Assert.Null((await _seed.ReloadAsync(s.Id)).ClaimedBy);
    }

    [Fact]
    public async Task Unknown_submissions_are_404_problems()
    {
        var api = await _seed.ApiClientAsync(Roles.Monitor);
        var response = await api.GetAsync("/api/v1/submissions/987654321");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/v1/submissions/987654321/reject", new { reason = "spam" })).StatusCode);
    }
}
