namespace AdilSoz.Intake.Core.Reports;

/// <summary>A month as people read it in each language, in the monthly report's wording.</summary>
public static class MonthNames
{
    /// <summary>"Февраль 2021", "2021 жылғы ақпан", "February 2021"; <paramref name="lang"/> is kk, ru or en.</summary>
    public static string Of(int year, int month, string lang) => ReportTexts.For(lang).MonthAndYear(year, month);
}
