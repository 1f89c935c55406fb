using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Worker.Digest;

/// <summary>One urgent submission as the digest shows it: no reporter, only what a monitor needs to triage.</summary>
public sealed record DigestItem(
    string Reference, DateTimeOffset ReceivedAt, SubmissionStatus Status, string? Category, string? Region, string? Settlement, string Text);
