using AdilSoz.Intake.Data;
using AdilSoz.Intake.Intake;
using AdilSoz.Intake.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Worker.Pipeline;

/// <summary>
/// Takes a received submission into the moderation queue. Idempotent: a submission that is no longer
/// <see cref="SubmissionStatus.Received"/> is left as it is, so running the job twice changes nothing.
/// </summary>
public sealed class SubmissionPipelineJob(IntakeDbContext db, ILogger<SubmissionPipelineJob> logger) : ISubmissionPipelineJob
{
    public async Task ProcessAsync(long submissionId, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null || submission.Status != SubmissionStatus.Received)
        {
            return;
        }

        submission.Status = submission.Kind is SubmissionKind.Report or SubmissionKind.Followup
            ? SubmissionStatus.Pending
            : SubmissionStatus.Ignored;
        submission.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Submission {SubmissionId} is {Status}", submissionId, submission.Status);
    }
}
