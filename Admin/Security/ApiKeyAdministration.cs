using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Moderation;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Security;

/// <summary>Revoking API keys, from the <c>/api-keys</c> page or the <c>api-keys revoke</c> command.</summary>
public static class ApiKeyAdministration
{
    /// <summary>
    /// Marks the key revoked (kept for the audit trail, never deleted) and audits who did it. The next
    /// request with the key is refused with 401: the handler looks keys up on every request.
    /// Returns false when no live key has that id.
    /// </summary>
    public static async Task<bool> RevokeAsync(IntakeDbContext db, TimeProvider clock, long id, string actor, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, ct);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt = clock.GetUtcNow();
        Audit.Add(db, clock, actor, "api-key.revoke", "api-key", key.Id, new { key.Name, key.Role });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
