using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Language.Reference;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.WebForm.Incidents;

/// <summary>
/// <c>/incidents</c>: the published incidents, newest first, filtered by period, region, category, outlet, case kind
/// and text, twenty a page (keyset: <c>after=</c> the last row's date and id). A form and links: no script.
/// </summary>
public sealed class IndexModel(IntakeDbContext db) : PageModel
{
    public PublicFilter Filter { get; private set; } = new();

    public IReadOnlyList<PublicIncidentView> Rows { get; private set; } = [];

    public string? Next { get; private set; }

    public bool IsFirstPage { get; private set; }

    /// <summary>The month of the latest published incident, whose monthly report the page links to.</summary>
    public string? LatestMonth { get; private set; }

    public List<Region> Regions { get; private set; } = [];

    public List<Category> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? after, CancellationToken ct)
    {
        if (await PublicFreshness.IsCurrentAsync(HttpContext, db, ct))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        Filter = PublicFilter.Parse(Request.Query);
        Regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(ct);
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
        var (rows, next) = await PublicPaging.PageAsync(Filter.Apply(db.PublicIncidents.AsNoTracking(), Categories), after, PublicPaging.PageSize, ct);
        var language = UiLanguage.Current(HttpContext);
        Rows = [.. rows.Select(r => PublicIncidentView.Of(r, Regions, Categories, language))];
        Next = next;
        IsFirstPage = PublicPaging.Parse(after) is null;
        LatestMonth = await Reports.PublicMonthlyReport.LatestMonthAsync(db, ct);
        return Page();
    }
}
