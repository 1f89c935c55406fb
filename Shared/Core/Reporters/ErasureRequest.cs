namespace AdilSoz.Intake.Core.Reporters;

/// <summary>
/// A request by mail to erase a reporter's data, waiting for its owner: a code went to the reporter's
/// stored address, and only a reply from that address carrying the code, within <see cref="Lifetime"/>,
/// erases. Nothing happens when it expires; a later request starts again.
/// </summary>
public sealed class ErasureRequest
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>While a request younger than this is open, a new one sends no new code.</summary>
    public static readonly TimeSpan CodeInterval = TimeSpan.FromHours(1);

    /// <summary>Wrong codes from the stored address before the request is closed.</summary>
    public const int MaxAttempts = 5;

    public long Id { get; set; }

    public long ReporterId { get; set; }

    /// <summary>The "delete my data" mail (kept as the record of the request).</summary>
    public long SubmissionId { get; set; }

    /// <summary>SHA-256 (hex) of "submission id:code"; the code itself is only in the mail to the stored address.</summary>
    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int WrongCodes { get; set; }

    /// <summary>Null while open; "erased", "wrong codes" or "superseded".</summary>
    public string? Outcome { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}
