using System.Net;
using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Demo;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Registry;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>
/// The monthly report on the public site: the February 2021 demo registry with every incident published but the
/// European Parliament's resolution, read by the public process (the public role) in three languages.
/// </summary>
public sealed partial class PublicMonthlyReportTests(PublicMonthlyReportSite site) : IClassFixture<PublicMonthlyReportSite>
{
    [Theory]
    [InlineData("kk", "Қазақстандағы сөз бостандығының бұзылуы.", "Соттар 5 млн 50 мың теңге өндіріп алды.")]
    [InlineData("ru", "Нарушения свободы слова в Казахстане.", "5 гражданских исков (четыре из них — о защите чести, достоинства и деловой репутации). Сумма исков о компенсации морального вреда составила 5 млн тенге. Суды взыскали 50 тыс. тенге.")]
    [InlineData("en", "Violations of Freedom of Speech in Kazakhstan February", "10 claims and suits in civil procedure (nine of them for protection of honor, dignity and business reputation). Claims for compensation for non-pecuniary damage amounted to 16 million tenge. The courts collected 5 million 50 thousand tenge.")]
    public async Task The_report_reads_in_each_language_with_the_demo_figures_of_the_published_incidents(string language, string heading, string figures)
    {
        using var client = site.Public.CreateClient(language);
        var response = await client.GetAsync("/reports/2021-02");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches($"<h1>{Regex.Escape(heading)}[^<]*2021[^<]*</h1>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var text = RegistryTestData.Text(html);
        Assert.Contains(figures, text, StringComparison.Ordinal);
        // The incidents are told in the reader's language (the demo has every one in Kazakh, Russian and English).
        var (uralsk, accreditation) = language switch
        {
            "kk" => ("«Уральская неделя» журналистерін саяси тұтқын", "Ақпарат және қоғамдық даму министрлігі Журналистерді аккредиттеу"),
            "ru" => ("Журналистов «Уральской недели» в течение дня", "Министерство информации и общественного развития опубликовало проект"),
            _ => ("\"Uralskaya Nedelya\" reporters were detained", "Ministry of Information and Public Development has published the draft Rules"),
        };
        Assert.Contains(uralsk, text, StringComparison.Ordinal);
        Assert.Contains(accreditation, text, StringComparison.Ordinal);

        // The unpublished incident is neither told nor hinted at.
        Assert.DoesNotContain("European Parliament", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Европарламент", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Еуропалық парламент", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kk", "Айлар бойынша оқиғалар", "2021 жылғы ақпан", "2021 жылғы қаңтар", "2019 жылғы наурыз")]
    [InlineData("ru", "Случаи по месяцам", "Февраль 2021", "Январь 2021", "Март 2019")]
    [InlineData("en", "Incidents by month", "February 2021", "January 2021", "March 2019")]
    public async Task The_chart_by_month_reads_in_each_language_with_the_demo_figure_of_February_and_links_each_month_to_its_list(
        string language, string heading, string february, string january, string firstShown)
    {
        using var client = site.Public.CreateClient(language);
        var response = await client.GetAsync("/months");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        // The 24 months up to the latest month with incidents, empty months as zero: March 2019 to February 2021.
        var rows = MonthRow().Matches(html).Select(m => (Href: WebUtility.HtmlDecode(m.Groups[1].Value), Name: m.Groups[2].Value, Count: int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(24, rows.Count);
        Assert.Equal(firstShown, rows[0].Name);
        Assert.Equal((february, 10), (rows[^1].Name, rows[^1].Count));
        Assert.Equal((january, 8), (rows[^2].Name, rows[^2].Count));
        Assert.Equal(0, rows[0].Count);
        Assert.Equal("/incidents?from=2021-02-01&to=2021-02-28", rows[^1].Href);
        // The bars say the same.
        Assert.Contains(", 2021-02: 10</title>", html, StringComparison.Ordinal);

        // The month's link lists its ten published incidents.
        var list = await client.GetStringAsync(rows[^1].Href);
        Assert.Equal(10, ListItem().Count(list));
    }

    [Fact]
    public async Task With_a_period_or_a_case_kind_the_months_are_counted_from_the_incidents_and_agree_with_the_kept_counts()
    {
        using var client = site.Public.CreateClient();
        var kept = Rows(await client.GetStringAsync("/months?region=almaty"));
        Assert.Equal(("January 2021", 2), (kept[^2].Name, kept[^2].Count));
        Assert.Equal(("February 2021", 1), (kept[^1].Name, kept[^1].Count));

        var counted = Rows(await client.GetStringAsync("/months?region=almaty&from=2020-09-01&to=2021-02-28"));
        Assert.Equal(kept.TakeLast(6), counted);

        // Half a month: the count and the link are of that half only.
        var html = await client.GetStringAsync("/months?from=2021-02-01&to=2021-02-14");
        var half = MonthRow().Match(html);
        Assert.Equal(("February 2021", "5"), (half.Groups[2].Value, half.Groups[3].Value));
        Assert.Equal("/incidents?from=2021-02-01&to=2021-02-14", WebUtility.HtmlDecode(half.Groups[1].Value));
        var administrative = February2021.Incidents().Count(i => i.OccurredOn is { Year: 2021, Month: 2 }
            && !i.Title.StartsWith("European Parliament", StringComparison.Ordinal) && i.LegalCases.Any(c => c.Kind == Core.Registry.LegalCaseKind.Administrative));
        Assert.True(administrative > 0);
        Assert.Equal(("February 2021", administrative), Rows(await client.GetStringAsync("/months?kind=administrative"))[^1]);

        // A long period shows its last 60 months and says so; dates at the ends of the calendar are no error.
        var longer = await client.GetStringAsync("/months?from=2000-01-01&to=2021-02-28");
        Assert.Equal(60, Rows(longer).Count);
        Assert.Equal(("February 2021", 10), Rows(longer)[^1]);
        Assert.Contains("The last 60 months of the chosen period are shown.", longer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/months?from=0001-01-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/months?to=9999-12-31")).StatusCode);
    }

    private static List<(string Name, int Count)> Rows(string html) =>
        [.. MonthRow().Matches(html).Select(m => (m.Groups[2].Value, int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)))];

    [GeneratedRegex("""<tr><th scope="row"><a href="([^"]+)">([^<]+)</a></th><td>(\d+)</td></tr>""")]
    private static partial Regex MonthRow();

    [GeneratedRegex("""<li>\s*<a href="/incidents/(\d+)"[^>]*>""")]
    private static partial Regex ListItem();

    [Fact]
    public async Task The_home_page_and_the_list_link_to_the_report_of_the_latest_month()
    {
        using var client = site.Public.CreateClient();
        Assert.Contains("href=\"/reports/2021-02\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("href=\"/reports/2021-02\"", await client.GetStringAsync("/incidents"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_without_published_incidents_has_no_incidents_told_and_an_impossible_month_is_not_found()
    {
        using var client = site.Public.CreateClient();
        var empty = RegistryTestData.Text(await client.GetStringAsync("/reports/2019-07"));
        Assert.DoesNotContain("Uralskaya Nedelya", empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reports/2021-13")).StatusCode);
    }
}

public sealed class PublicMonthlyReportSite : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    public PublicProcess Public { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using (var db = Database.CreateDbContext())
        {
            var published = new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);
            foreach (var incident in February2021.Incidents())
            {
                incident.CreatedAt = published;
                incident.UpdatedAt = published;
                incident.PublishedAt = incident.Title.StartsWith("European Parliament", StringComparison.Ordinal) ? null : published;
                db.Incidents.Add(incident);
            }

            await db.SaveChangesAsync();
        }

        Public = await PublicProcess.StartAsync(Database);
    }

    public async Task DisposeAsync()
    {
        await Public.DisposeAsync();
        await Database.DisposeAsync();
    }
}
