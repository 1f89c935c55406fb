namespace AdilSoz.Intake.Core.Intake;

/// <summary>The channel a report came in through. Stored as snake_case text.</summary>
public enum Channel
{
    Telegram,
    Email,
    Web,
}

/// <summary>What kind of message a submission is; only reports and follow-ups reach the queue.</summary>
public enum SubmissionKind
{
    Report,
    Followup,
    AutoReply,
    Bounce,
    Bulk,
    Spam,
}

/// <summary>Where a submission stands in its life.</summary>
public enum SubmissionStatus
{
    /// <summary>Stored, not yet processed by the pipeline.</summary>
    Received,

    /// <summary>In the moderation queue.</summary>
    Pending,

    /// <summary>Could not be processed; its raw input is kept for an operator.</summary>
    NeedsAttention,
    Approved,
    Rejected,

    /// <summary>Kept and visible, but not a report (auto-reply, bounce, bulk, spam, exact duplicate).</summary>
    Ignored,
}

/// <summary>Processing state of a raw inbound item.</summary>
public enum InboundStatus
{
    Stored,
    Processed,
    NeedsAttention,
}

public enum AttachmentStatus
{
    /// <summary>Known (e.g. a Telegram file_id) but not downloaded yet.</summary>
    Pending,
    Stored,

    /// <summary>Over the size limit: recorded, not downloaded; the reporter was told.</summary>
    TooLarge,
    Failed,
}

public enum RejectReason
{
    Spam,
    OutOfScope,
    Insufficient,
    Other,
}
