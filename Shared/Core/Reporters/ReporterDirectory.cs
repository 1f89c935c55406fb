using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Core.Reporters;

/// <summary>Finds or creates the pseudonymous reporter behind a channel identity.</summary>
public sealed class ReporterDirectory(IntakeDbContext db, IdentityProtector protector, TimeProvider clock)
{
    /// <summary>
    /// The reporter for <paramref name="identity"/> (Telegram user id, mail address), created on first
    /// contact. A Telegram chat id is refreshed when it changes (Telegram vouches for it); a mail's
    /// contact never is: anyone can write a From or Reply-To, and the stored address is where mail
    /// about the person's reports goes.
    /// </summary>
    public async Task<Reporter> GetOrCreateAsync(Channel channel, string identity, string? contact, string? displayName, string? language, CancellationToken ct) =>
        (await FindOrCreateAsync(channel, identity, contact, displayName, language, ct)).Reporter;

    /// <summary>
    /// As <see cref="GetOrCreateAsync"/>, and whether the reporter was created by this call (nothing else of theirs can
    /// exist yet). With <paramref name="likelyNew"/> (a first contact, such as Telegram's /start) the creation is
    /// tried before the lookup: one round trip for a newcomer, two for someone who comes back.
    /// </summary>
    public async Task<(Reporter Reporter, bool IsNew)> FindOrCreateAsync(
        Channel channel, string identity, string? contact, string? displayName, string? language, CancellationToken ct, bool likelyNew = false)
    {
        var hash = protector.KeyHash(channel, identity);
        var reporter = likelyNew ? null : await db.Reporters.SingleOrDefaultAsync(r => r.KeyHash == hash, ct);
        if (reporter is null)
        {
            reporter = new Reporter
            {
                Channel = channel,
                KeyHash = hash,
                IdentityEncrypted = protector.Protect(identity),
                ContactEncrypted = contact is null ? null : protector.Protect(contact),
                DisplayNameEncrypted = string.IsNullOrWhiteSpace(displayName) ? null : protector.Protect(displayName),
                Language = language,
                CreatedAt = clock.GetUtcNow(),
            };

            // Note: another instance may create the same reporter at the same moment. A failed INSERT would
            // abort the caller's whole transaction; this one yields no row instead, and the lookup runs (again).
            var id = await db.Database.SqlQuery<long>($"""
                INSERT INTO "Reporters" ("Channel", "KeyHash", "IdentityEncrypted", "ContactEncrypted", "DisplayNameEncrypted", "Language", "Unreachable", "CreatedAt")
                VALUES ({channel.ToString()}, {hash}, {reporter.IdentityEncrypted}, {reporter.ContactEncrypted}, {reporter.DisplayNameEncrypted}, {language}, FALSE, {reporter.CreatedAt})
                ON CONFLICT ("KeyHash") DO NOTHING
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
            if (id.Count == 1)
            {
                reporter.Id = id[0];
                db.Reporters.Attach(reporter);
                return (reporter, true);
            }

            reporter = await db.Reporters.SingleAsync(r => r.KeyHash == hash, ct);
        }

        if (reporter.IdentityEncrypted is null)
        {
            // The reporter asked for their data to be deleted and came back: a fresh start.
            reporter.IdentityEncrypted = protector.Protect(identity);
            reporter.IdentityDeletedAt = null;
        }

        if (channel != Channel.Email && contact is not null && protector.Unprotect(reporter.ContactEncrypted) != contact)
        {
            reporter.ContactEncrypted = protector.Protect(contact);
        }

        reporter.Language ??= language;
        return (reporter, false);
    }

    /// <summary>
    /// A new reporter for a mail whose sender could not be verified: it claims <paramref name="address"/>
    /// but is not linked to the reporter of that address (nor to any other unverified mail from it).
    /// </summary>
    public async Task<Reporter> CreateUnlinkedAsync(string address, string? displayName, string? language, CancellationToken ct)
    {
        var reporter = NewUnlinked(address, displayName, language);
        db.Reporters.Add(reporter);
        await db.SaveChangesAsync(ct);
        return reporter;
    }

    /// <summary>As <see cref="CreateUnlinkedAsync"/>, not yet added: the caller adds it with what it writes in the same save.</summary>
    public Reporter NewUnlinked(string address, string? displayName, string? language) =>
        new()
        {
            Channel = Channel.Email,
            KeyHash = "unlinked:" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
            ClaimedKeyHash = protector.KeyHash(Channel.Email, address),
            IdentityEncrypted = protector.Protect(address),
            ContactEncrypted = protector.Protect(address),
            DisplayNameEncrypted = string.IsNullOrWhiteSpace(displayName) ? null : protector.Protect(displayName),
            Language = language,
            CreatedAt = clock.GetUtcNow(),
        };

    /// <summary>
    /// Erases what identifies the reporter (identity, contact, name) and the raw items of their reports;
    /// the reports stay, anonymous. Every inbound item known to be theirs goes (dialogue updates, the request
    /// itself once handled, items in needs attention), with the subjects, message ids and error texts that
    /// can name them. The keyed hash is replaced by a random value: kept, it would still
    /// link the person's future reports to these (and confirm to anyone holding the hash key and a
    /// guessed id that this person reported). Someone who writes again starts as a new reporter.
    /// </summary>
    public async Task DeleteIdentityAsync(long reporterId, CancellationToken ct, DateTimeOffset? at = null)
    {
        var now = at ?? clock.GetUtcNow();
        var unlinked = "deleted:" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await db.Reporters.Where(r => r.Id == reporterId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.KeyHash, unlinked)
            .SetProperty(r => r.IdentityEncrypted, (string?)null)
            .SetProperty(r => r.ContactEncrypted, (string?)null)
            .SetProperty(r => r.DisplayNameEncrypted, (string?)null)
            .SetProperty(r => r.ClaimedKeyHash, (string?)null)
            .SetProperty(r => r.IdentityDeletedAt, now), ct);
        var theirs = db.Submissions.Where(s => s.ReporterId == reporterId);
        await InboundPurge.PurgeOfSubmissionsAsync(db, theirs, now, ct);
        await InboundPurge.PurgeAsync(db, db.InboundItems.Where(i => i.ReporterId == reporterId), now, ct);
        await db.InboundItems
            .Where(i => i.ReporterId == reporterId || theirs.Any(s => s.Id == i.SubmissionId) || theirs.Any(s => s.InboundItemId == i.Id))
            .Where(i => i.Status != InboundStatus.Stored)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.MessageId, (string?)null).SetProperty(i => i.Error, (string?)null), ct);
        await theirs.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.MayNameReporter, false)
            .SetProperty(x => x.Subject, (string?)null)
            .SetProperty(x => x.ReplyToEncrypted, (string?)null)
            .SetProperty(x => x.QuotedTextEncrypted, (string?)null)
            .SetProperty(x => x.ForwardedFromEncrypted, (string?)null)
            .SetProperty(x => x.AttentionReason, x => x.AttentionReason == null ? null : "Erased at the reporter's request."), ct);
        await db.OutboundMessages.Where(o => o.ReporterId == reporterId && o.Error != null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Error, (string?)null), ct);
    }
}
