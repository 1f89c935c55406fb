namespace AdilSoz.Intake.Admin.Moderation;

public enum ModerationOutcome
{
    Done,
    NotFound,

    /// <summary>Already decided, or held by another monitor.</summary>
    Conflict,
    Invalid,
}

/// <summary>What a moderation action did: the incident it used, or why it did nothing.</summary>
public sealed record ModerationResult(ModerationOutcome Outcome, string? Message = null, long? IncidentId = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Outcome == ModerationOutcome.Done;

    /// <summary>Fields of the input the caller's role may not set, left out (JSON names).</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];

    public static ModerationResult Done(long? incidentId = null) => new(ModerationOutcome.Done, null, incidentId);

    public static ModerationResult NotFound(string message) => new(ModerationOutcome.NotFound, message);

    public static ModerationResult Conflict(string message) => new(ModerationOutcome.Conflict, message);

    public static ModerationResult Invalid(string message, IReadOnlyDictionary<string, string[]>? errors = null) => new(ModerationOutcome.Invalid, message, null, errors);
}
