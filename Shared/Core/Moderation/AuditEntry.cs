namespace AdilSoz.Intake.Core.Moderation;

/// <summary>One moderator or system action: who, when, what changed, why.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>User name, "api:&lt;key name&gt;" or "system".</summary>
    public required string Actor { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public long? EntityId { get; set; }

    /// <summary>JSON of what changed.</summary>
    public string? Details { get; set; }

    public string? Reason { get; set; }
}
