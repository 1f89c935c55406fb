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
public sealed class PublicMonthlyReportTests(PublicMonthlyReportSite site) : IClassFixture<PublicMonthlyReportSite>
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
