namespace AdilSoz.Intake.Worker.Digest;

/// <summary>
/// A report past its response target as the digest lists it: the reference, how long past the target it is and
/// who it is assigned to — nothing of the report's text or its reporter.
/// </summary>
public sealed record OverdueItem(string Reference, bool Urgent, TimeSpan PastTarget, string? AssignedTo);
