namespace AdilSoz.Intake.Language.Dedup;

/// <summary>How sure the pipeline or a monitor is that two submissions are about the same event.</summary>
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
