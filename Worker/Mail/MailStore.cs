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

/// <summary>A raw mail to store: its source key, its bytes, and its size as received (more than the bytes when only its headers were fetched).</summary>
public sealed record IncomingMail(string SourceKey, byte[] Raw, long Size);

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

    /// <summary>
    /// Stores a chunk of mails in one transaction, with the same rules as one at a time: each mail's identity
    /// lock is taken (in key order, so two Workers storing overlapping chunks cannot wait on each other in a
    /// circle), the ones already stored (and repeats within the chunk) come back as duplicates. Should the
    /// unique index still refuse one, the chunk is stored again mail by mail.
    /// </summary>
    public async Task<IReadOnlyList<StoredMail>> StoreManyAsync(IReadOnlyList<IncomingMail> mails, CancellationToken cancellationToken)
    {
        if (mails.Count == 0)
        {
            return [];
        }

        var prepared = mails.Select(m =>
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(m.Raw));
            var messageId = ReadMessageId(m.Raw);
            return (Mail: m, Sha: sha, MessageId: messageId, Identity: messageId is null ? "sha:" + sha : "mid:" + messageId);
        }).ToList();
        var strategy = db.Database.CreateExecutionStrategy();
        var stored = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync(
                $"SELECT count(pg_advisory_xact_lock(k)) FROM unnest({AdvisoryLocks.Mail(prepared.Select(p => p.Identity))}) AS k", ct);

            var keys = prepared.Select(p => p.Mail.SourceKey).ToArray();
            var messageIds = prepared.Where(p => p.MessageId is not null).Select(p => p.MessageId!).ToArray();
            var shas = prepared.Where(p => p.MessageId is null).Select(p => p.Sha).ToArray();
            var existing = await db.InboundItems.AsNoTracking()
                .Where(i => i.Channel == Channel.Email && (keys.Contains(i.SourceKey)
                    || (i.MessageId != null && messageIds.Contains(i.MessageId))
                    || (i.MessageId == null && shas.Contains(i.ContentSha256))))
                .OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.Status, i.SourceKey, i.MessageId, i.ContentSha256 })
                .ToListAsync(ct);

            var now = clock.GetUtcNow();
            var added = new List<InboundItem>();
            var outcome = new List<(InboundItem? New, StoredMail? Old)>();
            foreach (var p in prepared)
            {
                var old = existing.FirstOrDefault(i => i.SourceKey == p.Mail.SourceKey
                    || (p.MessageId is not null ? i.MessageId == p.MessageId : i.MessageId == null && i.ContentSha256 == p.Sha));
                if (old is not null)
                {
                    outcome.Add((null, new StoredMail(old.Id, true, old.Status == InboundStatus.Stored)));
                    continue;
                }

                var earlier = added.FirstOrDefault(i => i.SourceKey == p.Mail.SourceKey
                    || (p.MessageId is not null ? i.MessageId == p.MessageId : i.MessageId == null && i.ContentSha256 == p.Sha));
                if (earlier is not null)
                {
                    outcome.Add((earlier, null));
                    continue;
                }

                var item = new InboundItem
                {
                    Channel = Channel.Email,
                    SourceKey = p.Mail.SourceKey,
                    MessageId = p.MessageId,
                    ContentSha256 = p.Sha,
                    RawEncrypted = protector.ProtectRaw(p.Mail.Raw),
                    RawSize = Math.Max(p.Mail.Size, p.Mail.Raw.LongLength),
                    ReceivedAt = now,
                };
                db.InboundItems.Add(item);
                added.Add(item);
                outcome.Add((item, null));
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return null;
            }

            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            var seen = new HashSet<InboundItem>();
            return outcome.Select(o => o.Old ?? new StoredMail(o.New!.Id, !seen.Add(o.New), true)).ToList();
        }, cancellationToken);

        if (stored is null)
        {
            // A mail under a key another Message-ID already holds: the rules of the one-at-a-time store decide.
            var one = new List<StoredMail>(mails.Count);
            foreach (var m in mails)
            {
                one.Add(await StoreAsync(m.SourceKey, m.Raw, m.Size, cancellationToken));
            }

            return one;
        }

        foreach (var _ in stored.Where(s => !s.Duplicate))
        {
            Core.Operations.IntakeMetrics.ReportReceived(Channel.Email);
        }

        return stored;
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
