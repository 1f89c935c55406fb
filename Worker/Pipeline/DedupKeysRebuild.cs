using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Dedup;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Locking;
using AdilSoz.Intake.Language.Dedup;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Worker.Pipeline;

/// <summary>Counts of a rebuild of the dedup keys.</summary>
public sealed record DedupRebuildCounts(int Submissions, long KeysBefore, long KeysAfter);

/// <summary>
/// Recomputes the fingerprint and index keys of every indexed submission (processed by the pipeline,
/// not an exact duplicate), for when the key kinds or the fingerprint change. Keyset pages by id, one
/// transaction per page, under the pipeline's dedup lock so live processing and the rebuild do not
/// interleave within a page; then the keys left by a submission deleted meanwhile go. Idempotent: run twice,
/// the second run writes the same keys.
/// </summary>
public sealed class DedupKeysRebuild(IntakeDbContext db, NearDuplicateIndex index)
{
    public async Task<DedupRebuildCounts> RunAsync(int pageSize, Action<int>? progress, CancellationToken ct)
    {
        var before = await db.DedupKeys.LongCountAsync(ct);
        var done = 0;
        var last = 0L;
        while (true)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLocks.DedupIndex})", ct);
            var from = last;
            var page = await db.Submissions
                .Where(s => s.Id > from && s.Fingerprint != null && s.DuplicateOfId == null && s.Status != SubmissionStatus.Received)
                .OrderBy(s => s.Id).Take(pageSize).ToListAsync(ct);
            if (page.Count == 0)
            {
                break;
            }

            var ids = page.Select(s => s.Id).ToArray();
            var files = (await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.SubmissionId) && a.Sha256 != null)
                .Select(a => new { a.SubmissionId, a.Sha256 }).ToListAsync(ct)).ToLookup(a => a.SubmissionId, a => a.Sha256!);
            var items = new List<(long, Fingerprint, DateTimeOffset)>(page.Count);
            foreach (var s in page)
            {
                var fp = Fingerprinter.Compute(new DedupInput(
                    s.Id, s.Text, s.Subject, s.OccurredOn, FoundationClock.Local(s.ReceivedAt), s.SuggestedRegion, s.SuggestedSettlement, [.. files[s.Id]], s.Language));
                s.Fingerprint = fp.ToJson();
                s.TextHash = Fingerprinter.ExactTextHash(s.Text);
                items.Add((s.Id, fp, s.ReceivedAt));
            }

            await index.AddAsync(db, items, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            done += page.Count;
            last = ids[^1];
            progress?.Invoke(done);
        }

        // Keys of a submission deleted while they were being written (the trigger saw no keys yet to delete).
        await db.Database.ExecuteSqlAsync(
            $"""DELETE FROM "DedupKeys" k WHERE NOT EXISTS (SELECT 1 FROM "Submissions" s WHERE s."Id" = k."SubmissionId")""", ct);
        return new DedupRebuildCounts(done, before, await db.DedupKeys.LongCountAsync(ct));
    }
}
