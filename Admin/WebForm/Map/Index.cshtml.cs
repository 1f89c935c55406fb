using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.WebForm.Incidents;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Language.Reference;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.WebForm.Map;

/// <summary>
/// <c>/map</c>: the regions coloured by the number of published incidents for the chosen filters (all but the region),
/// as a server-drawn SVG tile cartogram with a legend, and the same counts as a table; each region links to its list.
/// Below it, the same incidents by category, as bars and as a table.
/// </summary>
public sealed class IndexModel(IntakeDbContext db, PublicText text) : PageModel
{
    public PublicFilter Filter { get; private set; } = new();

    public IReadOnlyList<RegionTiles.Tile> Tiles { get; private set; } = [];

    public long WithoutRegion { get; private set; }

    public string Svg { get; private set; } = "";

    /// <summary>Categories with incidents for the same filters, most first, with the link to their list.</summary>
    public IReadOnlyList<(string Name, long Count, string Href)> ByCategory { get; private set; } = [];

    public string CategorySvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PublicFreshness.IsCurrentAsync(HttpContext, db, ct))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Filter = PublicFilter.Parse(Request.Query);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var cells = await CountAsync(categories, ct);
        var counts = cells.GroupBy(c => c.RegionCode).Select(g => new { g.Key, Count = g.Sum(c => c.Published) }).ToList();
        var language = UiLanguage.Current(HttpContext);
        Tiles = [.. regions.Select(r => new RegionTiles.Tile(
            r.Code, ReferenceNames.Of(r, language), counts.FirstOrDefault(c => c.Key == r.Code)?.Count ?? 0, "/incidents?" + Filter.ToQuery(r.Code)))];
        WithoutRegion = counts.Where(c => c.Key is null || regions.All(r => r.Code != c.Key)).Sum(c => c.Count);
        Svg = RegionTiles.Svg(Tiles, text["Map.Title"], text["Map.Legend"]);

        var byCategory = cells.Where(c => c.CategoryCode != null).GroupBy(c => c.CategoryCode!).Select(g => new { g.Key, Count = g.Sum(c => c.Published) });
        ByCategory = [.. byCategory.Join(categories, c => c.Key, c => c.Code, (c, category) => (Name: ReferenceNames.Of(category, language), c.Count,
                Href: "/incidents?" + (Filter with { Category = category.Code }).ToQuery(keepRegion: false)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)];
        CategorySvg = SvgChart.Bars(text["Map.ByCategory"], [.. ByCategory.Select(c => c.Name)],
            [new SvgChart.Series(text["Map.Count"], RegionTiles.Shades[3], [.. ByCategory.Select(c => (int)c.Count)])]);
        return Page();
    }

    /// <summary>
    /// The published incidents for the filters (all but the region) per region and category: the counts kept as the
    /// incidents change when no filter or only a category is chosen, else counted, in one pass, from the incidents.
    /// </summary>
    private async Task<List<PublicIncidentCount>> CountAsync(List<Category> categories, CancellationToken ct)
    {
        if (Filter.ByRegionAndCategoryOnly)
        {
            var kept = db.PublicIncidentCounts.AsNoTracking();
            if (Filter.CategoryCodes(categories) is { } codes)
            {
                kept = kept.Where(c => c.CategoryCode != null && codes.Contains(c.CategoryCode));
            }

            return await kept.ToListAsync(ct);
        }

        return await Filter.Apply(db.PublicIncidents.AsNoTracking(), categories, withRegion: false)
            .GroupBy(i => new { i.RegionCode, i.CategoryCode })
            .Select(g => new PublicIncidentCount { RegionCode = g.Key.RegionCode, CategoryCode = g.Key.CategoryCode, Published = g.LongCount() })
            .ToListAsync(ct);
    }
}
