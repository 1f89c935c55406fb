using System.Globalization;
using PluralRules = AdilSoz.Intake.Language.Text.Plural;

namespace AdilSoz.Intake.Core.Reports;

/// <summary>English, as the foundation's English report words it (with its grammar slips fixed).</summary>
internal sealed class EnglishReportTexts : ReportTexts
{
    private const string Context =
        "in connection with the exercise of the right to freedom of expression, the receipt and dissemination of information";

    private const string HonorDignity = "for protection of honor, dignity and business reputation";

    public override string Language => ReportLanguage.English;

    public override string IncidentsHeading => "It reports:";

    public override string YearToDateHeading => "The following charges were filed since the beginning of the year:";

    public override string NothingFiledThisYear => "No charges were filed since the beginning of the year.";

    public override string Title(int year, int month) => $"Violations of Freedom of Speech in Kazakhstan {MonthYear(year, month)}";

    public override string Introduction(int year, int month) =>
        "The International Foundation for the Protection of Freedom of Speech \"Adil Soz\" conducted a study of the situation " +
        "with the right to freedom of expression, receipt and dissemination of information in Kazakhstan in " +
        $"{MonthYear(year, month)}.";

    public override string JudicialActs(JudicialActsFigures acts, int year, int month)
    {
        var when = MonthYear(year, month);
        if (acts.Total == 0)
        {
            return $"No judicial acts were issued against media {Context} in {when}.";
        }

        if (acts.Total == 1)
        {
            var outcome = acts.InFavorOfMedia == 1 ? "It was in favor of the defendant." : "It was not in favor of the defendant.";
            return $"One judicial act was issued against media {Context} in {when}. {outcome}";
        }

        var favor = acts.InFavorOfMedia switch
        {
            0 => "None of them were in favor of defendants.",
            1 => "One of them was in favor of defendants.",
            var n when n == acts.Total => "All of them were in favor of defendants.",
            var n => $"{NumberWords.Capitalize(Words(n))} of them were in favor of defendants.",
        };
        return $"{NumberWords.Capitalize(Words(acts.Total))} judicial acts were issued against media {Context} in {when}. {favor}";
    }

    public override string FiledHeading(int year, int month) =>
        "The following charges were filed in connection with the exercise of the right to freedom of expression:";

    public override string NothingFiled(int year, int month) =>
        $"No charges were filed in connection with the exercise of the right to freedom of expression in {MonthYear(year, month)}.";

    public override string Criminal(CriminalFigures criminal)
    {
        var detail = criminal.InCourt switch
        {
            0 => "none in court",
            var n when n == criminal.Total => criminal.Total == 1 ? "in court" : "all of them in court",
            var n => $"{Words(n)} of them in court",
        };
        return $"{Digits(criminal.Total)} criminal {Plural(criminal.Total, "charge", "charges")} ({detail}).";
    }

    public override string Civil(CivilFigures civil, bool yearToDate)
    {
        if (civil.Total == 0)
        {
            return $"No civil claims or lawsuits were filed. The courts collected {Money(civil.CollectedKzt)}.";
        }

        var what = yearToDate
            ? $"{Plural(civil.Total, "claim", "claims and suits")} in civil procedure"
            : $"civil {Plural(civil.Total, "claim", "claims and lawsuits")}";
        var detail = (civil.Total, civil.HonorDignity) switch
        {
            (1, 1) => $" ({HonorDignity})",
            (1, 0) => "",
            (_, 0) => $" (none of them {HonorDignity})",
            var (t, h) when t == h => $" (all of them {HonorDignity})",
            var (_, h) => $" ({Words(h)} of them {HonorDignity})",
        };
        var claimed = civil.ClaimedKzt > 0
            ? $"Claims for compensation for non-pecuniary damage amounted to {Money(civil.ClaimedKzt)}."
            : "No compensation for non-pecuniary damage was claimed.";
        var collected = civil.CollectedKzt > 0
            ? $"The courts collected {Money(civil.CollectedKzt)}."
            : "The courts did not collect any sums.";
        return $"{Digits(civil.Total)} {what}{detail}. {claimed} {collected}";
    }

    public override string Administrative(AdministrativeFigures administrative) =>
        $"{Digits(administrative.Total)} administrative {Plural(administrative.Total, "charge", "charges")}";

    public override ReportFooter Footer(ReportSignatory signatory) => new(
        "The monitoring was done according to reports of the Adil Soz Foundation's correspondents, the media and other sources.",
        ["Head of monitoring service of Adil Soz Foundation", signatory.NameEn, $"e-mail: {signatory.Email}"],
        $"For all monitoring questions, you can also contact {signatory.ContactEmail}");

    private static string MonthYear(int year, int month) =>
        new DateTime(year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Plural(long n, string one, string many) => PluralRules.Choose(ReportLanguage.English, n, one, many, many);
}
