using System.Net;
using System.Text.Json;
using AdilSoz.Intake.Core.Demo;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Reports;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;

namespace AdilSoz.Intake.Tests.Registry;

/// <summary>The monthly report computed from a registry holding the February 2021 demo events (and January's).</summary>
public sealed class ReportPagesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly AdminApp _app = new(database);
    private HttpClient _monitor = null!;

    public async Task InitializeAsync()
    {
        await RegistryTestData.LoadFebruary2021Async(database);
        _monitor = await RegistryTestData.LoggedInAsync(_app, Roles.Monitor);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_json_api_gives_the_figures_of_the_seed()
    {
        var client = await RegistryTestData.ApiClientAsync(_app, database, Roles.Monitor);
        var response = await client.GetAsync("/api/v1/reports/monthly?month=2021-02");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("2021-02", json.GetProperty("month").GetString());
        Assert.Equal(4, json.GetProperty("judicialActs").GetProperty("total").GetInt32());
        Assert.Equal(3, json.GetProperty("judicialActs").GetProperty("inFavorOfMedia").GetInt32());
        AssertFigures(json.GetProperty("filed"), criminal: (0, 0), civil: (5, 4, 5_000_000, 50_000), administrative: 4);
        AssertFigures(json.GetProperty("yearToDate"), criminal: (1, 0), civil: (10, 9, 16_000_000, 5_050_000), administrative: 6);
        var incidents = json.GetProperty("incidents").EnumerateArray().ToList();
        Assert.Equal(3, incidents.Count);
        Assert.All(incidents, i => Assert.True(i.GetProperty("id").GetInt64() > 0));
        Assert.Contains(incidents, i => i.GetProperty("title").GetString()!.Contains("Uralskaya Nedelya", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "Four judicial acts were issued against media in connection with the exercise of the right to freedom of expression, the receipt and dissemination of information in February 2021. Three of them were in favor of defendants.")]
    [InlineData("en", "5 civil claims and lawsuits (four of them for protection of honor, dignity and business reputation). Claims for compensation for non-pecuniary damage amounted to 5 million tenge. The courts collected 50 thousand tenge.")]
    [InlineData("en", "10 claims and suits in civil procedure (nine of them for protection of honor, dignity and business reputation). Claims for compensation for non-pecuniary damage amounted to 16 million tenge. The courts collected 5 million 50 thousand tenge.")]
    [InlineData("en", "1 criminal charge (none in court).")]
    [InlineData("en", "6 administrative charges")]
    [InlineData("ru", "вынесено четыре судебных акта. Три из них вынесены в пользу ответчиков.")]
    [InlineData("ru", "5 гражданских исков (четыре из них — о защите чести, достоинства и деловой репутации). Сумма исков о компенсации морального вреда составила 5 млн тенге. Суды взыскали 50 тыс. тенге.")]
    [InlineData("ru", "Суды взыскали 5 млн 50 тыс. тенге.")]
    [InlineData("ru", "6 административных обвинений")]
    [InlineData("kk", "БАҚ-қа қарсы төрт сот актісі шығарылды. Оның үшеуі жауапкерлердің пайдасына шешілді.")]
    [InlineData("kk", "Соттар 50 мың теңге өндіріп алды.")]
    [InlineData("kk", "Соттар 5 млн 50 мың теңге өндіріп алды.")]
    public async Task The_report_page_shows_the_seed_figures_in_each_language(string lang, string sentence)
    {
        var response = await _monitor.GetAsync($"/reports/2021-02?lang={lang}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(sentence, RegistryTestData.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("kk")]
    public async Task The_page_renders_every_sentence_of_the_report_document(string lang)
    {
        var page = RegistryTestData.Text(await _monitor.GetStringAsync($"/reports/2021-02?lang={lang}"));
        var document = MonthlyReportRenderer.Build(February2021Report(), lang);
        foreach (var paragraph in MonthlyReportRenderer.ToPlainParagraphs(document))
        {
            Assert.Contains(RegistryTestData.Collapse(paragraph.TrimStart('-', ' ')), page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_markdown_download_and_the_api_markdown_are_the_report_of_the_registry()
    {
        var download = await _monitor.GetAsync("/reports/2021-02.md?lang=ru");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/markdown", download.Content.Headers.ContentType!.MediaType);
        var md = await download.Content.ReadAsStringAsync();
        Assert.Contains("- 5 гражданских исков", md, StringComparison.Ordinal);
        Assert.Contains("Нарушения свободы слова в Казахстане", md, StringComparison.Ordinal);

        var client = await RegistryTestData.ApiClientAsync(_app, database, Roles.Monitor);
        var api = await client.GetStringAsync("/api/v1/reports/monthly?month=2021-02&format=md&lang=en");
        Assert.Contains("# Violations of Freedom of Speech in Kazakhstan February 2021", api, StringComparison.Ordinal);
        Assert.Contains("- 6 administrative charges", api, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("month=2021-13")]
    [InlineData("month=February")]
    [InlineData("")]
    [InlineData("month=2021-02&lang=de")]
    public async Task A_bad_month_or_language_is_a_400_problem(string query)
    {
        var client = await RegistryTestData.ApiClientAsync(_app, database, Roles.Monitor);
        var response = await client.GetAsync("/api/v1/reports/monthly?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_victim_without_consent_is_not_named_in_the_report()
    {
        await using (var db = database.CreateDbContext())
        {
            db.Incidents.Add(new Incident
            {
                Title = "Blogger Aigerim Nurlanova threatened", OccurredOn = new DateOnly(2021, 3, 5), IsPublic = true,
                Summary = "Aigerim Nurlanova received threats after a post.",
                Narrative = "Nurlanova said the threats came by phone.",
                Victims = [new Victim { Name = "Aigerim Nurlanova", Role = "blogger", MayBeNamed = false }],
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var page = RegistryTestData.Text(await _monitor.GetStringAsync("/reports/2021-03?lang=en"));
        Assert.Contains("[name withheld] received threats after a post.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Nurlanova", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_month_picker_opens_the_chosen_month()
    {
        var response = await _monitor.GetAsync("/reports?month=2021-02");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/reports/2021-02", response.Headers.Location!.OriginalString);
    }

    private static MonthlyReport February2021Report()
    {
        // The demo data gets ids in the database; the page's text does not depend on them.
        var incidents = February2021.Incidents();
        return MonthlyReportCalculator.Compute(2021, 2, incidents, incidents.SelectMany(i => i.LegalCases));
    }

    private static void AssertFigures(JsonElement f, (int Total, int InCourt) criminal, (int Total, int Honor, long Claimed, long Collected) civil, int administrative)
    {
        Assert.Equal(criminal.Total, f.GetProperty("criminal").GetProperty("total").GetInt32());
        Assert.Equal(criminal.InCourt, f.GetProperty("criminal").GetProperty("inCourt").GetInt32());
        Assert.Equal(civil.Total, f.GetProperty("civil").GetProperty("total").GetInt32());
        Assert.Equal(civil.Honor, f.GetProperty("civil").GetProperty("honorDignity").GetInt32());
        Assert.Equal(civil.Claimed, f.GetProperty("civil").GetProperty("claimedKzt").GetInt64());
        Assert.Equal(civil.Collected, f.GetProperty("civil").GetProperty("collectedKzt").GetInt64());
        Assert.Equal(administrative, f.GetProperty("administrative").GetProperty("total").GetInt32());
    }
}
