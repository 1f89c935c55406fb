namespace AdilSoz.Intake.Core.Reports;

/// <summary>The wording of the monthly report in one language; one subclass per language.</summary>
internal abstract class ReportTexts
{
    public static IReadOnlyList<string> FoundationNames { get; } =
    [
        "Сөз бостандығын қорғау халықаралық қоры",
        "Международный фонд защиты свободы слова",
        "The International Foundation for Freedom of Speech Protection",
    ];

    public abstract string Language { get; }

    public abstract string IncidentsHeading { get; }

    public abstract string Title(int year, int month);

    public abstract string Introduction(int year, int month);

    public abstract string JudicialActs(JudicialActsFigures acts, int year, int month);

    public abstract string FiledHeading(int year, int month);

    public abstract string NothingFiled(int year, int month);

    public abstract string YearToDateHeading { get; }

    public abstract string NothingFiledThisYear { get; }

    public abstract string Criminal(CriminalFigures criminal);

    public abstract string Civil(CivilFigures civil, bool yearToDate);

    public abstract string Administrative(AdministrativeFigures administrative);

    public abstract ReportFooter Footer(ReportSignatory signatory);

    public static ReportTexts For(string lang) => ReportLanguage.Normalize(lang) switch
    {
        ReportLanguage.English => new EnglishReportTexts(),
        ReportLanguage.Russian => new RussianReportTexts(),
        _ => new KazakhReportTexts(),
    };

    /// <summary>
    /// The bullet items of a block of figures, criminal first, leaving out kinds with no cases (as the foundation
    /// does); the civil line stays when courts collected sums in suits filed earlier.
    /// </summary>
    public IReadOnlyList<string> Items(CaseFigures figures, bool yearToDate)
    {
        var items = new List<string>(3);
        if (figures.Criminal.Total > 0)
        {
            items.Add(Criminal(figures.Criminal));
        }

        if (figures.Civil.Total > 0 || figures.Civil.CollectedKzt > 0)
        {
            items.Add(Civil(figures.Civil, yearToDate));
        }

        if (figures.Administrative.Total > 0)
        {
            items.Add(Administrative(figures.Administrative));
        }

        return items;
    }

    protected string Money(long kzt) => Reports.Money.Format(kzt, Language);

    protected string Words(long n, RussianGender gender = RussianGender.Masculine) => NumberWords.Cardinal(n, Language, gender);

    protected static string Digits(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
