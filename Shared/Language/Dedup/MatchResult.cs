
namespace AdilSoz.Intake.Language.Dedup;

/// <summary>How alike two submissions are, the link level that follows, and why, in a few words.</summary>
/// <param name="Score">0 (nothing in common) to 1.</param>
/// <param name="Level">Null when below the suggestion threshold.</param>
/// <param name="Explanation">Short English reason, e.g. "same photo; names: Akhmedyarov, Uporov; Uralsk; 3 Feb".</param>
public sealed record MatchResult(double Score, LinkLevel? Level, string Explanation);

/// <summary>The two thresholds on <see cref="MatchResult.Score"/>.</summary>
public sealed record MatchThresholds
{
    public static readonly MatchThresholds Default = new();

    /// <summary>At or above: shown to the monitor as a possible duplicate.</summary>
    public double Suggested { get; init; } = 0.30;

    /// <summary>At or above: clustered automatically as the same event.</summary>
    public double SameEvent { get; init; } = 0.50;
}
