namespace AdilSoz.Intake.Jobs;

// Job contracts: every process can enqueue them (Hangfire stores the interface type); the Worker
// registers the implementations. Jobs take ids, never entities, and are idempotent.

/// <summary>Turns a stored raw mail (InboundItem) into a submission.</summary>
public interface IMailIngestJob
{
    Task ProcessAsync(long inboundItemId, CancellationToken cancellationToken);
}

/// <summary>Runs the pipeline on a received submission: dedup, suggestions, queue, notifications.</summary>
public interface ISubmissionPipelineJob
{
    Task ProcessAsync(long submissionId, CancellationToken cancellationToken);
}

/// <summary>Downloads a Telegram file (getFile) into content-addressed storage.</summary>
public interface ITelegramFileJob
{
    Task DownloadAsync(long attachmentId, CancellationToken cancellationToken);
}

/// <summary>Sends one queued outbound message (mail or Telegram) exactly once.</summary>
public interface IOutboundJob
{
    Task SendAsync(long outboundMessageId, CancellationToken cancellationToken);
}
