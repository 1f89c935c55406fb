using AdilSoz.Intake.Core.Reports;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Tests.Reports;

public sealed class WordingTests
{
    [Theory]
    [InlineData(0, "исков")]
    [InlineData(1, "иск")]
    [InlineData(2, "иска")]
    [InlineData(4, "иска")]
    [InlineData(5, "исков")]
    [InlineData(11, "исков")]
    [InlineData(12, "исков")]
    [InlineData(14, "исков")]
    [InlineData(21, "иск")]
    [InlineData(22, "иска")]
    [InlineData(25, "исков")]
    [InlineData(101, "иск")]
    [InlineData(111, "исков")]
    [InlineData(1004, "иска")]
    public void Russian_nouns_agree_with_the_number(long n, string expected) =>
        Assert.Equal(expected, Plural.Choose("ru", n, "иск", "иска", "исков"));

    [Theory]
    [InlineData(5_000_000, "en", "5 million tenge")]
    [InlineData(50_000, "en", "50 thousand tenge")]
    [InlineData(5_050_000, "en", "5 million 50 thousand tenge")]
    [InlineData(16_000_000, "en", "16 million tenge")]
    [InlineData(5_000_000, "ru", "5 млн тенге")]
    [InlineData(50_000, "ru", "50 тыс. тенге")]
    [InlineData(5_050_000, "ru", "5 млн 50 тыс. тенге")]
    [InlineData(16_000_000, "ru", "16 млн тенге")]
    [InlineData(1_500_000, "ru", "1 млн 500 тыс. тенге")]
    [InlineData(2_000_000_000, "ru", "2 млрд тенге")]
    [InlineData(750, "ru", "750 тенге")]
    [InlineData(1_000_250, "en", "1 million 250 tenge")]
    [InlineData(0, "en", "0 tenge")]
    [InlineData(5_000_000, "kk", "5 млн теңге")]
    [InlineData(50_000, "kk", "50 мың теңге")]
    [InlineData(5_050_000, "KK", "5 млн 50 мың теңге")]
    public void Amounts_are_written_in_millions_and_thousands(long kzt, string lang, string expected) =>
        Assert.Equal(expected, Money.Format(kzt, lang));

    [Fact]
    public void An_unknown_language_is_refused() =>
        Assert.Throws<ArgumentException>(() => Money.Format(1, "de"));

    [Theory]
    [InlineData(1, "en", RussianGender.Masculine, "one")]
    [InlineData(4, "en", RussianGender.Masculine, "four")]
    [InlineData(1, "ru", RussianGender.Masculine, "один")]
    [InlineData(1, "ru", RussianGender.Neuter, "одно")]
    [InlineData(1, "ru", RussianGender.Feminine, "одна")]
    [InlineData(2, "ru", RussianGender.Feminine, "две")]
    [InlineData(2, "ru", RussianGender.Neuter, "два")]
    [InlineData(9, "ru", RussianGender.Masculine, "девять")]
    [InlineData(10, "kk", RussianGender.Masculine, "он")]
    [InlineData(4, "kk", RussianGender.Masculine, "төрт")]
    [InlineData(11, "en", RussianGender.Masculine, "11")]
    public void Numbers_up_to_ten_are_words(long n, string lang, RussianGender gender, string expected) =>
        Assert.Equal(expected, NumberWords.Cardinal(n, lang, gender));

    public static TheoryData<string, JudicialActsFigures, string> JudicialActs => new()
    {
        { "en", new(0, 0), "No judicial acts were issued against media" },
        { "en", new(1, 1), "One judicial act was issued against media" },
        { "en", new(1, 0), "It was not in favor of the defendant." },
        { "en", new(2, 1), "Two judicial acts were issued against media" },
        { "en", new(2, 1), "One of them was in favor of defendants." },
        { "en", new(3, 3), "All of them were in favor of defendants." },
        { "en", new(12, 0), "12 judicial acts were issued against media" },
        { "en", new(12, 0), "None of them were in favor of defendants." },
        { "ru", new(0, 0), "В марте 2021 года судебных актов против СМИ" },
        { "ru", new(1, 0), "вынесен один судебный акт. Он вынесен не в пользу ответчика." },
        { "ru", new(2, 1), "вынесено два судебных акта. Один из них вынесен в пользу ответчиков." },
        { "ru", new(5, 0), "вынесено пять судебных актов. Ни один из них не вынесен в пользу ответчиков." },
        { "ru", new(21, 21), "вынесен 21 судебный акт. Все они вынесены в пользу ответчиков." },
        { "kk", new(0, 0), "сот актілері шығарылған жоқ." },
        { "kk", new(2, 1), "екі сот актісі шығарылды. Оның біреуі жауапкерлердің пайдасына шешілді." },
        { "kk", new(15, 12), "15 сот актісі шығарылды. Оның ішінде 12 сот актісі жауапкерлердің пайдасына шешілді." },
    };

