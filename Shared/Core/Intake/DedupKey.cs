namespace AdilSoz.Intake.Core.Intake;

/// <summary>
/// One locality-sensitive key of a submission's fingerprint (e.g. a MinHash band), indexed so that
/// near-duplicate candidates are found by key lookup, not by scanning prior submissions. Keyed by
/// (submission, key); no foreign key: the rows go with their submission through a statement trigger
/// (<see cref="Data.DedupKeysSql"/>), so that writing a report's thirty-odd keys costs no check per row.
/// </summary>
public sealed class DedupKey
{
    public long SubmissionId { get; set; }

    public long Key { get; set; }

    /// <summary>Copied from the submission so the lookup can stay within the time window.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
