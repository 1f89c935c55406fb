using AdilSoz.Intake.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Core.Intake;

/// <summary>
/// Replaces the raw bytes of inbound items (they carry the sender's identity: a Telegram update's
/// "from", a mail's headers) with nothing and marks them purged. The submission made from an item
/// keeps its text: "not one report may be lost". Items still waiting to be processed are left alone.
/// </summary>
public static class InboundPurge
{
    /// <summary>Purges the raw items of <paramref name="submissions"/> (linked either way); returns how many.</summary>
    public static Task<int> PurgeOfSubmissionsAsync(IntakeDbContext db, IQueryable<Submission> submissions, DateTimeOffset now, CancellationToken ct) =>
        PurgeAsync(db, db.InboundItems.Where(i =>
            submissions.Any(s => s.Id == i.SubmissionId) || submissions.Any(s => s.InboundItemId == i.Id)), now, ct);

    public static Task<int> PurgeAsync(IntakeDbContext db, IQueryable<InboundItem> items, DateTimeOffset now, CancellationToken ct) =>
        items.Where(i => i.PurgedAt == null && i.Status != InboundStatus.Stored)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.RawEncrypted, Array.Empty<byte>())
                .SetProperty(i => i.PurgedAt, now), ct);
}
