using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Language.Reference;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Pages.Incidents;

/// <summary>An incident: facts, victims, outlets, legal cases with rulings, linked submissions, history.</summary>
[Authorize(Policy = AdminSecurity.MonitorPolicy)]
public sealed class DetailsModel(IntakeDbContext db, Assignments assignments, Notes notes) : PageModel
{
    public sealed record LinkedSubmission(long Id, string Reference, Channel Channel, DateTimeOffset ReceivedAt, string Preview);

    public Incident Incident { get; private set; } = null!;

    public Region? Region { get; private set; }

    public Category? Category { get; private set; }

    public IReadOnlyList<LinkedSubmission> Submissions { get; private set; } = [];

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    /// <summary>Who can be assigned the incident.</summary>
    public IReadOnlyList<string> Staff { get; private set; } = [];

    /// <summary>The staff member to assign the incident to; empty: nobody.</summary>
    [BindProperty]
    public string? Assignee { get; set; }

    /// <summary>A new internal note (staff only).</summary>
    [BindProperty]
    public string? NoteText { get; set; }

    /// <summary>The team's notes on the incident.</summary>
    public IReadOnlyList<InternalNote> TeamNotes { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public string? Error { get; private set; }

    public string Actor => ActorName.Of(User);

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => LoadAsync(id, ct);

    /// <summary>Assigns the incident to a staff member, to the caller, or to nobody.</summary>
    public async Task<IActionResult> OnPostAssignAsync(long id, CancellationToken ct)
    {
        var assignee = string.IsNullOrWhiteSpace(Assignee) ? null : Assignee.Trim();
        var result = await assignments.AssignIncidentAsync(id, assignee, Actor, ct);
        if (result.Outcome == ModerationOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Error = result.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct);
        }

        Flash = assignee is null ? "Unassigned" : "Assigned";
        return RedirectToPage(new { id });
    }

    /// <summary>Adds an internal note to the incident; colleagues it mentions get a mail.</summary>
    public async Task<IActionResult> OnPostNoteAsync(long id, CancellationToken ct)
    {
        var result = await notes.AddToIncidentAsync(id, NoteText, Actor, ct);
        if (result.Outcome == ModerationOutcome.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Error = result.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct);
        }

        Flash = "NoteAdded";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Include(i => i.LegalCases).ThenInclude(c => c.Rulings)
            .AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return NotFound();
        }

        Incident = incident;
        var (regions, categories) = await RegistryStore.ReferenceAsync(db, ct);
        Region = regions.FirstOrDefault(r => r.Code == incident.RegionCode);
        Category = categories.FirstOrDefault(c => c.Code == incident.CategoryCode);
        Submissions = await db.Submissions.AsNoTracking().Where(s => s.IncidentId == id).OrderBy(s => s.ReceivedAt)
            .Select(s => new LinkedSubmission(s.Id, s.Reference, s.Channel, s.ReceivedAt, s.Text.Length > 160 ? s.Text.Substring(0, 160) + "…" : s.Text))
            .ToListAsync(ct);
        History = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == RegistryStore.EntityType && a.EntityId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(200).ToListAsync(ct);
        Staff = await StaffMail.StaffAsync(db, ct);
        TeamNotes = await notes.OfIncidentAsync(id, ct);
        return Page();
    }
}
