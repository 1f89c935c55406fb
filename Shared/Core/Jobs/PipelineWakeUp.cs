using Hangfire;

namespace AdilSoz.Intake.Core.Jobs;

/// <summary>
/// What a channel calls after it committed a received submission: makes sure the pipeline will take it.
/// </summary>
public sealed class PipelineWakeUp(IBackgroundJobClient jobs)
{
    /// <summary>Call after the commit that stored the submission.</summary>
    public void Received(long submissionId) =>
        jobs.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessAsync(submissionId, CancellationToken.None));
}