    [Theory]
    [MemberData(nameof(JudicialActs))]
    public void Judicial_acts_read_naturally_for_any_count(string lang, JudicialActsFigures acts, string expected)
    {
        var report = Report(acts, MonthlyReportCalculatorTests.Figures());

        Assert.Contains(expected, MonthlyReportRenderer.Build(report, lang).JudicialActs);
    }

    [Theory]
    [InlineData("en", "No charges were filed in connection with the exercise of the right to freedom of expression in March 2021.", "No charges were filed since the beginning of the year.")]
    [InlineData("ru", "В марте 2021 года обвинений и исков в связи с реализацией права на свободу выражения не поступало.", "С начала года обвинений и исков в связи с реализацией права на свободу выражения не поступало.")]
    [InlineData("kk", "2021 жылғы наурызда пікір білдіру бостандығы құқығын жүзеге асыруға байланысты айыптаулар мен талап-арыздар түскен жоқ.", "Жыл басынан бері айыптаулар мен талап-арыздар түскен жоқ.")]
    public void A_month_without_cases_says_so(string lang, string month, string yearToDate)
    {
        var document = MonthlyReportRenderer.Build(Report(new(0, 0), MonthlyReportCalculatorTests.Figures()), lang);

        Assert.Equal(new ReportFiguresBlock(month, []), document.Filed);
        Assert.Equal(new ReportFiguresBlock(yearToDate, []), document.YearToDate);
        Assert.Empty(document.Incidents);
        Assert.DoesNotContain(document.IncidentsHeading, MonthlyReportRenderer.ToMarkdown(document));
    }

    [Theory]
    [InlineData("en", "1 civil claim (for protection of honor, dignity and business reputation). No compensation for non-pecuniary damage was claimed. The courts did not collect any sums.")]
    [InlineData("en", "3 criminal charges (two of them in court).")]
    [InlineData("en", "1 administrative charge")]
    [InlineData("ru", "1 гражданский иск (о защите чести, достоинства и деловой репутации). Требований о компенсации морального вреда не заявлено. Суды ничего не взыскали.")]
    [InlineData("ru", "3 уголовных обвинения (два из них переданы в суд).")]
    [InlineData("ru", "1 административное обвинение")]
    [InlineData("kk", "1 азаматтық талап-арыз (ар-намысты, қадір-қасиетті және іскерлік беделді қорғау туралы). Моральдық зиянды өтеу талап етілген жоқ. Соттар ешқандай сома өндіріп алған жоқ.")]
    [InlineData("kk", "3 қылмыстық айыптау (оның екеуі сотқа жіберілді).")]
    public void Single_and_partial_counts_read_naturally(string lang, string expected)
    {
        var filed = MonthlyReportCalculatorTests.Figures(criminal: (3, 2), civil: (1, 1, 0, 0), administrative: 1);

        Assert.Contains(expected, MonthlyReportRenderer.Build(Report(new(0, 0), filed), lang).Filed.Items);
    }

    [Fact]
    public void Text_typed_by_editors_stays_literal_in_markdown()
    {
        var report = Report(new(0, 0), MonthlyReportCalculatorTests.Figures()) with
        {
            Incidents = [new ReportIncident(1, "T", "*Bold* claim [link](x) <b>", new DateOnly(2021, 3, 2), "# Not a heading\n\n1. Not a list")],
        };

        var md = MonthlyReportRenderer.ToMarkdown(report, "en");

        Assert.Contains(@"- \*Bold\* claim \[link\](x) \<b\>", md);
        Assert.Contains(@"\# Not a heading", md);
        Assert.Contains(@"1\. Not a list", md);
    }

    private static MonthlyReport Report(JudicialActsFigures acts, CaseFigures figures) => new()
    {
        Month = "2021-03",
        JudicialActs = acts,
        Filed = figures,
        YearToDate = figures,
        Incidents = [],
    };
}
