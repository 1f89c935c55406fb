using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Reports;

namespace AdilSoz.Intake.Tests.Reports;

public sealed class MonthlyReportCalculatorTests
{
    /// <summary>
    /// Hand-computed fixture across the year and month boundaries:
    /// a: civil, honor, filed 2020-12-31, claims 100; ruled 2021-01-01 against the media, 10 collected.
    /// b: civil, not honor, filed 2021-01-01, claims 200; ruled 2021-01-31 for the media, 2021-02-01 against it (20 collected).
    /// c: criminal, in court, filed 2021-01-31, never ruled.
    /// d: administrative, filed 2021-02-01; ruled 2021-02-28 for the media, with a sum that is not a civil collection.
    /// e: civil, honor, filed 2021-02-28, claims 400; ruled 2021-03-01 against the media, 40 collected.
    /// </summary>
    private static List<LegalCase> Fixture() =>
    [
        Case(LegalCaseKind.Civil, D(2020, 12, 31), honor: true, claimed: 100, rulings: R(D(2021, 1, 1), false, 10)),
        Case(LegalCaseKind.Civil, D(2021, 1, 1), claimed: 200, rulings: [R(D(2021, 1, 31), true), R(D(2021, 2, 1), false, 20)]),
        Case(LegalCaseKind.Criminal, D(2021, 1, 31), inCourt: true),
        Case(LegalCaseKind.Administrative, D(2021, 2, 1), rulings: R(D(2021, 2, 28), true, 999)),
        Case(LegalCaseKind.Civil, D(2021, 2, 28), honor: true, claimed: 400, rulings: R(D(2021, 3, 1), false, 40)),
    ];

    public static TheoryData<int, int, JudicialActsFigures, CaseFigures, CaseFigures> Months => new()
    {
        // December 2020: only case a exists; its ruling falls on January 1 and is not December's.
        { 2020, 12, new(0, 0), Figures(civil: (1, 1, 100, 0)), Figures(civil: (1, 1, 100, 0)) },
        // January: a's and b's January rulings; b and c filed; a (filed Dec 31) is not in the year.
        { 2021, 1, new(2, 1), Figures(criminal: (1, 1), civil: (1, 0, 200, 10)), Figures(criminal: (1, 1), civil: (1, 0, 200, 10)) },
        // February: b's appeal and d's ruling; e and d filed; d's sum is not a civil collection.
        { 2021, 2, new(2, 1), Figures(civil: (1, 1, 400, 20), administrative: 1), Figures(criminal: (1, 1), civil: (2, 1, 600, 30), administrative: 1) },
        // March: nothing filed; e ruled on March 1 with 40 collected.
        { 2021, 3, new(1, 0), Figures(civil: (0, 0, 0, 40)), Figures(criminal: (1, 1), civil: (2, 1, 600, 70), administrative: 1) },
        // A later year sees none of it.
        { 2022, 1, new(0, 0), Figures(), Figures() },
    };

    [Theory]
    [MemberData(nameof(Months))]
    public void Figures_follow_filing_dates_and_ruling_dates(int year, int month, JudicialActsFigures acts, CaseFigures filed, CaseFigures yearToDate)
    {
        var report = MonthlyReportCalculator.Compute(year, month, [], Fixture());

        Assert.Equal($"{year:D4}-{month:D2}", report.Month);
        Assert.Equal(acts, report.JudicialActs);
        Assert.Equal(filed, report.Filed);
        Assert.Equal(yearToDate, report.YearToDate);
    }

