using AdilSoz.Intake.Data;
using AdilSoz.Intake.Intake;
using AdilSoz.Intake.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdilSoz.Intake.Reporters;

/// <summary>Finds or creates the pseudonymous reporter behind a channel identity.</summary>
public sealed class ReporterDirectory(IntakeDbContext db, IdentityProtector protector)
{
    /// <summary>
    /// The reporter for <paramref name="identity"/> (Telegram user id, mail address), created on first
    /// contact; the contact and display name are refreshed (encrypted) when they change.
    /// </summary>
    public async Task<Reporter> GetOrCreateAsync(Channel channel, string identity, string? contact, string? displayName, string? language, CancellationToken ct)
    {
        var hash = protector.KeyHash(channel, identity);
        var reporter = await db.Reporters.SingleOrDefaultAsync(r => r.KeyHash == hash, ct);
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
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Reporters.Add(reporter);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another instance created the same reporter a moment ago.
                db.Entry(reporter).State = EntityState.Detached;
                reporter = await db.Reporters.SingleAsync(r => r.KeyHash == hash, ct);
            }

            return reporter;
        }

        if (reporter.IdentityEncrypted is null)
        {
            // The reporter asked for their data to be deleted and came back: a fresh start.
            reporter.IdentityEncrypted = protector.Protect(identity);
            reporter.IdentityDeletedAt = null;
        }

        if (contact is not null && protector.Unprotect(reporter.ContactEncrypted) != contact)
        {
            reporter.ContactEncrypted = protector.Protect(contact);
        }

        reporter.Language ??= language;
        return reporter;
    }

    /// <summary>
    /// Erases what identifies the reporter (identity, contact, name) and the raw items of their reports;
    /// the reports stay, anonymous. The keyed hash is replaced by a random value: kept, it would still
    /// link the person's future reports to these (and confirm to anyone holding the hash key and a
    /// guessed id that this person reported). Someone who writes again starts as a new reporter.
    /// </summary>
    public async Task DeleteIdentityAsync(long reporterId, CancellationToken ct, DateTimeOffset? at = null)
    {
        var now = at ?? DateTimeOffset.UtcNow;
        var unlinked = "deleted:" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await db.Reporters.Where(r => r.Id == reporterId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.KeyHash, unlinked)
            .SetProperty(r => r.IdentityEncrypted, (string?)null)
            .SetProperty(r => r.ContactEncrypted, (string?)null)
            .SetProperty(r => r.DisplayNameEncrypted, (string?)null)
            .SetProperty(r => r.IdentityDeletedAt, now), ct);
        await db.Submissions.Where(s => s.ReporterId == reporterId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.MayNameReporter, false)
                .SetProperty(x => x.QuotedTextEncrypted, (string?)null).SetProperty(x => x.ForwardedFromEncrypted, (string?)null), ct);
        await InboundPurge.PurgeOfSubmissionsAsync(db, db.Submissions.Where(s => s.ReporterId == reporterId), now, ct);
    }
}
