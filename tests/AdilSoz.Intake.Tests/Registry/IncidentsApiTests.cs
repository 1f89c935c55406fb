using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Registry;

public sealed class IncidentsApiTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly AdminApp _app = new(database);

    public void Dispose() => _app.Dispose();

    private static object Detention(string title, string date, string region = "Уральск", string category = "Задержание журналиста") => new
    {
        title,
        occurredOn = date,
        region,
        settlement = "Uralsk",
        category,
        perpetratorType = "police",
        summary = "Reporters were detained on the highway.",
        narrative = "Police stopped the car of the newspaper's reporters.",
        isPublic = true,
        victims = new object[] { "Raul Uporov", new { name = "Anon Source", role = "cameraman", mayBeNamed = false } },
        outlets = new[] { "Uralskaya Nedelya" },
        legalCases = new[]
        {
            new
            {
                kind = "civil", filedOn = date, honorDignity = true, inCourt = true, claimedKzt = 1_000_000,
                rulings = new[] { new { on = date, inFavorOfMedia = false, collectedKzt = 50_000 } },
            },
        },
    };

    [Fact]
    public async Task An_editor_creates_reads_and_updates_an_incident_with_names_resolved_to_codes()
    {
        var editor = await RegistryTestData.ApiClientAsync(_app, database, Roles.Editor);
        var created = await editor.PostAsJsonAsync("/api/v1/incidents", Detention("Reporters detained near Uralsk", "2021-02-03"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/incidents/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("west_kazakhstan", body.GetProperty("region").GetString());
        Assert.Equal("detention", body.GetProperty("category").GetString());
        Assert.Equal(1_000_000, body.GetProperty("legalCases")[0].GetProperty("claimedKzt").GetInt64());
        Assert.Equal("civil", body.GetProperty("legalCases")[0].GetProperty("kind").GetString());
        Assert.False(body.GetProperty("victims")[1].GetProperty("mayBeNamed").GetBoolean());

        var read = JsonDocument.Parse(await editor.GetStringAsync($"/api/v1/incidents/{id}")).RootElement;
        Assert.Equal("Reporters detained near Uralsk", read.GetProperty("title").GetString());
        Assert.Equal("2021-02-03", read.GetProperty("occurredOn").GetString());

        var updated = await editor.PutAsJsonAsync($"/api/v1/incidents/{id}", Detention("Reporters detained near Uralsk (updated)", "2021-02-04", region: "west_kazakhstan", category: "detention"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var again = JsonDocument.Parse(await editor.GetStringAsync($"/api/v1/incidents/{id}")).RootElement;
        Assert.Equal("Reporters detained near Uralsk (updated)", again.GetProperty("title").GetString());
        Assert.Equal("2021-02-04", again.GetProperty("occurredOn").GetString());
        Assert.Single(again.GetProperty("legalCases").EnumerateArray());

        await using var db = database.CreateDbContext();
        var history = await db.AuditEntries.Where(a => a.EntityType == "incident" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["incident.create", "incident.update"], history.Select(h => h.Action));
        Assert.StartsWith("api:", history[1].Actor, StringComparison.Ordinal);
        var changes = JsonDocument.Parse(history[1].Details!).RootElement.GetProperty("changes");
        Assert.Equal(["legalCases", "occurredOn", "title"], changes.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Reporters detained near Uralsk", changes.GetProperty("title").GetProperty("from").GetString());
    }

    [Fact]
    public async Task An_unknown_region_is_a_400_problem_that_lists_the_accepted_codes()
    {
        var editor = await RegistryTestData.ApiClientAsync(_app, database, Roles.Editor);
        var response = await editor.PostAsJsonAsync("/api/v1/incidents", Detention("Somewhere", "2021-02-03", region: "Atlantis"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var message = problem.GetProperty("errors").GetProperty("region")[0].GetString()!;
        Assert.Contains("Atlantis", message, StringComparison.Ordinal);
        Assert.Contains("west_kazakhstan", message, StringComparison.Ordinal);
        Assert.Contains("astana", message, StringComparison.Ordinal);

        var list = await editor.GetAsync("/api/v1/incidents?region=Atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        var listProblem = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("shymkent", listProblem.GetProperty("acceptedCodes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Validation_explains_every_problem_by_field()
    {
        var editor = await RegistryTestData.ApiClientAsync(_app, database, Roles.Editor);
        var response = await editor.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "",
            legalCases = new[] { new { kind = "criminal", honorDignity = true, claimedKzt = -5 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(
            ["legalCases[0].claimedKzt", "legalCases[0].filedOn", "legalCases[0].honorDignity", "occurredOn", "title"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_monitor_reads_but_cannot_create_or_edit_and_anonymous_callers_get_401()
    {
        var editor = await RegistryTestData.ApiClientAsync(_app, database, Roles.Editor);
        var created = await editor.PostAsJsonAsync("/api/v1/incidents", Detention("For the monitor", "2021-01-10"));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        var monitor = await RegistryTestData.ApiClientAsync(_app, database, Roles.Monitor);
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsJsonAsync("/api/v1/incidents", Detention("No", "2021-01-10"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PutAsJsonAsync($"/api/v1/incidents/{id}", Detention("No", "2021-01-10"))).StatusCode);

        var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/incidents")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "asi_not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/incidents")).StatusCode);

        var admin = await RegistryTestData.ApiClientAsync(_app, database, Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/incidents/{id}", Detention("By the admin", "2021-01-10"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/incidents/999999999")).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_period_region_category_and_text_and_pages_with_a_cursor()
    {
        var editor = await RegistryTestData.ApiClientAsync(_app, database, Roles.Editor);
        for (var day = 1; day <= 7; day++)
        {
            var response = await editor.PostAsJsonAsync("/api/v1/incidents", Detention($"Paging test {day}", $"2019-05-{day:D2}", region: "Павлодар", category: "threat"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await editor.PostAsJsonAsync("/api/v1/incidents", new
        {
            title = "Журналиста задержали у акимата", occurredOn = "2019-05-03", region = "pavlodar", category = "detention",
            summary = "Полиция задержала корреспондента газеты «Саяжай».",
        });

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = JsonDocument.Parse(await editor.GetStringAsync(
                $"/api/v1/incidents?from=2019-05-01&to=2019-05-31&region=pavlodar&category=threat&limit=3{(cursor is null ? "" : "&cursor=" + cursor)}")).RootElement;
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!));
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(d => $"Paging test {d}"), seen);

        // Russian stems: "задержанный журналист" finds "журналиста задержали"; 'simple' finds the exact outlet name in any language.
        var found = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/incidents?q=" + Uri.EscapeDataString("задержанный журналист"))).RootElement;
        Assert.Equal(["Журналиста задержали у акимата"], found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        var byOutlet = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/incidents?q=Саяжай")).RootElement;
        Assert.Single(byOutlet.GetProperty("items").EnumerateArray());
        var outletFilter = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/incidents?from=2019-05-01&to=2019-05-31&outlet=" + Uri.EscapeDataString("Uralskaya Nedelya"))).RootElement;
        Assert.Equal(7, outletFilter.GetProperty("items").GetArrayLength());
        var otherOutlet = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/incidents?from=2019-05-01&to=2019-05-31&outlet=Uralskaya")).RootElement;
        Assert.Equal(0, otherOutlet.GetProperty("items").GetArrayLength());

        var group = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/incidents?from=2019-05-01&to=2019-05-31&category=criminal_attack&limit=100")).RootElement;
        Assert.Equal(7, group.GetProperty("items").GetArrayLength());

        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/api/v1/incidents?cursor=garbage!")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/api/v1/incidents?from=05/01/2019")).StatusCode);
    }
}
