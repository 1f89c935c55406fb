namespace AdilSoz.Intake.Core.Intake;

public enum OutboundKind
{
    Acknowledgement,
    Question,
    Decision,
    Notice,
    ModeratorAlert,
    Digest,
}

public enum OutboundStatus
{
    Queued,
    Sent,
    Failed,

    /// <summary>Handed to the mail server or the Bot API right now (committed before it is handed over).</summary>
    Sending,

    /// <summary>
    /// Counted as sent without the server's confirmation: the sending was interrupted after the server may
    /// have taken it. Never sent again (a reporter at risk must not get it twice); a person may check and resend.
    /// </summary>
    Unconfirmed,

    /// <summary>Not sent on purpose: the reporter is anonymous, unreachable, or the mail would loop.</summary>
    Suppressed,
}

/// <summary>
/// A message to a reporter or to the monitors, written before it is sent so it goes out exactly once
/// (the idempotency key is unique) and survives a down SMTP server or Bot API.
/// </summary>
public sealed class OutboundMessage
{
    public long Id { get; set; }

    /// <summary>Unique key such as "ack:42" so a job run twice sends once.</summary>
    public required string IdempotencyKey { get; set; }

    public required Channel Channel { get; set; }

    public OutboundKind Kind { get; set; }

    public long? SubmissionId { get; set; }

    public long? ReporterId { get; set; }

    /// <summary>
    /// A staff mail address (daily digest, hearing reminder). Null for messages to a reporter
    /// (<see cref="ReporterId"/>) or to the moderators' Telegram chat.
    /// </summary>
    public string? Recipient { get; set; }

    public string? Subject { get; set; }

    public string Body { get; set; } = "";

    public OutboundStatus Status { get; set; } = OutboundStatus.Queued;

    public int Attempts { get; set; }

    public string? Error { get; set; }

    /// <summary>Provider id of the sent message (mail Message-ID, Telegram message id) to thread replies.</summary>
    public string? ProviderMessageId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
