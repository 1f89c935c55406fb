using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Core.Demo;

/// <summary>
/// A sample report as a reporter would send it, for loading the demo queue; not an entity.
/// <paramref name="EventKey"/> names the demo event it describes (equal keys = one cluster), for checks only.
/// </summary>
public sealed record DemoSubmission(
    Channel Channel,
    string Language,
    string? Subject,
    string Text,
    DateTimeOffset ReceivedAt,
    DateOnly OccurredOn,
    string? RegionCode,
    string? Settlement,
    string EventKey);
