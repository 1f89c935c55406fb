namespace AdilSoz.Intake.Core.Intake;

/// <summary>
/// A raw item exactly as a channel delivered it (a Telegram update's JSON, a mail's MIME bytes),
/// stored before the source is acknowledged. The raw bytes carry identities and are encrypted at rest.
/// </summary>
public sealed class InboundItem
{
    public long Id { get; set; }

    public required Channel Channel { get; set; }

    /// <summary>
    /// Natural key, unique per channel: for Telegram "bot id:update_id:content hash" (update_id is
    /// not unique forever), for mail "account:UIDVALIDITY:UID" or "import:Message-ID".
    /// </summary>
    public required string SourceKey { get; set; }

    /// <summary>Mail Message-ID, used to fold a message seen under two keys (UIDVALIDITY change, import).</summary>
    public string? MessageId { get; set; }

    /// <summary>SHA-256 (hex) of the clear raw bytes; a second duplicate signal for mail without Message-ID.</summary>
    public required string ContentSha256 { get; set; }

    /// <summary>Raw bytes, encrypted with Data Protection (purpose "inbound-raw").</summary>
    public required byte[] RawEncrypted { get; set; }

    public long RawSize { get; set; }

    public InboundStatus Status { get; set; } = InboundStatus.Stored;

    /// <summary>Why it needs attention (an operator-facing message, never personal data).</summary>
    public string? Error { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public long? SubmissionId { get; set; }

    /// <summary>The reporter whose update or mail this is, once known; all of a reporter's items go when they ask for erasure.</summary>
    public long? ReporterId { get; set; }

    /// <summary>When retention replaced the raw bytes (identities of a closed report, old spam); null while kept.</summary>
    public DateTimeOffset? PurgedAt { get; set; }

    public Submission? Submission { get; set; }

    /// <summary>A copy of the row's values (not of its submission) to attach and change, leaving this one as read.</summary>
    public InboundItem Copy()
    {
        var copy = (InboundItem)MemberwiseClone();
        copy.Submission = null;
        return copy;
    }
}
