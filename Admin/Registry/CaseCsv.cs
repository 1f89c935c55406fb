using System.Globalization;
using System.Text;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Language.Reference;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Registry;

/// <summary>
/// CSV export and import of legal cases, a row per case, linked to its incident by <c>incidentId</c> or by
/// <c>incidentTitle</c> and <c>incidentOccurredOn</c> (the incident export's title and occurredOn columns).
/// Rulings are in <c>rulingList</c>: <c>date|media|collected|outcome</c> ("media" when in favour of the media,
/// "against" otherwise), separated by "; ". The columns <c>rulings</c>, <c>rulingsInFavorOfMedia</c>,
/// <c>collectedKzt</c> and <c>lastRulingOn</c> sum them up; on import they must agree with the list.
/// </summary>
public static partial class CaseCsv
{
    public static readonly string[] Columns =
    [
        "incidentId", "incidentTitle", "kind", "article", "plaintiffType", "filedOn", "honorDignity", "inCourt",
        "claimedKzt", "stage", "nextHearingOn", "rulings", "rulingsInFavorOfMedia", "collectedKzt", "lastRulingOn",
        "incidentOccurredOn", "rulingList",
    ];

    private const string Separator = "; ";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>True when the header is a cases file (it has <c>kind</c> and <c>filedOn</c>, no <c>occurredOn</c>).</summary>
    public static bool IsCasesFile(string csv)
    {
        var header = Csv.Read(csv).FirstOrDefault().Fields?.Select(f => f.Trim()).ToList() ?? [];
        return header.Contains("kind", StringComparer.OrdinalIgnoreCase) && header.Contains("filedOn", StringComparer.OrdinalIgnoreCase)
            && !header.Contains("occurredOn", StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The legal cases of the filtered incidents (and of the filter's case kind), newest filing first.</summary>
    public static async Task<string> ExportAsync(IntakeDbContext db, IncidentFilter filter, IReadOnlyCollection<Category> categories, CancellationToken ct)
    {
        var sb = new StringBuilder();
        Csv.WriteRow(sb, Columns);
        foreach (var row in await RowsAsync(db, filter, categories, ct))
        {
            Csv.WriteRow(sb, row);
        }

        return sb.ToString();
    }

    /// <summary>The export's fields (<see cref="Columns"/>) of the cases of the filtered incidents.</summary>
    public static async Task<List<string?[]>> RowsAsync(IntakeDbContext db, IncidentFilter filter, IReadOnlyCollection<Category> categories, CancellationToken ct)
    {
        var incidents = filter.Apply(db.Incidents.AsNoTracking(), categories);
        var cases = await db.LegalCases.AsNoTracking().Include(c => c.Rulings).Include(c => c.Incident)
            .Where(c => incidents.Any(i => i.Id == c.IncidentId) && (filter.CaseKind == null || c.Kind == filter.CaseKind))
            .OrderByDescending(c => c.FiledOn).ThenByDescending(c => c.Id)
            .AsSplitQuery()
            .ToListAsync(ct);
        var rows = new List<string?[]>(cases.Count);
        foreach (var c in cases)
        {
            var rulings = c.Rulings.OrderBy(r => r.On).ThenBy(r => r.Id).ToList();
            rows.Add(
            [
                c.IncidentId.ToString(Inv), c.Incident?.Title, c.Kind.ToString().ToLowerInvariant(), c.Article, c.PlaintiffType,
                Day(c.FiledOn), c.HonorDignity ? "yes" : "no", c.InCourt ? "yes" : "no",
                c.ClaimedKzt.ToString(Inv), c.Stage, c.NextHearingOn is { } h ? Day(h) : null,
                rulings.Count.ToString(Inv), rulings.Count(r => r.InFavorOfMedia).ToString(Inv),
                rulings.Sum(r => r.CollectedKzt).ToString(Inv),
                rulings.Count == 0 ? null : Day(rulings.Max(r => r.On)),
                c.Incident is { } i ? Day(i.OccurredOn) : null,
                string.Join(Separator, rulings.Select(r => string.Join('|', Day(r.On), r.InFavorOfMedia ? "media" : "against", r.CollectedKzt.ToString(Inv), r.Outcome?.Replace(";", ",", StringComparison.Ordinal)).TrimEnd('|'))),
            ]);
        }

        return rows;
    }

    private static DateOnly? Day(string s) =>
        DateOnly.TryParseExact(s.Trim(), ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], Inv, DateTimeStyles.None, out var d) ? d : null;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);
}
