using System.Globalization;
using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.WebForm.Incidents;
using AdilSoz.Intake.Admin.WebForm.Map;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Reports;
using AdilSoz.Intake.Language.Reference;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.WebForm.Months;

/// <summary>
/// <c>/months</c>: how many published incidents happened in each month (by the date they happened) for the chosen
/// filters, as server-drawn SVG columns and as a table whose months lead to the list of that month. It shows the 24
/// months up to the latest month with incidents for the filters (so an archive that ends years ago is still seen,
/// and months without incidents show as zero rather than vanish), or the period chosen with from/to, its last
/// <see cref="MostMonths"/> months at most.
/// </summary>
public sealed class IndexModel(IntakeDbContext db, PublicText text, FoundationClock clock) : PageModel
{
    public const int DefaultMonths = 24;
    public const int MostMonths = 60;

    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(9998, 12, 1);

    public sealed record MonthRow(DateOnly Month, string Name, long Count, string Href);

    public PublicFilter Filter { get; private set; } = new();

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public IReadOnlyList<MonthRow> Rows { get; private set; } = [];

    /// <summary>True when the chosen period is longer than <see cref="MostMonths"/> and only its last months are shown.</summary>
    public bool Limited { get; private set; }

    public string Svg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PublicFreshness.IsCurrentAsync(HttpContext, db, ct))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Filter = PublicFilter.Parse(Request.Query);
        Regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(ct);
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);

        var last = Clamp(MonthOf(Filter.To) ?? await LatestMonthAsync(ct) ?? MonthOf(clock.Today)!.Value);
        var first = Clamp(MonthOf(Filter.From) ?? last.AddMonths(1 - DefaultMonths));
        if (first > last)
        {
            (first, last) = (last, first);
        }

        if (first < last.AddMonths(1 - MostMonths))
        {
            first = last.AddMonths(1 - MostMonths);
            Limited = true;
        }

        var counts = await CountAsync(first, last, ct);
        var language = UiLanguage.Current(HttpContext);
        var rows = new List<MonthRow>();
        for (var m = first; m <= last; m = m.AddMonths(1))
        {
            var end = m.AddMonths(1).AddDays(-1);
            var period = Filter with
            {
                From = Filter.From is { } from && from > m ? from : m,
                To = Filter.To is { } to && to < end ? to : end,
            };
            rows.Add(new MonthRow(m, MonthNames.Of(m.Year, m.Month, language), counts.GetValueOrDefault(m), "/incidents?" + period.ToQuery()));
        }

        Rows = rows;
        Svg = SvgChart.Columns(text["Months.Title"], [.. rows.Select(r => r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture))],
            [new SvgChart.Series(text["Map.Count"], RegionTiles.Shades[3], [.. rows.Select(r => (int)r.Count)])]);
        return Page();
    }

    /// <summary>The first day of the latest month with published incidents for the filters; null when there are none.</summary>
    private async Task<DateOnly?> LatestMonthAsync(CancellationToken ct) => Filter.ByRegionAndCategoryOnly
        ? await Kept().MaxAsync(c => (DateOnly?)c.Month, ct)
        : MonthOf(await Filter.Apply(db.PublicIncidents.AsNoTracking(), Categories).MaxAsync(i => (DateOnly?)i.OccurredOn, ct));

    /// <summary>
    /// The published incidents for the filters per month from <paramref name="first"/> to <paramref name="last"/>: the
    /// counts kept as the incidents change when no filter but the region and the category is chosen, else counted from
    /// the incidents.
    /// </summary>
    private async Task<Dictionary<DateOnly, long>> CountAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        if (Filter.ByRegionAndCategoryOnly)
        {
            return await Kept().Where(c => c.Month >= first && c.Month <= last)
                .GroupBy(c => c.Month).Select(g => new { g.Key, Count = g.Sum(c => c.Published) })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        }

        var end = last.AddMonths(1).AddDays(-1);
        var counted = await Filter.Apply(db.PublicIncidents.AsNoTracking(), Categories)
            .Where(i => i.OccurredOn >= first && i.OccurredOn <= end)
            .GroupBy(i => new { i.OccurredOn.Year, i.OccurredOn.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.LongCount() })
            .ToListAsync(ct);
        return counted.ToDictionary(g => new DateOnly(g.Year, g.Month, 1), g => g.Count);
    }

    private IQueryable<PublicIncidentMonth> Kept()
    {
        var kept = db.PublicIncidentMonths.AsNoTracking();
        if (Filter.Region is { } region)
        {
            kept = kept.Where(c => c.RegionCode == region);
        }

        if (Filter.CategoryCodes(Categories) is { } codes)
        {
            kept = kept.Where(c => c.CategoryCode != null && codes.Contains(c.CategoryCode));
        }

        return kept;
    }

    /// <summary>A month whose neighbours, the range's and the list's, are dates too (a typed year 1 or 9999 is not an error).</summary>
    private static DateOnly Clamp(DateOnly month) =>
        month < Earliest ? Earliest : month > Latest ? Latest : month;

    private static DateOnly? MonthOf(DateOnly? day) => day is { } d ? new DateOnly(d.Year, d.Month, 1) : null;
}
