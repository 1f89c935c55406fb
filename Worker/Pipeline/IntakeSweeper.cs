using AdilSoz.Intake.Data;
using AdilSoz.Intake.Intake;
using AdilSoz.Intake.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Worker.Pipeline;

/// <summary>
/// Safety net for the gap between "stored" and "job enqueued": a process that crashed after its
/// commit and before its enqueue leaves an item behind; this sweep enqueues it again. Jobs are
/// idempotent, so an item enqueued twice is processed once.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class IntakeSweeper(IntakeDbContext db, IBackgroundJobClient jobs, IOptions<PipelineOptions> options)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Only items that went quiet in the last few minutes: a lost enqueue shows up at the first sweep
    /// after the grace period. Older items have their job (waiting for a retry, or failed and put in
    /// "needs attention" by <see cref="JobFailureFilter"/>); sweeping them again would pile up jobs.
    /// </summary>
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(3);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = DateTimeOffset.UtcNow - Grace;
        var after = DateTimeOffset.UtcNow - Window;
        var submissions = await db.Submissions
            .Where(s => s.Status == SubmissionStatus.Received && s.UpdatedAt < before && s.UpdatedAt >= after)
            .OrderBy(s => s.Id).Select(s => s.Id).Take(1000).ToListAsync(cancellationToken);
        foreach (var batch in submissions.Chunk(options.Value.BatchSize))
        {
            jobs.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessManyAsync(batch, CancellationToken.None));
        }

        // Telegram files whose download job was lost (a crash between commit and enqueue).
        var files = await db.Attachments
            .Where(a => a.Status == AttachmentStatus.Pending && a.TelegramFileId != null
                && db.Submissions.Any(s => s.Id == a.SubmissionId && s.UpdatedAt < before && s.UpdatedAt >= after))
            .OrderBy(a => a.Id).Select(a => a.Id).Take(1000).ToListAsync(cancellationToken);
        foreach (var id in files)
        {
            jobs.Enqueue<ITelegramFileJob>(JobQueues.Intake, j => j.DownloadAsync(id, CancellationToken.None));
        }

        var mails = await db.InboundItems
            .Where(i => i.Channel == Channel.Email && i.Status == InboundStatus.Stored && i.ReceivedAt < before && i.ReceivedAt >= after)
            .OrderBy(i => i.Id).Select(i => i.Id).Take(1000).ToListAsync(cancellationToken);
        foreach (var id in mails)
        {
            jobs.Enqueue<IMailIngestJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None));
        }
    }
}
