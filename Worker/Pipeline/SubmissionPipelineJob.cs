using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Dedup;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Locking;
using AdilSoz.Intake.Core.Telegram;
using AdilSoz.Intake.Language.Dedup;
using AdilSoz.Intake.Language.Suggest;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Worker.Pipeline;

/// <summary>
/// Takes received submissions into the moderation queue: suggestions (language, category, region,
/// settlement, urgency, each with its evidence), exact and near-duplicate detection against the recent
/// past through the key index, the cluster, then <c>pending</c>; urgent reports alert the monitors.
/// <para>
/// Batched: one transaction and one turn of the dedup lock for up to <see cref="PipelineOptions.BatchSize"/>
/// submissions — the job's own ones (waited for if another job holds them) and others that are waiting
/// (taken with SKIP LOCKED, so two Workers never take the same one). When the batch fails, its items run
/// again as batches of one, each inside a savepoint: one that throws is rolled back alone and put in
/// "needs attention"; the rest proceed.
/// </para>
/// Idempotent: only submissions still <see cref="SubmissionStatus.Received"/> are taken, and the status
/// moves on in the same transaction, so running a job twice changes nothing.
/// </summary>
public sealed partial class SubmissionPipelineJob(
    IntakeDbContext db,
    IBackgroundJobClient jobs,
    IOptions<PipelineOptions> options,
    IOptions<TelegramOptions> telegram,
    NearDuplicateIndex index,
    DedupTurns turns,
    TimeProvider clock,
    ILogger<SubmissionPipelineJob> logger) : ISubmissionPipelineJob
{
    private const string ItemSavepoint = "pipeline_item";

    public Task ProcessAsync(long submissionId, CancellationToken cancellationToken) =>
        RunAsync([submissionId], Math.Max(0, options.Value.BatchSize - 1), cancellationToken);

    public Task ProcessManyAsync(long[] submissionIds, CancellationToken cancellationToken) =>
        RunAsync(submissionIds, 0, cancellationToken);

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var size = Math.Max(1, options.Value.BatchSize);
        while (await RunAsync([], size, cancellationToken) > 0)
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Processes the batch; returns how many submissions it took (0: none was waiting).</summary>
    private async Task<int> RunAsync(long[] ids, int othersWanted, CancellationToken ct)
    {
        // Items are saved together (fast path) or each inside its own savepoint (fallback); EF's automatic
        // savepoint per SaveChanges would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        List<long> taken;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var (batch, turn) = await turns.ClaimAsync(() => ClaimAsync(ids, othersWanted, ct), ct);
            using var _ = turn;
            if (batch.Count == 0)
            {
                return 0;
            }

            taken = [.. batch.Select(s => s.Id)];
            var items = await PrepareAsync(batch, turn, ct);
            try
            {
                var done = await ProcessBatchAsync(items, clock.GetUtcNow(), ct);
                await tx.CommitAsync(ct);
                Finish(done);
                return batch.Count;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One item (or the batch) failed: start again item by item, each isolated by a savepoint.
                logger.LogWarning("A pipeline batch of {Count} failed ({Error}); processing its items one by one", batch.Count, e.GetType().Name);
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
            }
        }

        await RunItemByItemAsync([.. taken], ct);
        return taken.Count;
    }

    /// <summary>
    /// The fallback: each item is a batch of one inside its own savepoint, so one that throws is rolled
    /// back alone and set aside while the others go on.
    /// </summary>
    private async Task RunItemByItemAsync(long[] ids, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (batch, turn) = await turns.ClaimAsync(() => ClaimAsync(ids, 0, ct), ct);
        using var _ = turn;
        var items = await PrepareAsync(batch, turn, ct);
        var now = clock.GetUtcNow();
        var done = new List<Outcome>(items.Count);
        foreach (var item in items)
        {
            await tx.CreateSavepointAsync(ItemSavepoint, ct);
            try
            {
                done.AddRange(await ProcessBatchAsync([item], now, ct));
                await tx.ReleaseSavepointAsync(ItemSavepoint, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await tx.RollbackToSavepointAsync(ItemSavepoint, ct);
                await SetAsideAsync(item.Submission, Reason(e), now, ct);
                done.Add(new Outcome(item.Submission, null));
                logger.LogWarning("Submission {SubmissionId} failed in the pipeline ({Error}) and needs attention", item.Submission.Id, e.GetType().Name);
            }
        }

        await tx.CommitAsync(ct);
        Finish(done);
    }

    private static string Reason(Exception e) => $"Processing failed ({e.GetType().Name}); the other submissions of its batch went on.";

    /// <summary>After the commit: the moderators' alerts go out, and one log line per submission (ids only).</summary>
    private void Finish(List<Outcome> done)
    {
        foreach (var alertId in done.Where(d => d.Alert is not null).Select(d => d.Alert!.Id))
        {
            jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(alertId, CancellationToken.None));
        }

        foreach (var (submission, _) in done)
        {
            logger.LogInformation("Submission {SubmissionId} is {Status} in cluster {ClusterId}", submission.Id, submission.Status, submission.ClusterId);
        }
    }

    /// <summary>
    /// Files, suggestions and fingerprints (no lock needed), then the dedup lock if any item needs it, in the
    /// batch's turn; the next batch's turn comes once this one holds the lock (or needs none).
    /// </summary>
    private async Task<List<PreparedItem>> PrepareAsync(List<Submission> batch, DedupTurns.Turn turn, CancellationToken ct)
    {
        var files = await FilesOfAsync(batch, ct);
        var items = batch.Select(s => Prepare(s, files)).ToList();
        await turn.WaitAsync(ct);
        if (items.Any(i => i.Dedup is not null))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLocks.DedupIndex})", ct);
        }

        turn.Pass();
        return items;
    }

    /// <summary>
    /// Locks the job's own submissions (waiting for a job that holds them; rows it moved on no longer
    /// match once the wait ends) and up to <paramref name="othersWanted"/> other waiting ones, skipping
    /// any another job holds.
    /// </summary>
    private async Task<List<Submission>> ClaimAsync(long[] ids, int othersWanted, CancellationToken ct)
    {
        var received = nameof(SubmissionStatus.Received);
        // A drain has no own ids: it takes waiting ones only.
        var own = ids.Length == 0 ? [] : await db.Submissions
            .FromSql($"""SELECT * FROM "Submissions" WHERE "Id" = ANY({ids}) AND "Status" = {received} ORDER BY "Id" FOR NO KEY UPDATE""")
            .ToListAsync(ct);
        if ((own.Count == 0 && ids.Length > 0) || othersWanted == 0)
        {
            return own;
        }

        var others = await db.Submissions
            .FromSql($"""
                SELECT * FROM "Submissions" WHERE "Status" = {received} AND "Id" <> ALL({ids})
                ORDER BY "Id" LIMIT {othersWanted} FOR NO KEY UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        return [.. own.Concat(others).OrderBy(s => s.Id)];
    }

    private async Task<ILookup<long, string>> FilesOfAsync(List<Submission> batch, CancellationToken ct)
    {
        var ids = batch.Select(s => s.Id).ToArray();
        var rows = await db.Attachments.AsNoTracking()
            .Where(a => ids.Contains(a.SubmissionId) && a.Sha256 != null)
            .Select(a => new { a.SubmissionId, a.Sha256 })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.SubmissionId, r => r.Sha256!);
    }

    /// <summary>The work that needs no lock (suggestions, fingerprint), done before the dedup lock is taken.</summary>
    private PreparedItem Prepare(Submission submission, ILookup<long, string> files)
    {
        if (submission.Kind is not (SubmissionKind.Report or SubmissionKind.Followup))
        {
            return new PreparedItem(submission, null, null, null);
        }

        try
        {
            // The language stored on receipt decides; for a submission without one the suggestion decides once,
            // and the fingerprint's stemmer follows the same decision.
            var suggestions = SuggestionEngine.Suggest(submission.Subject, submission.Text, submission.Language);
            if (submission is { Kind: SubmissionKind.Followup, ParentId: not null })
            {
                return new PreparedItem(submission, suggestions, null, null);
            }

            var input = new DedupInput(
                submission.Id, submission.Text, submission.Subject, submission.OccurredOn, FoundationClock.Local(submission.ReceivedAt),
                submission.RegionCode ?? suggestions.Region?.Code, submission.Settlement ?? suggestions.Settlement?.Name,
                [.. files[submission.Id]], suggestions.Language?.Code);
            return new PreparedItem(submission, suggestions, Fingerprinter.Compute(input), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new PreparedItem(submission, null, null, e);
        }
    }

    private async Task SetAsideAsync(Submission submission, string reason, DateTimeOffset now, CancellationToken ct)
    {
        // The rolled-back changes of this item are forgotten; the row is set aside in the batch's transaction.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged || e.Entity == submission).ToList())
        {
            entry.State = EntityState.Detached;
        }

        var id = submission.Id;
        await db.Submissions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubmissionStatus.NeedsAttention)
                .SetProperty(x => x.AttentionReason, reason).SetProperty(x => x.UpdatedAt, now), ct);
        submission.Status = SubmissionStatus.NeedsAttention;
        submission.ClusterId = null;
    }

    private sealed record PreparedItem(Submission Submission, Suggestions? Suggestions, Fingerprint? Dedup, Exception? Failure);

    private sealed record Outcome(Submission Submission, OutboundMessage? Alert);
}
