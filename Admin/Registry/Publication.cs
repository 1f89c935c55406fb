using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Moderation;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Registry;

/// <summary>
/// Publishing is an Editor's decision: an incident goes onto the public site (pages, map, feeds, open data) when
/// published and leaves it when withdrawn, each in one transaction with its audit entry. What the public sees is
/// the view <c>incident_public_fields</c> (victims without consent by role only), previewed before publishing.
/// </summary>
public static class Publication
{
    public const string PublishAction = "incident.publish";
    public const string WithdrawAction = "incident.withdraw";

    /// <summary>Publishes the incident (again, if withdrawn); false when there is no such incident.</summary>
    public static Task<bool> PublishAsync(IntakeDbContext db, TimeProvider clock, long id, string actor, CancellationToken ct = default) =>
        ChangeAsync(db, clock, id, actor, publish: true, reason: null, ct);

    /// <summary>Takes the incident off the public site at once; false when there is no such incident.</summary>
    public static Task<bool> WithdrawAsync(IntakeDbContext db, TimeProvider clock, long id, string actor, string? reason, CancellationToken ct = default) =>
        ChangeAsync(db, clock, id, actor, publish: false, reason, ct);

    private static async Task<bool> ChangeAsync(IntakeDbContext db, TimeProvider clock, long id, string actor, bool publish, string? reason, CancellationToken ct)
    {
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var wasPublished = incident.PublishedAt is not null;
        if (publish == wasPublished)
        {
            return true;
        }

        if (publish)
        {
            incident.PublishedAt = now;
        }
        else
        {
            incident.PublishedAt = null;
            incident.WithdrawnAt = now;
        }

        Audit.Add(db, clock, actor, publish ? PublishAction : WithdrawAction, RegistryStore.EntityType, id, reason: string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
