using System.Text.Json;
using AdilSoz.Intake.Core.Data;

namespace AdilSoz.Intake.Core.Moderation;

/// <summary>Writes audit entries: who did what to which entity, and why.</summary>
public static class Audit
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an entry to the context without saving, to commit with the change it records.</summary>
    public static AuditEntry Add(IntakeDbContext db, TimeProvider clock, string actor, string action, string entityType, long? entityId, object? details = null, string? reason = null)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is null ? null : JsonSerializer.Serialize(details, Json),
            Reason = reason,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    public static async Task WriteAsync(IntakeDbContext db, TimeProvider clock, string actor, string action, string entityType, long? entityId, object? details = null, string? reason = null)
    {
        Add(db, clock, actor, action, entityType, entityId, details, reason);
        await db.SaveChangesAsync();
    }
}
