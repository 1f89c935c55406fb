using AdilSoz.Intake.Core.Registry;

namespace AdilSoz.Intake.Core.Reports;

/// <summary>
/// Computes the monthly figures from registry rows. Counting rules (CONTRACT.md): cases count by their
/// filing date; claimed sums follow the cases filed in the period; judicial acts and collected sums
/// follow the rulings dated in the period, whenever their case was filed. Judicial acts count the rulings
/// of every kind of case (criminal, civil and administrative): the foundation counts all judicial acts
/// against media in connection with freedom of expression. Collected sums are those of civil rulings.
/// </summary>
public static class MonthlyReportCalculator
{
    /// <summary>
    /// The dates the caller loads rows for, all inclusive: the month is
    /// <c>MonthStart..MonthEnd</c>, the year to date <c>YearStart..MonthEnd</c>. Load the incidents that
    /// occurred in the month, and the cases filed in the year to date together with the cases that have a
    /// ruling dated in the year to date (with their rulings).
    /// </summary>
    public static (DateOnly MonthStart, DateOnly MonthEnd, DateOnly YearStart) Range(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        var start = new DateOnly(year, month, 1);
        return (start, start.AddDays(DateTime.DaysInMonth(year, month) - 1), new DateOnly(year, 1, 1));
    }

    /// <summary>
    /// An incident is listed under "It reports:" when it is public and an Editor wrote its narrative;
    /// incidents that only carry a lawsuit or a charge are counted in the figures, not told.
    /// </summary>
    public static bool IsNotable(Incident incident) =>
        incident.IsPublic && !string.IsNullOrWhiteSpace(incident.Narrative);

    /// <summary>
    /// Computes the report of <paramref name="year"/>-<paramref name="month"/>. Rows outside the month
    /// (incidents) or the year to date (cases, rulings) are ignored, and a case passed twice (by reference
    /// or by id) counts once, so the caller may over-fetch.
    /// </summary>
    public static MonthlyReport Compute(int year, int month, IEnumerable<Incident> incidentsOfMonth, IEnumerable<LegalCase> casesWithRulings)
    {
        var (monthStart, monthEnd, yearStart) = Range(year, month);
        var cases = DistinctCases(casesWithRulings).ToList();

        var incidents = Distinct(incidentsOfMonth, i => i.Id)
            .Where(i => In(i.OccurredOn, monthStart, monthEnd) && IsNotable(i))
            .OrderBy(i => i.OccurredOn)
            .ThenBy(i => i.Id)
            .Select(i => new ReportIncident(i.Id, i.Title, i.Summary, i.OccurredOn, i.Narrative, i.Texts()))
            .ToList();

        var actsOfMonth = Rulings(cases, monthStart, monthEnd).ToList();

        return new MonthlyReport
        {
            Month = $"{year:D4}-{month:D2}",
            JudicialActs = new JudicialActsFigures(actsOfMonth.Count, actsOfMonth.Count(r => r.Ruling.InFavorOfMedia)),
            Filed = Figures(cases, monthStart, monthEnd),
            YearToDate = Figures(cases, yearStart, monthEnd),
            Incidents = incidents,
        };
    }

    private static CaseFigures Figures(List<LegalCase> cases, DateOnly from, DateOnly to)
    {
        var filed = cases.Where(c => In(c.FiledOn, from, to)).ToList();
        var criminal = filed.Where(c => c.Kind == LegalCaseKind.Criminal).ToList();
        var civil = filed.Where(c => c.Kind == LegalCaseKind.Civil).ToList();
        var collected = Rulings(cases, from, to)
            .Where(r => r.Case.Kind == LegalCaseKind.Civil)
            .Sum(r => r.Ruling.CollectedKzt);

        return new CaseFigures(
            new CriminalFigures(criminal.Count, criminal.Count(c => c.InCourt)),
            new CivilFigures(civil.Count, civil.Count(c => c.HonorDignity), civil.Sum(c => c.ClaimedKzt), collected),
            new AdministrativeFigures(filed.Count(c => c.Kind == LegalCaseKind.Administrative)));
    }

    private static IEnumerable<(LegalCase Case, Ruling Ruling)> Rulings(List<LegalCase> cases, DateOnly from, DateOnly to) =>
        cases.SelectMany(c => Distinct(c.Rulings, r => r.Id).Where(r => In(r.On, from, to)).Select(r => (c, r)));

    private static IEnumerable<LegalCase> DistinctCases(IEnumerable<LegalCase> cases) => Distinct(cases, c => c.Id);

    /// <summary>Drops repeated rows: the same object, or the same database id (ids of 0 are unsaved rows).</summary>
    private static IEnumerable<T> Distinct<T>(IEnumerable<T> rows, Func<T, long> id)
        where T : class
    {
        var seen = new HashSet<T>(ReferenceEqualityComparer.Instance);
        var ids = new HashSet<long>();
        foreach (var row in rows)
        {
            if (row is null || !seen.Add(row))
            {
                continue;
            }

            var key = id(row);
            if (key != 0 && !ids.Add(key))
            {
                continue;
            }

            yield return row;
        }
    }

    private static bool In(DateOnly date, DateOnly from, DateOnly to) => date >= from && date <= to;
}
