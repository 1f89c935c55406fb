using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Worker.Pipeline;

/// <summary>
/// When a job has used up its retries and lands in Hangfire's Failed state, the item it worked on is
/// put where people see it: the submission or raw mail in "needs attention", the outbound message or
/// attachment marked failed — never a silent failure visible only in the job dashboard.
/// </summary>
public sealed class JobFailureFilter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobFailureFilter> logger) : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        Core.Operations.IntakeMetrics.JobStateApplied(context.NewState, context.BackgroundJob.Job);
        if (context.NewState is not FailedState failed || context.BackgroundJob.Job is not { } job || job.Args.Count == 0)
        {
            return;
        }

        // Jobs take one id, or several (a pipeline batch).
        long[] ids = job.Args[0] switch
        {
            long one => [one],
            long[] many => many,
            _ => [],
        };
        if (ids.Length == 0)
        {
            return;
        }

        var reason = $"Processing failed after all retries ({failed.Exception.GetType().Name}); job {context.BackgroundJob.Id}.";
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var now = clock.GetUtcNow();
            _ = job.Type.Name switch
            {
                nameof(ISubmissionPipelineJob) => db.Submissions.Where(s => ids.Contains(s.Id) && s.Status == SubmissionStatus.Received)
                    .ExecuteUpdate(s => s.SetProperty(x => x.Status, SubmissionStatus.NeedsAttention)
                        .SetProperty(x => x.AttentionReason, reason).SetProperty(x => x.UpdatedAt, now)),
                nameof(IMailIngestJob) => db.InboundItems.Where(i => ids.Contains(i.Id) && i.Status == InboundStatus.Stored)
                    .ExecuteUpdate(s => s.SetProperty(x => x.Status, InboundStatus.NeedsAttention).SetProperty(x => x.Error, reason)),
                nameof(IOutboundJob) => db.OutboundMessages.Where(m => ids.Contains(m.Id) && m.Status == OutboundStatus.Queued)
                    .ExecuteUpdate(s => s.SetProperty(x => x.Status, OutboundStatus.Failed).SetProperty(x => x.Error, reason)),
                nameof(ITelegramFileJob) => db.Attachments.Where(a => ids.Contains(a.Id) && a.Status == AttachmentStatus.Pending)
                    .ExecuteUpdate(s => s.SetProperty(x => x.Status, AttachmentStatus.Failed).SetProperty(x => x.Error, reason)),
                _ => 0,
            };
        }
        catch (Exception e)
        {
            logger.LogError("Could not record the failure of job {JobId} ({Error})", context.BackgroundJob.Id, e.GetType().Name);
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
