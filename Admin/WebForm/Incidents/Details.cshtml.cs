using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.WebForm.Incidents;

/// <summary><c>/incidents/{id}</c>: one published incident; 404 for any other (never published, or withdrawn).</summary>
public sealed class DetailsModel(IntakeDbContext db) : PageModel
{
    public PublicIncidentView Incident { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await PublicFreshness.IsCurrentAsync(HttpContext, db, ct))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var incident = await db.PublicIncidents.AsNoTracking().Where(i => i.Id == id).Select(PublicIncident.Shown).FirstOrDefaultAsync(ct);
        if (incident is null)
        {
            return NotFound();
        }

        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        Incident = PublicIncidentView.Of(incident, regions, categories, UiLanguage.Current(HttpContext));
        return Page();
    }
}
