using AdilSoz.Intake.Language.Dedup;

namespace AdilSoz.Intake.Core.Intake;

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
