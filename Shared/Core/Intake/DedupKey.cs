namespace AdilSoz.Intake.Core.Intake;

/// <summary>
/// One locality-sensitive key of a submission's fingerprint (e.g. a MinHash band), indexed so that
/// near-duplicate candidates are found by key lookup, not by scanning prior submissions.
/// </summary>
public sealed class DedupKey
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    public long Key { get; set; }

    /// <summary>Copied from the submission so the lookup can stay within the time window.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
