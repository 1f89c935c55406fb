using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Locking;
using AdilSoz.Intake.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// Writes the one automatic reply a new mail report gets into the outbox (sent later by the outbound
/// job). Never to machines, lists, no-reply addresses or our own address (<see cref="AcknowledgementPolicy"/>);
/// once per submission (idempotency key <c>ack:{id}</c>, unique); at most one per sender per
/// <see cref="Window"/>, later ones recorded as suppressed with the reason.
/// </summary>
public sealed class MailAcknowledgements(IntakeDbContext db, IdentityProtector protector, IOptions<MailboxOptions> mailbox, IOptions<MailParserOptions> parser, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static string Key(long submissionId) => $"ack:{submissionId}";

    /// <summary>Creates the acknowledgement inside the caller's transaction; returns its id when it is to be sent.</summary>
    public async Task<long?> CreateAsync(ParsedMail mail, Submission submission, long reporterId, CancellationToken ct)
    {
        var message = (await AddManyAsync([new Report(mail, submission, reporterId)], ct))[0];
        await db.SaveChangesAsync(ct);
        return message is { Status: OutboundStatus.Queued } ? message.Id : null;
    }

    /// <summary>A new mail report to acknowledge: the mail, its saved submission (id and reference known) and its reporter.</summary>
    public sealed record Report(ParsedMail Mail, Submission Submission, long ReporterId);

    /// <summary>
    /// Adds the acknowledgements of saved new reports to the caller's transaction, not yet saved: per report, the
    /// message (queued, or suppressed with the reason), or null when the mail gets none. Two reports from one
    /// address within <see cref="Window"/>, in this call or not, get one reply.
    /// </summary>
    public async Task<IReadOnlyList<OutboundMessage?>> AddManyAsync(IReadOnlyList<Report> reports, CancellationToken ct)
    {
        // Counted per address, not per reporter: each unverified mail has a reporter of its own, and a flood of
        // forged mails must not become a flood of replies to the address they name.
        var hashes = new string?[reports.Count];
        for (var i = 0; i < reports.Count; i++)
        {
            var (acknowledge, _) = AcknowledgementPolicy.ShouldAcknowledge(reports[i].Mail, mailbox.Value.Address, reports[i].Submission.Kind);
            hashes[i] = acknowledge ? protector.KeyHash(Channel.Email, AcknowledgementPolicy.Recipient(reports[i].Mail)!) : null;
        }

        var addresses = hashes.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var messages = new OutboundMessage?[reports.Count];
        if (addresses.Length == 0)
        {
            return messages;
        }

        // One address's mails are acknowledged one transaction at a time, so the rate check cannot race; the locks
        // are taken in one order (unnest keeps the array's) so that two Workers' chunks cannot wait on each other.
        await db.Database.ExecuteSqlAsync($"SELECT count(pg_advisory_xact_lock(k)) FROM unnest({AdvisoryLocks.Acknowledgements(addresses)}) AS k", ct);

        var since = clock.GetUtcNow() - Window;
        var reporterIds = reports.Select(r => r.ReporterId).Distinct().ToArray();
        // Note: from the chunk's reporters (a few, by their indexes) to their recent replies (by reporter and time),
        // not from every reply of the last minutes: during a backlog those are thousands.
        var answered = await db.Reporters
            .Where(r => reporterIds.Contains(r.Id) || addresses.Contains(r.KeyHash) || (r.ClaimedKeyHash != null && addresses.Contains(r.ClaimedKeyHash)))
            .Where(r => db.OutboundMessages.Any(o => o.ReporterId == r.Id && o.Channel == Channel.Email
                && (o.Kind == OutboundKind.Acknowledgement || o.Kind == OutboundKind.Notice)
                && (o.Status == OutboundStatus.Queued || o.Status == OutboundStatus.Sending || o.Status == OutboundStatus.Sent || o.Status == OutboundStatus.Unconfirmed)
                && o.CreatedAt > since))
            .Select(r => new { r.Id, r.KeyHash, r.ClaimedKeyHash })
            .ToListAsync(ct);
        var recentReporters = answered.Select(r => r.Id).ToHashSet();
        var recentAddresses = answered.Select(r => r.KeyHash).Concat(answered.Select(r => r.ClaimedKeyHash)).OfType<string>().ToHashSet(StringComparer.Ordinal);

        for (var i = 0; i < reports.Count; i++)
        {
            if (hashes[i] is not { } hash)
            {
                continue;
            }

            var (mail, submission, reporterId) = reports[i];
            var recent = recentReporters.Contains(reporterId) || recentAddresses.Contains(hash);
            var (subject, body) = AcknowledgementComposer.Text(mail, submission.Reference, submission.Language, parser.Value.MaxMessageBytes);

            // Note: the submission is new in the caller's transaction, so no message can hold its key yet; the
            // unique index on the key is what would refuse a second one.
            var message = new OutboundMessage
            {
                IdempotencyKey = Key(submission.Id),
                Channel = Channel.Email,
                Kind = mail.TooLarge ? OutboundKind.Notice : OutboundKind.Acknowledgement,
                SubmissionId = submission.Id,
                ReporterId = reporterId,
                Subject = subject,
                Body = body,
                Status = recent ? OutboundStatus.Suppressed : OutboundStatus.Queued,
                Error = recent ? $"Suppressed: this sender was already answered automatically within the last {Window.TotalMinutes:0} minutes." : null,
                CreatedAt = clock.GetUtcNow(),
            };
            db.OutboundMessages.Add(message);
            messages[i] = message;

            // The next report of this address or reporter in the same call counts this one as answered.
            recentReporters.Add(reporterId);
            recentAddresses.Add(hash);
        }

        return messages;
    }
}
