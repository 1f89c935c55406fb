using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Core.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AdilSoz.Intake.Bot.Receiving;

/// <summary>
/// Stores a raw update, encrypted, in one transaction, before the source is acknowledged.
/// The natural key is bot id + update_id + a hash of the content: update_id restarts at a random
/// value after a week without updates, so it alone is not unique forever, while a redelivered
/// update (same id, same bytes) maps to the same key and is a no-op.
/// </summary>
public sealed class UpdateStore(IntakeDbContext db, IdentityProtector protector, IOptions<TelegramOptions> options, TimeProvider clock)
{
    public sealed record Stored(long? InboundItemId, bool IsNew);

    /// <summary>Stores the update for the processor to take; <paramref name="attempts"/> counts failed handlings before.</summary>
    public async Task<Stored> StoreAsync(string rawJson, CancellationToken cancellationToken, int attempts = 0)
    {
        var item = NewItem(rawJson);
        item.Attempts = attempts;
        db.InboundItems.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            Core.Operations.IntakeMetrics.ReportReceived(Channel.Telegram);
            return new Stored(item.Id, true);
        }
        catch (DbUpdateException e) when (IsAlreadyStored(e))
        {
            db.ChangeTracker.Clear();
            return new Stored(null, false);
        }
    }

    /// <summary>The inbound item of a raw update, encrypted, not yet added: status Stored, or needs attention without an update_id.</summary>
    public InboundItem NewItem(string rawJson)
    {
        var bytes = Encoding.UTF8.GetBytes(rawJson);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var updateId = TryReadUpdateId(rawJson);
        var key = $"{options.Value.BotId}:{updateId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}:{sha[..16]}";
        return new InboundItem
        {
            Channel = Channel.Telegram,
            SourceKey = key,
            ContentSha256 = sha,
            RawEncrypted = protector.ProtectRaw(bytes),
            RawSize = bytes.Length,
            ReceivedAt = clock.GetUtcNow(),
            Status = updateId is null ? InboundStatus.NeedsAttention : InboundStatus.Stored,
            Error = updateId is null ? "The update is not valid JSON or has no update_id." : null,
        };
    }

    /// <summary>The save failed because the same update (same key) is stored already: a redelivery.</summary>
    public static bool IsAlreadyStored(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static long? TryReadUpdateId(string rawJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(rawJson);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("update_id", out var id)
                && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var v)
                ? v
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
