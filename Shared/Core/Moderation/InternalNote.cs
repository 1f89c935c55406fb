namespace AdilSoz.Intake.Core.Moderation;

/// <summary>
/// A staff member's note on a submission, a cluster or an incident, for the team only: it is never sent to a
/// reporter, shown on a public page or written to an export. Plain text.
/// </summary>
public sealed class InternalNote
{
    public const string OnSubmission = "submission";
    public const string OnCluster = "cluster";
    public const string OnIncident = "incident";

    public const int MaxLength = 4000;

    public long Id { get; set; }

    /// <summary><see cref="OnSubmission"/>, <see cref="OnCluster"/> (the id is the cluster's) or <see cref="OnIncident"/>.</summary>
    public required string EntityType { get; set; }

    public long EntityId { get; set; }

    /// <summary>The account name of who wrote it.</summary>
    public required string Author { get; set; }

    public required string Text { get; set; }

    /// <summary>The account names of the colleagues it mentions (<c>@name</c>), who were mailed.</summary>
    public List<string> Mentions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
