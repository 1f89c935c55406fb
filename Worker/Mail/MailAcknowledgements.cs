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
        var (acknowledge, _) = AcknowledgementPolicy.ShouldAcknowledge(mail, mailbox.Value.Address, submission.Kind);
        if (!acknowledge)
        {
            return null;
        }

        // Note: the submission is new in the caller's transaction, so no message can hold its key yet; the unique
        // index on the key is what would refuse a second one.
        var key = Key(submission.Id);

        // Counted per address, not per reporter: each unverified mail has a reporter of its own, and a flood of
        // forged mails must not become a flood of replies to the address they name. One address's mails are
        // acknowledged one at a time, so the rate check cannot race.
        var hash = protector.KeyHash(Channel.Email, AcknowledgementPolicy.Recipient(mail)!);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLocks.Acknowledgement(hash)})", ct);
        var since = clock.GetUtcNow() - Window;
        var sameAddress = db.Reporters.Where(r => r.Id == reporterId || r.KeyHash == hash || r.ClaimedKeyHash == hash).Select(r => r.Id);
        var recent = await db.OutboundMessages.AnyAsync(o => o.ReporterId != null && sameAddress.Contains(o.ReporterId.Value) && o.Channel == Channel.Email
            && (o.Kind == OutboundKind.Acknowledgement || o.Kind == OutboundKind.Notice)
            && (o.Status == OutboundStatus.Queued || o.Status == OutboundStatus.Sending || o.Status == OutboundStatus.Sent || o.Status == OutboundStatus.Unconfirmed)
            && o.CreatedAt > since, ct);

        var (subject, body) = AcknowledgementComposer.Text(mail, submission.Reference, submission.Language, parser.Value.MaxMessageBytes);
        var message = new OutboundMessage
        {
            IdempotencyKey = key,
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
        await db.SaveChangesAsync(ct);
        return recent ? null : message.Id;
    }
}
