using AdilSoz.Intake.Core.Demo;
using AdilSoz.Intake.Core.Reports;
using AdilSoz.Intake.Language.Reference;
using static AdilSoz.Intake.Tests.Reports.MonthlyReportCalculatorTests;

namespace AdilSoz.Intake.Tests.Reports;

/// <summary>The demo registry reproduces the figures of the foundation's February 2021 report (../shared/seeds).</summary>
public sealed class February2021ReportTests
{
    internal static MonthlyReport Report()
    {
        var incidents = February2021.Incidents();
        return MonthlyReportCalculator.Compute(2021, 2, incidents, incidents.SelectMany(i => i.LegalCases));
    }

    [Fact]
    public void The_demo_registry_gives_the_seed_figures()
    {
        var report = Report();

        Assert.Equal("2021-02", report.Month);
        Assert.Equal(new JudicialActsFigures(4, 3), report.JudicialActs);
        Assert.Equal(Figures(civil: (5, 4, 5_000_000, 50_000), administrative: 4), report.Filed);
        Assert.Equal(Figures(criminal: (1, 0), civil: (10, 9, 16_000_000, 5_050_000), administrative: 6), report.YearToDate);
    }

    [Fact]
    public void The_report_tells_the_three_incidents_of_the_seed_in_its_order()
    {
        var titles = Report().Incidents.Select(i => i.Summary).ToList();

        Assert.Equal(3, titles.Count);
        Assert.StartsWith("\"Uralskaya Nedelya\" reporters were detained", titles[0]);
        Assert.StartsWith("Ministry of Information and Public Development has published the draft Rules", titles[1]);
        Assert.StartsWith("The European Parliament adopted a resolution", titles[2]);
    }

    [Fact]
    public void Demo_incidents_use_codes_of_the_reference_lists()
    {
        var regions = ReferenceData.Regions.Select(r => r.Code).ToHashSet();
        var categories = ReferenceData.Categories.Select(c => c.Code).ToHashSet();

        foreach (var incident in February2021.Incidents())
        {
            Assert.True(incident.RegionCode is null || regions.Contains(incident.RegionCode), incident.RegionCode);
            Assert.Contains(incident.CategoryCode!, categories);
        }

        foreach (var submission in February2021.Submissions)
        {
            Assert.True(submission.RegionCode is null || regions.Contains(submission.RegionCode), submission.RegionCode);
        }
    }

    [Fact]
    public void Demo_submissions_cover_three_languages_both_channels_and_one_cluster_in_three_languages()
    {
        var submissions = February2021.Submissions;
        var cluster = submissions.Where(s => s.EventKey == February2021.UralskDetentionEvent).ToList();

        Assert.InRange(submissions.Count, 10, 15);
        Assert.Equal(["en", "kk", "ru"], submissions.Select(s => s.Language).Distinct().Order());
        Assert.Equal(2, submissions.Select(s => s.Channel).Distinct().Count());
        Assert.Equal(["en", "kk", "ru"], cluster.Select(s => s.Language).Order());
    }

    [Theory]
    [InlineData("Four judicial acts were issued against media in connection with the exercise of the right to freedom of expression, the receipt and dissemination of information in February 2021. Three of them were in favor of defendants.")]
    [InlineData("The following charges were filed in connection with the exercise of the right to freedom of expression:")]
    [InlineData("- 5 civil claims and lawsuits (four of them for protection of honor, dignity and business reputation). Claims for compensation for non-pecuniary damage amounted to 5 million tenge. The courts collected 50 thousand tenge.\n- 4 administrative charges\n")]
    [InlineData("The following charges were filed since the beginning of the year:")]
    [InlineData("- 1 criminal charge (none in court).\n- 10 claims and suits in civil procedure (nine of them for protection of honor, dignity and business reputation). Claims for compensation for non-pecuniary damage amounted to 16 million tenge. The courts collected 5 million 50 thousand tenge.\n- 6 administrative charges\n")]
    [InlineData("# Violations of Freedom of Speech in Kazakhstan February 2021")]
    [InlineData("It reports:")]
    [InlineData("For all monitoring questions, you can also contact info@adilsoz.kz")]
    public void The_english_markdown_has_the_seed_sentences(string sentence)
    {
        Assert.Contains(sentence, MonthlyReportRenderer.ToMarkdown(Report(), "en"));
    }

    [Theory]
    [InlineData("ru", "В феврале 2021 года против СМИ в связи с реализацией права на свободу выражения, получение и распространение информации вынесено четыре судебных акта. Три из них вынесены в пользу ответчиков.")]
    [InlineData("ru", "- 5 гражданских исков (четыре из них — о защите чести, достоинства и деловой репутации). Сумма исков о компенсации морального вреда составила 5 млн тенге. Суды взыскали 50 тыс. тенге.")]
    [InlineData("ru", "- 4 административных обвинения\n")]
    [InlineData("ru", "- 1 уголовное обвинение (в суд не передано).")]
    [InlineData("ru", "- 10 гражданских исков (девять из них — о защите чести, достоинства и деловой репутации). Сумма исков о компенсации морального вреда составила 16 млн тенге. Суды взыскали 5 млн 50 тыс. тенге.")]
    [InlineData("ru", "- 6 административных обвинений\n")]
    [InlineData("kk", "2021 жылғы ақпанда пікір білдіру бостандығы, ақпарат алу және тарату құқығын жүзеге асыруға байланысты БАҚ-қа қарсы төрт сот актісі шығарылды. Оның үшеуі жауапкерлердің пайдасына шешілді.")]
    [InlineData("kk", "- 5 азаматтық талап-арыз (оның төртеуі ар-намысты, қадір-қасиетті және іскерлік беделді қорғау туралы). Моральдық зиянды өтеу туралы талаптардың сомасы 5 млн теңге болды. Соттар 50 мың теңге өндіріп алды.")]
    [InlineData("kk", "- 1 қылмыстық айыптау (сотқа жіберілген жоқ).")]
    [InlineData("kk", "Соттар 5 млн 50 мың теңге өндіріп алды.")]
    public void The_russian_and_kazakh_markdown_have_the_figures(string lang, string sentence)
    {
        Assert.Contains(sentence, MonthlyReportRenderer.ToMarkdown(Report(), lang));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("kk")]
    public void Every_language_keeps_the_foundation_order(string lang)
    {
        var document = MonthlyReportRenderer.Build(Report(), lang);
        var paragraphs = MonthlyReportRenderer.ToPlainParagraphs(document);

        int At(string text) => paragraphs.ToList().FindIndex(p => p == text);

        Assert.Equal(3, document.Incidents.Count);
        Assert.Equal(8, document.Incidents[0].Paragraphs.Count);
        Assert.True(At(document.Title) < At(document.IncidentsHeading));
        Assert.True(At(document.IncidentsHeading) < At(document.JudicialActs));
        Assert.True(At(document.JudicialActs) < At(document.Filed.Heading));
        Assert.True(At(document.Filed.Heading) < At(document.YearToDate.Heading));
        Assert.True(At(document.YearToDate.Heading) < At(document.Footer.Sources));
    }
}
