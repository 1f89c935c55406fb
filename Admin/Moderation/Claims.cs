using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>
/// A monitor who opens an item holds it for <see cref="Duration"/> so two monitors do not work on the
/// same one; others see who holds it. An action or the time-out releases it. One conditional UPDATE,
/// so two monitors opening the item at once cannot both win.
/// </summary>
public sealed class Claims(IntakeDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    public sealed record Holder(string? ClaimedBy, DateTimeOffset? ClaimedUntil)
    {
        public bool HeldByOther(string actor, DateTimeOffset now) => ClaimedBy is not null && ClaimedBy != actor && ClaimedUntil > now;
    }

    /// <summary>Claims a pending item for <paramref name="actor"/> unless someone else holds it (or <paramref name="takeOver"/>).</summary>
    public async Task<Holder?> ClaimAsync(long id, string actor, bool takeOver, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + Duration;
        await db.Submissions
            .Where(s => s.Id == id && (s.Status == SubmissionStatus.Pending || s.Status == SubmissionStatus.NeedsAttention)
                && (takeOver || s.ClaimedBy == null || s.ClaimedBy == actor || s.ClaimedUntil == null || s.ClaimedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ClaimedBy, actor).SetProperty(s => s.ClaimedUntil, until), ct);
        return await db.Submissions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new Holder(s.ClaimedBy, s.ClaimedUntil)).SingleOrDefaultAsync(ct);
    }

    /// <summary>Lets go of an item the actor holds.</summary>
    public Task<int> ReleaseAsync(long id, string actor, CancellationToken ct) =>
        db.Submissions.Where(s => s.Id == id && s.ClaimedBy == actor)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ClaimedBy, (string?)null).SetProperty(s => s.ClaimedUntil, (DateTimeOffset?)null), ct);
}
