using System.Globalization;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Worker.Pipeline;

/// <summary>
/// Safety net for the gap between "stored" and "job enqueued": a process that crashed after its
/// commit and before its enqueue leaves an item behind; this sweep enqueues it again. Jobs are
/// idempotent, so an item enqueued twice is processed once. Covers received submissions, Telegram
/// files not yet downloaded, stored mail, and outbound messages (acknowledgements, alerts) whose job
/// never started.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class IntakeSweeper(IntakeDbContext db, IBackgroundJobClient jobs, JobStorage storage, IOptions<PipelineOptions> options, TimeProvider clock)
{
    /// <summary>Where the sweeper keeps how far it has swept (a Hangfire hash: no schema of its own).</summary>
    public const string StateKey = "adilsoz:intake-sweeper";

    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Only items that went quiet since the previous sweep (less an overlap for late commits; the last
    /// few minutes on a first run): a lost enqueue shows up at the first sweep after the grace period.
    /// Older items were looked at once already and have their job (waiting for a retry, or failed and
    /// put in "needs attention" by <see cref="JobFailureFilter"/>); sweeping them again would pile up jobs.
    /// </summary>
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    /// <summary>How far back a sweep looks at most, however long no sweep ran.</summary>
    private static readonly TimeSpan MaxLookBack = TimeSpan.FromDays(2);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var before = now - Grace;

        // Note: the window starts where the previous sweep stopped, not at a fixed age. A sweep held up
        // (Workers down, or the intake queue busy for longer than the window) must still see every item.
        using var connection = storage.GetConnection();
        var state = connection.GetAllEntriesFromHash(StateKey);
        var after = state is not null && state.TryGetValue("SweptUntil", out var swept)
            && DateTimeOffset.TryParse(swept, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var until)
            ? until - Overlap
            : now - Window;
        after = after < now - MaxLookBack ? now - MaxLookBack : after;

        var submissions = await db.Submissions
            .Where(s => s.Status == SubmissionStatus.Received && s.UpdatedAt < before && s.UpdatedAt >= after)
            .OrderBy(s => s.Id).Select(s => s.Id).Take(5000).ToListAsync(cancellationToken);
        foreach (var batch in submissions.Chunk(options.Value.BatchSize))
        {
            jobs.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessManyAsync(batch, CancellationToken.None));
        }

        // Telegram files whose download job was lost (a crash between commit and enqueue).
        var files = await db.Attachments
            .Where(a => a.Status == AttachmentStatus.Pending && a.TelegramFileId != null
                && db.Submissions.Any(s => s.Id == a.SubmissionId && s.UpdatedAt < before && s.UpdatedAt >= after))
            .OrderBy(a => a.Id).Select(a => a.Id).Take(5000).ToListAsync(cancellationToken);
        foreach (var id in files)
        {
            jobs.Enqueue<ITelegramFileJob>(JobQueues.Intake, j => j.DownloadAsync(id, CancellationToken.None));
        }

        var mails = await db.InboundItems
            .Where(i => i.Channel == Channel.Email && i.Status == InboundStatus.Stored && i.ReceivedAt < before && i.ReceivedAt >= after)
            .OrderBy(i => i.Id).Select(i => i.Id).Take(5000).ToListAsync(cancellationToken);
        foreach (var id in mails)
        {
            jobs.Enqueue<IMailIngestJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None));
        }

        // Outbound messages whose job never started (a crash between the commit that wrote them and the
        // enqueue): an acknowledgement would otherwise never go out. Once tried, Hangfire's retries own it.
        var outbound = await db.OutboundMessages
            .Where(o => o.Status == OutboundStatus.Queued && o.Attempts == 0 && o.CreatedAt < before && o.CreatedAt >= after)
            .OrderBy(o => o.Id).Select(o => o.Id).Take(5000).ToListAsync(cancellationToken);
        foreach (var id in outbound)
        {
            jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(id, CancellationToken.None));
        }

        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(StateKey, [new KeyValuePair<string, string>("SweptUntil", before.ToString("O", CultureInfo.InvariantCulture))]);
        transaction.Commit();
    }
}
