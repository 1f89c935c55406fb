using System.Security.Cryptography;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Locking;
using AdilSoz.Intake.Core.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MimeKit.Utils;
using Npgsql;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>What <see cref="MailStore.StoreAsync(string, byte[], long?, CancellationToken)"/> did with a raw message.</summary>
/// <param name="InboundItemId">The stored item: the new one, or the one that already held this message.</param>
/// <param name="Duplicate">The message was already stored (same key, or same Message-ID / content under another key).</param>
/// <param name="Pending">The item still waits for the ingest job (status Stored).</param>
public sealed record StoredMail(long InboundItemId, bool Duplicate, bool Pending);

/// <summary>
/// Stores a raw mail as an <see cref="InboundItem"/> exactly once. The check and the insert run in one
/// transaction under a PostgreSQL advisory lock taken on the Message-ID (or, without one, the content
/// hash), so two Worker instances, a re-scan after a UIDVALIDITY change and an import of the same mail
/// all end with one item. The unique (channel, source key) index is the last line of defence.
/// </summary>
public sealed class MailStore(IntakeDbContext db, IdentityProtector protector, TimeProvider clock)
{
    public Task<StoredMail> StoreAsync(string sourceKey, byte[] raw, CancellationToken cancellationToken) =>
        StoreAsync(sourceKey, raw, null, cancellationToken);

    /// <param name="originalSize">The size of the mail as received when <paramref name="raw"/> is only its headers (an oversize mail).</param>
    public async Task<StoredMail> StoreAsync(string sourceKey, byte[] raw, long? originalSize, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(raw));
        var messageId = ReadMessageId(raw);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var identity = messageId is null ? "sha:" + sha : "mid:" + messageId;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLocks.Mail(identity)})", ct);

            var existing = await db.InboundItems.AsNoTracking()
                .Where(i => i.Channel == Channel.Email && (i.SourceKey == sourceKey
                    || (messageId != null ? i.MessageId == messageId : i.MessageId == null && i.ContentSha256 == sha)))
                .OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.Status })
                .FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                await transaction.CommitAsync(ct);
                return new StoredMail(existing.Id, true, existing.Status == InboundStatus.Stored);
            }

            var item = new InboundItem
            {
                Channel = Channel.Email,
                SourceKey = sourceKey,
                MessageId = messageId,
                ContentSha256 = sha,
                RawEncrypted = protector.ProtectRaw(raw),
                RawSize = Math.Max(originalSize ?? 0, raw.LongLength),
                ReceivedAt = clock.GetUtcNow(),
            };
            db.InboundItems.Add(item);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // The same key under another Message-ID lock (a changed message under a reused key): keep the first.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var id = await db.InboundItems.Where(i => i.Channel == Channel.Email && i.SourceKey == sourceKey)
                    .Select(i => new { i.Id, i.Status }).SingleAsync(ct);
                return new StoredMail(id.Id, true, id.Status == InboundStatus.Stored);
            }

            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            Core.Operations.IntakeMetrics.ReportReceived(Channel.Email);
            return new StoredMail(item.Id, false, true);
        }, cancellationToken);
    }

    /// <summary>The Message-ID (without angle brackets) from the headers, or null when there is none or the bytes are not mail.</summary>
    public static string? ReadMessageId(byte[] raw)
    {
        try
        {
            using var stream = new MemoryStream(FoldingLimit.Apply(raw), false);
            var parser = new MimeParser(stream, MimeFormat.Entity);
            var headers = parser.ParseHeaders();
            var value = headers[HeaderId.MessageId];
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var id = MailTextCleanup.Storable(MimeUtils.EnumerateReferences(value).FirstOrDefault() ?? value.Trim().Trim('<', '>'));
            return id.Length is > 0 and <= 900 ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The Message-ID, else the content hash: what makes two copies of a mail the same mail.</summary>
    public static string DedupIdentity(byte[] raw) =>
        ReadMessageId(raw) ?? Convert.ToHexStringLower(SHA256.HashData(raw));

}
