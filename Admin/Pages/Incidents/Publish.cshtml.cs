using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Admin.WebForm.Incidents;
using AdilSoz.Intake.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Pages.Incidents;

/// <summary>
/// <c>/incidents/{id}/publish</c> (Editors and Admins): the incident exactly as the public site would show it (names
/// of victims without consent withheld and masked in the texts), and the decision to publish it or withdraw it.
/// </summary>
[Authorize(Policy = AdminSecurity.EditorPolicy)]
public sealed class PublishModel(IntakeDbContext db, TimeProvider clock) : PageModel
{
    private const string PreviewSql = "SELECT * FROM " + PublicRegistrySql.PreviewFields + " WHERE \"Id\" = {0}";

    public PublicIncidentView Preview { get; private set; } = null!;

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.PublishedAt, i.WithdrawnAt }).FirstOrDefaultAsync(ct);
        var preview = await db.PublicIncidents.FromSqlRaw(PreviewSql, id)
            .AsNoTracking().FirstOrDefaultAsync(ct);
        if (incident is null || preview is null)
        {
            return NotFound();
        }

        var (regions, categories) = await RegistryStore.ReferenceAsync(db, ct);
        Preview = PublicIncidentView.Of(preview, regions, categories, UiLanguage.Current(HttpContext));
        PublishedAt = incident.PublishedAt;
        WithdrawnAt = incident.WithdrawnAt;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) =>
        await Publication.PublishAsync(db, clock, id, ActorName.Of(User), ct) ? Redirect($"/incidents/{id}/publish") : NotFound();

    public async Task<IActionResult> OnPostWithdrawAsync(long id, string? reason, CancellationToken ct) =>
        await Publication.WithdrawAsync(db, clock, id, ActorName.Of(User), reason, ct) ? Redirect($"/incidents/{id}/publish") : NotFound();
}
