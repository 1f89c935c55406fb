using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.WebForm.Incidents;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Registry;
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
        var counts = await Filter.Apply(db.PublicIncidents.AsNoTracking(), categories, withRegion: false)
            .GroupBy(i => i.RegionCode).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var language = UiLanguage.Current(HttpContext);
        Tiles = [.. regions.Select(r => new RegionTiles.Tile(
            r.Code, ReferenceNames.Of(r, language), counts.FirstOrDefault(c => c.Key == r.Code)?.Count ?? 0, "/incidents?" + Filter.ToQuery(r.Code)))];
        WithoutRegion = counts.Where(c => c.Key is null || regions.All(r => r.Code != c.Key)).Sum(c => c.Count);
        Svg = RegionTiles.Svg(Tiles, text["Map.Title"], text["Map.Legend"]);

        var byCategory = await Filter.Apply(db.PublicIncidents.AsNoTracking(), categories, withRegion: false)
            .Where(i => i.CategoryCode != null).GroupBy(i => i.CategoryCode!).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        ByCategory = [.. byCategory.Join(categories, c => c.Key, c => c.Code, (c, category) => (Name: ReferenceNames.Of(category, language), c.Count,
                Href: "/incidents?" + (Filter with { Category = category.Code }).ToQuery(keepRegion: false)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)];
        CategorySvg = SvgChart.Bars(text["Map.ByCategory"], [.. ByCategory.Select(c => c.Name)],
            [new SvgChart.Series(text["Map.Count"], RegionTiles.Shades[3], [.. ByCategory.Select(c => (int)c.Count)])]);
        return Page();
    }
}
