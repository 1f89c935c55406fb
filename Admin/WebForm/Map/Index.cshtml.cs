using AdilSoz.Intake.Admin.Localization;
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
/// </summary>
public sealed class IndexModel(IntakeDbContext db, PublicText text) : PageModel
{
    public PublicFilter Filter { get; private set; } = new();

    public IReadOnlyList<RegionTiles.Tile> Tiles { get; private set; } = [];

    public long WithoutRegion { get; private set; }

    public string Svg { get; private set; } = "";

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
        return Page();
    }
}