    [Theory]
    [InlineData(2024, 2, "2024-02-01", "2024-02-29", "2024-01-01")]
    [InlineData(2021, 2, "2021-02-01", "2021-02-28", "2021-01-01")]
    [InlineData(2020, 12, "2020-12-01", "2020-12-31", "2020-01-01")]
    [InlineData(2021, 1, "2021-01-01", "2021-01-31", "2021-01-01")]
    public void Range_gives_the_calendar_month_and_the_first_of_january(int year, int month, string start, string end, string yearStart)
    {
        var range = MonthlyReportCalculator.Range(year, month);

        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(yearStart, System.Globalization.CultureInfo.InvariantCulture)), range);
    }

    [Theory]
    [InlineData(2021, 0)]
    [InlineData(2021, 13)]
    [InlineData(0, 5)]
    public void Range_rejects_an_impossible_month(int year, int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MonthlyReportCalculator.Range(year, month));

    [Fact]
    public void Leap_day_belongs_to_february_and_not_to_march()
    {
        List<LegalCase> cases =
        [
            Case(LegalCaseKind.Civil, D(2024, 2, 29), honor: true, claimed: 1_000_000, rulings: R(D(2024, 2, 29), false, 300_000)),
            Case(LegalCaseKind.Administrative, D(2024, 3, 1)),
        ];

        var february = MonthlyReportCalculator.Compute(2024, 2, [], cases);
        var march = MonthlyReportCalculator.Compute(2024, 3, [], cases);

        Assert.Equal(new JudicialActsFigures(1, 0), february.JudicialActs);
        Assert.Equal(Figures(civil: (1, 1, 1_000_000, 300_000)), february.Filed);
        Assert.Equal(new JudicialActsFigures(0, 0), march.JudicialActs);
        Assert.Equal(Figures(administrative: 1), march.Filed);
        Assert.Equal(Figures(civil: (1, 1, 1_000_000, 300_000), administrative: 1), march.YearToDate);
    }

    [Fact]
    public void A_case_passed_twice_counts_once()
    {
        var byReference = Case(LegalCaseKind.Civil, D(2021, 2, 5), honor: true, claimed: 500, rulings: R(D(2021, 2, 20), true));
        var saved = Case(LegalCaseKind.Administrative, D(2021, 2, 6));
        saved.Id = 42;
        var sameRowLoadedAgain = Case(LegalCaseKind.Administrative, D(2021, 2, 6));
        sameRowLoadedAgain.Id = 42;

        var report = MonthlyReportCalculator.Compute(2021, 2, [], [byReference, byReference, saved, sameRowLoadedAgain]);

        Assert.Equal(new JudicialActsFigures(1, 1), report.JudicialActs);
        Assert.Equal(Figures(civil: (1, 1, 500, 0), administrative: 1), report.Filed);
    }

    [Fact]
    public void Judicial_acts_count_rulings_of_every_kind_but_only_civil_rulings_are_collected_sums()
    {
        List<LegalCase> cases =
        [
            Case(LegalCaseKind.Criminal, D(2020, 6, 1), inCourt: true, rulings: R(D(2021, 2, 3), false, 70_000)),
            Case(LegalCaseKind.Administrative, D(2021, 1, 20), rulings: R(D(2021, 2, 4), false, 30_000)),
            Case(LegalCaseKind.Civil, D(2019, 5, 1), honor: true, claimed: 9_000_000, rulings: R(D(2021, 2, 5), false, 50_000)),
        ];

        var report = MonthlyReportCalculator.Compute(2021, 2, [], cases);

        Assert.Equal(new JudicialActsFigures(3, 0), report.JudicialActs);
        Assert.Equal(Figures(civil: (0, 0, 0, 50_000)), report.Filed);
        Assert.Equal(Figures(civil: (0, 0, 0, 50_000), administrative: 1), report.YearToDate);
    }

    [Fact]
    public void Only_public_incidents_of_the_month_with_a_narrative_are_listed_in_date_order()
    {
        List<Incident> incidents =
        [
            Incident(3, D(2021, 2, 20), "Late February", narrative: "Told."),
            Incident(1, D(2021, 2, 1), "First of February", narrative: "Told."),
            Incident(2, D(2021, 1, 31), "Last of January", narrative: "Told."),
            Incident(4, D(2021, 3, 1), "First of March", narrative: "Told."),
            Incident(5, D(2021, 2, 10), "Only a lawsuit", narrative: null),
            Incident(6, D(2021, 2, 11), "Private", narrative: "Told.", isPublic: false),
        ];

        var report = MonthlyReportCalculator.Compute(2021, 2, incidents, []);

        Assert.Equal(["First of February", "Late February"], report.Incidents.Select(i => i.Title));
        Assert.Equal([1L, 3L], report.Incidents.Select(i => i.Id));
    }

    internal static CaseFigures Figures((int Total, int InCourt)? criminal = null, (int Total, int Honor, long Claimed, long Collected)? civil = null, int administrative = 0)
    {
        var (ct, ci) = criminal ?? (0, 0);
        var (vt, vh, vc, vk) = civil ?? (0, 0, 0, 0);
        return new CaseFigures(new CriminalFigures(ct, ci), new CivilFigures(vt, vh, vc, vk), new AdministrativeFigures(administrative));
    }

    private static LegalCase Case(LegalCaseKind kind, DateOnly filed, bool honor = false, long claimed = 0, bool inCourt = false, params Ruling[] rulings) => new()
    {
        Kind = kind,
        FiledOn = filed,
        HonorDignity = honor,
        ClaimedKzt = claimed,
        InCourt = inCourt,
        Rulings = [.. rulings],
    };

    private static Ruling R(DateOnly on, bool inFavorOfMedia, long collected = 0) =>
        new() { On = on, InFavorOfMedia = inFavorOfMedia, CollectedKzt = collected };

    private static Incident Incident(long id, DateOnly on, string title, string? narrative, bool isPublic = true) =>
        new() { Id = id, OccurredOn = on, Title = title, Summary = title + ".", Narrative = narrative, IsPublic = isPublic };

    private static DateOnly D(int year, int month, int day) => new(year, month, day);
}
