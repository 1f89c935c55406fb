namespace AdilSoz.Intake.Intake;

public enum LinkLevel
{
    /// <summary>Shown to the monitor as a possible duplicate.</summary>
    Suggested,

    /// <summary>Clustered automatically as the same event.</summary>
    SameEvent,

    /// <summary>Exact duplicate (same text, same files, re-sent).</summary>
    Exact,

    /// <summary>Confirmed by a monitor.</summary>
    Confirmed,
}

/// <summary>Why two submissions are thought to be about the same event.</summary>
public sealed class DuplicateLink
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    public long OtherId { get; set; }

    public LinkLevel Level { get; set; }

    public double Score { get; set; }

    /// <summary>Human-readable reason, e.g. "same photo; names: Akhmedyarov, Uporov; Uralsk; 3 Feb".</summary>
    public string Explanation { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
