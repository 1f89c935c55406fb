using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Pages.ApiKeys;

/// <summary>API keys: who has one, when it was last used, and a button to revoke it. Keys are made by the command.</summary>
[Authorize(Policy = AdminSecurity.AdminPolicy)]
public sealed class IndexModel(IntakeDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    public bool Revoked { get; private set; }

    public async Task OnGetAsync(bool revoked, CancellationToken ct)
    {
        Revoked = revoked;
        Keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct) =>
        await ApiKeyAdministration.RevokeAsync(db, clock, id, ActorName.Of(User), ct)
            ? Redirect("/api-keys?revoked=true")
            : NotFound();
}
