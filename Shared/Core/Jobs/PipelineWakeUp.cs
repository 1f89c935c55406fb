using Hangfire;
using Hangfire.States;

namespace AdilSoz.Intake.Core.Jobs;

/// <summary>
/// What a channel calls after it committed received submissions: makes sure <em>a</em> pipeline drain is
/// waiting, not one job per item. A drain (<see cref="ISubmissionPipelineJob.DrainAsync"/>) takes every
/// waiting submission in batches until none is left, so while the one this process enqueued has not started,
/// it will also take the items stored since, and nothing more is enqueued. Once it has started (or failed, or
/// vanished), the next item enqueues a new one. The sweeper stays the safety net for a lost enqueue.
/// </summary>
public sealed class PipelineWakeUp(IBackgroundJobClient jobs, JobStorage storage)
{
    private readonly Lock _gate = new();
    private string? _waiting;

    /// <summary>Call after the commit that stored the submission(s).</summary>
    public void Received()
    {
        lock (_gate)
        {
            if (_waiting is not null && NotStarted(_waiting))
            {
                return;
            }

            _waiting = jobs.Enqueue<ISubmissionPipelineJob>(JobQueues.Pipeline, j => j.DrainAsync(CancellationToken.None));
        }
    }

    /// <summary>
    /// Note: only Enqueued counts. A worker moves a job to Processing before running it, and the drain looks for
    /// waiting items after that, so an item committed before this check said Enqueued is seen by that drain.
    /// </summary>
    private bool NotStarted(string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name == EnqueuedState.StateName;
    }
}
