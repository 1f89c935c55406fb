namespace AdilSoz.Intake.Core.Web;

/// <summary>
/// The receipt of a report made on the public web form: only a slow hash of the 16 digits the reporter was
/// shown once, and the count of wrong receipts tried for the reference (no address, no browser: nothing
/// about who tried). Ten wrong ones lock the reference's status page for an hour.
/// </summary>
public sealed class WebReceipt
{
    /// <summary>The report (a submission of channel web); one receipt each.</summary>
    public long SubmissionId { get; set; }

    /// <summary>The report's reference, copied here so the public process finds the receipt without reading submissions.</summary>
    public required string Reference { get; set; }

    /// <summary><see cref="ReceiptCodes.Hash"/>: PBKDF2-SHA256 with its iteration count and per-receipt salt.</summary>
    public required string ReceiptHash { get; set; }

    /// <summary>Wrong receipts tried since the last lock (or the last right one).</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Until when the status page of this reference opens for no receipt; null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}
