using Hangfire;

namespace AdilSoz.Intake.Core.Jobs;

// Job contracts: every process can enqueue them (Hangfire stores the interface type, so its filter
// attributes live here); the Worker registers the implementations. Jobs take ids, never entities,
// and are idempotent. Retries back off; a job that exhausts them leaves its item in "needs attention".

/// <summary>Turns a stored raw mail (InboundItem) into a submission.</summary>
public interface IMailIngestJob
{
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [2, 10, 30, 120, 600, 1800])]
    Task ProcessAsync(long inboundItemId, CancellationToken cancellationToken);

    /// <summary>
    /// Turns a chunk of stored mails into submissions, each in its own transaction: one that throws does not hold
    /// back the others; the job then fails and is retried for the ones still stored.
    /// </summary>
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [2, 10, 30, 120, 600, 1800])]
    Task ProcessManyAsync(long[] inboundItemIds, CancellationToken cancellationToken);
}

/// <summary>
/// Runs the pipeline on received submissions: dedup, suggestions, queue, notifications. Submissions are
/// processed in batches (one transaction, each item isolated by a savepoint: an item that fails goes to
/// "needs attention" and the others proceed); a submission no longer received is skipped.
/// </summary>
public interface ISubmissionPipelineJob
{
    /// <summary>Processes the submission, and up to the configured batch size of others that are waiting.</summary>
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [2, 10, 30, 120, 600, 1800])]
    Task ProcessAsync(long submissionId, CancellationToken cancellationToken);

    /// <summary>Processes these submissions in one batch (for producers that have many at once: sweeps, imports).</summary>
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [2, 10, 30, 120, 600, 1800])]
    Task ProcessManyAsync(long[] submissionIds, CancellationToken cancellationToken);

    /// <summary>
    /// Takes waiting submissions in batches of the configured size until none is left (the live channels' one
    /// wake-up, see <see cref="PipelineWakeUp"/>). A failed drain is not retried: the next wake-up enqueues a
    /// new one, and the sweeper re-enqueues what is left waiting.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    Task DrainAsync(CancellationToken cancellationToken);
}

/// <summary>Downloads a Telegram file (getFile) into content-addressed storage.</summary>
public interface ITelegramFileJob
{
    [AutomaticRetry(Attempts = 8, DelaysInSeconds = [5, 15, 60, 300, 900, 1800, 3600, 7200])]
    Task DownloadAsync(long attachmentId, CancellationToken cancellationToken);
}

/// <summary>
/// Sends one queued outbound message (mail or Telegram) at most once. Its failures carry a status code
/// only, and Hangfire does not log them either: a mail server's text can quote the reporter's address.
/// </summary>
public interface IOutboundJob
{
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 15, 60, 120, 300, 600, 1200, 1800, 3600, 7200], LogEvents = false)]
    Task SendAsync(long outboundMessageId, CancellationToken cancellationToken);

    /// <summary>
    /// Sends these messages, the mails among them through one SMTP connection; each keeps its own at-most-once
    /// record. The job fails (and is retried for those still queued) when any of them could not be sent.
    /// </summary>
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 15, 60, 120, 300, 600, 1200, 1800, 3600, 7200], LogEvents = false)]
    Task SendManyAsync(long[] outboundMessageIds, CancellationToken cancellationToken);
}
