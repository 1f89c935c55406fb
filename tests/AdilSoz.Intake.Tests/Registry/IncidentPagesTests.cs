using System.Net;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Registry;

/// <summary>The registry pages through plain HTTP: the edit form's explanations, role boundaries, the list, the dashboard.</summary>
public sealed class IncidentPagesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly AdminApp _app = new(database);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_form_explains_problems_beside_the_fields_then_saves_and_the_change_is_in_the_history()
    {
        var editor = await RegistryTestData.LoggedInAsync(_app, Roles.Editor);
        var form = await editor.GetStringAsync("/incidents/new");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(form),
            ["Form.Title"] = "Cameraman's equipment seized at a court hearing",
            ["Form.OccurredOn"] = "2022-03-15",
            ["Form.DatePrecision"] = "Day",
            ["Form.Region"] = "karaganda",
            ["Form.Category"] = "equipment_seizure",
            ["Form.Summary"] = "A bailiff took the camera of a TV cameraman.",
            ["Form.IsPublic"] = "true",
            ["Form.Cases[0].Kind"] = "Criminal",
            ["Form.Cases[0].HonorDignity"] = "true",
            ["Form.Cases[0].ClaimedKzt"] = "100",
            ["Form.Cases[0].Rulings[0].On"] = "2022-01-01",
        };
        var invalid = await editor.PostAsync("/incidents/new", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("The filing date is required.", html, StringComparison.Ordinal);
        Assert.Contains("Only civil claims are for honor and dignity.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Cameraman&#x27;s equipment seized at a court hearing\"", html, StringComparison.Ordinal);

        fields["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(html);
        fields["Form.Cases[0].Kind"] = "Civil";
        fields["Form.Cases[0].FiledOn"] = "2022-03-16";
        fields["Form.Cases[0].Rulings[0].On"] = "2022-03-20";
        fields["Form.Victims[0].Name"] = "Marat Bekov";
        fields["Form.Victims[0].Withheld"] = "true";
        var saved = await editor.PostAsync("/incidents/new", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = RegistryTestData.Text(await editor.GetStringAsync(saved.Headers.Location!.OriginalString));
        Assert.Contains("Cameraman's equipment seized at a court hearing", page, StringComparison.Ordinal);
        Assert.Contains("Seizure or damage of equipment", page, StringComparison.Ordinal);
        Assert.Contains("incident.create", page, StringComparison.Ordinal);

        var id = long.Parse(saved.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await using var db = database.CreateDbContext();
        var incident = await db.Incidents.Include(i => i.LegalCases).ThenInclude(c => c.Rulings).SingleAsync(i => i.Id == id);
        var legalCase = Assert.Single(incident.LegalCases);
        Assert.True(legalCase.HonorDignity);
        Assert.Equal(new DateOnly(2022, 3, 20), Assert.Single(legalCase.Rulings).On);
        Assert.False(Assert.Single(incident.Victims).MayBeNamed);

        // Editing: the form comes back filled; removing the case is recorded in the history.
        var edit = await editor.GetStringAsync($"/incidents/{id}/edit");
        Assert.Contains("value=\"2022-03-16\"", edit, StringComparison.Ordinal);
        var editFields = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(edit),
            ["Form.Cases[0].Remove"] = "true",
            ["Form.Version"] = System.Text.RegularExpressions.Regex.Match(edit, "name=\"Form.Version\" value=\"(\\d+)\"").Groups[1].Value,
        };
        var resaved = await editor.PostAsync($"/incidents/{id}/edit", new FormUrlEncodedContent(editFields));
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
        Assert.Empty(await db.LegalCases.Where(c => c.IncidentId == id).ToListAsync());
        var last = await db.AuditEntries.Where(a => a.EntityId == id && a.EntityType == "incident").OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal("incident.update", last.Action);
        Assert.Contains("legalCases", last.Details!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_monitor_sees_the_registry_but_not_the_edit_form()
    {
        var monitor = await RegistryTestData.LoggedInAsync(_app, Roles.Monitor);
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync("/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync("/dashboard")).StatusCode);
        var denied = await monitor.GetAsync("/incidents/new");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await monitor.GetAsync("/categories")).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_and_the_dashboard_draws_the_counts()
    {
        await RegistryTestData.LoadFebruary2021Async(database);
        var monitor = await RegistryTestData.LoggedInAsync(_app, Roles.Monitor);
        var list = RegistryTestData.Text(await monitor.GetStringAsync("/incidents?from=2021-02-01&to=2021-02-28&region=west_kazakhstan&lang=en"));
        Assert.Contains("Uralskaya Nedelya reporters detained", list, StringComparison.Ordinal);
        Assert.DoesNotContain("heating tariffs", list, StringComparison.Ordinal);

        var dashboard = await monitor.GetStringAsync("/dashboard?from=2021-01&to=2021-02&lang=en");
        Assert.Contains("<svg", dashboard, StringComparison.Ordinal);
        // January: 8 incidents with 8 cases; February: 3 told incidents + 8 lawsuits; cases filed in February: 8.
        Assert.Contains("<title>Incidents, 2021-01: 8</title>", dashboard, StringComparison.Ordinal);
        Assert.Contains("<title>Incidents, 2021-02: 11</title>", dashboard, StringComparison.Ordinal);
        Assert.Contains("<title>Legal cases, 2021-02: 9</title>", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_lists_the_hearings_of_the_next_30_days()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        long id;
        await using (var db = database.CreateDbContext())
        {
            var incident = new AdilSoz.Intake.Core.Registry.Incident
            {
                Title = "Akimat sues the Steppe Herald", OccurredOn = today.AddMonths(-1), Summary = "A claim for business reputation.",
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                LegalCases =
                [
                    new() { Kind = AdilSoz.Intake.Core.Registry.LegalCaseKind.Civil, Article = "Art. 143 Civil Code", FiledOn = today.AddDays(-20), NextHearingOn = today.AddDays(5), Stage = "appeal" },
                    new() { Kind = AdilSoz.Intake.Core.Registry.LegalCaseKind.Criminal, Article = "Art. 274 Criminal Code", FiledOn = today.AddDays(-20), NextHearingOn = today.AddDays(40) },
                ],
            };
            db.Incidents.Add(incident);
            await db.SaveChangesAsync();
            id = incident.Id;
        }

        var monitor = await RegistryTestData.LoggedInAsync(_app, Roles.Monitor);
        var html = await monitor.GetStringAsync("/dashboard?lang=en");
        var text = RegistryTestData.Text(html);
        Assert.Contains("Upcoming hearings (next 30 days)", text, StringComparison.Ordinal);
        Assert.Contains($"{today.AddDays(5):yyyy-MM-dd} Akimat sues the Steppe Herald Civil Art. 143 Civil Code appeal", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/incidents/{id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Art. 274 Criminal Code", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_20_00_UTC_the_dashboard_already_lives_in_the_next_Kazakh_day()
    {
        // 20:00 UTC is 01:00 of the next day in Kazakhstan (UTC+5): the page's "today" is that day, not the UTC one.
        var utcDay = DateOnly.FromDateTime(DateTime.UtcNow);
        var evening = new DateTimeOffset(utcDay.ToDateTime(new TimeOnly(20, 0)), TimeSpan.Zero);
        var kazakhDay = utcDay.AddDays(1);
        await using (var db = database.CreateDbContext())
        {
            db.Incidents.Add(new AdilSoz.Intake.Core.Registry.Incident
            {
                Title = "Editor of the Aral Times summoned", OccurredOn = utcDay.AddMonths(-1), Summary = "Two hearings of one case.",
                CreatedAt = evening, UpdatedAt = evening,
                LegalCases =
                [
                    new() { Kind = AdilSoz.Intake.Core.Registry.LegalCaseKind.Civil, Article = "Art. 951 Civil Code", FiledOn = utcDay.AddDays(-20), NextHearingOn = utcDay },
                    new() { Kind = AdilSoz.Intake.Core.Registry.LegalCaseKind.Criminal, Article = "Art. 130 Criminal Code", FiledOn = utcDay.AddDays(-20), NextHearingOn = kazakhDay.AddDays(IndexModelHearingDays) },
                ],
            });
            await db.SaveChangesAsync();
        }

        using var app = new AdminApp(database, clock: new AdilSoz.Intake.Tests.Privacy.FixedClock(evening));
        var monitor = await RegistryTestData.LoggedInAsync(app, Roles.Monitor);
        var html = await monitor.GetStringAsync("/dashboard?lang=en");
        var text = RegistryTestData.Text(html);
        Assert.Contains($"{kazakhDay.AddDays(IndexModelHearingDays):yyyy-MM-dd} Editor of the Aral Times summoned Criminal Art. 130 Criminal Code", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Art. 951 Civil Code", text, StringComparison.Ordinal);
        Assert.Contains($"value=\"{kazakhDay:yyyy-MM}\"", html, StringComparison.Ordinal);
    }

    private const int IndexModelHearingDays = AdilSoz.Intake.Admin.Pages.Dashboard.IndexModel.HearingDays;

    [Fact]
    public async Task An_editor_renames_a_category_in_three_languages()
    {
        var editor = await RegistryTestData.LoggedInAsync(_app, Roles.Editor);
        var form = await editor.GetStringAsync("/categories");
        await using var db = database.CreateDbContext();
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync();
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", AdminApp.AntiforgeryToken(form)) };
        for (var i = 0; i < categories.Count; i++)
        {
            var c = categories[i];
            fields.Add(new($"Rows[{i}].Code", c.Code));
            fields.Add(new($"Rows[{i}].NameRu", c.Code == "accreditation" ? "Аккредитация журналистов" : c.NameRu));
            fields.Add(new($"Rows[{i}].NameKk", c.NameKk));
            fields.Add(new($"Rows[{i}].NameEn", c.Code == "accreditation" ? "Accreditation of journalists" : c.NameEn));
            fields.Add(new($"Rows[{i}].SortOrder", c.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        fields.AddRange([new("New.Code", "surveillance"), new("New.NameRu", "Слежка"), new("New.NameKk", "Аңду"), new("New.NameEn", "Surveillance"), new("New.SortOrder", "85")]);
        var response = await editor.PostAsync("/categories", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Saved.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Accreditation of journalists", (await db.Categories.AsNoTracking().SingleAsync(c => c.Code == "accreditation")).NameEn);
        Assert.Equal("Аңду", (await db.Categories.AsNoTracking().SingleAsync(c => c.Code == "surveillance")).NameKk);
    }
}
