using AdilSoz.Intake.Data;
using AdilSoz.Intake.Intake;
using AdilSoz.Intake.Jobs;
using AdilSoz.Intake.Reporters;
using AdilSoz.Intake.Security;
using AdilSoz.Intake.Worker.Retention;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// Turns a stored raw mail into a submission: a report (queued for the pipeline, acknowledged once),
/// a follow-up joining its report's thread, a kept-but-ignored machine message (auto-reply, bounce,
/// newsletter, spam), or, when it cannot be read, a submission in "needs attention" with the raw
/// bytes kept. Idempotent: an item already processed is left alone, and its row is locked while
/// it is handled, so two runs of the job make one submission.
/// </summary>
public sealed class MailIngestJob(
    IntakeDbContext db,
    IdentityProtector protector,
    ReporterDirectory reporters,
    MailThreads threads,
    MailAcknowledgements acknowledgements,
    IBackgroundJobClient jobs,
    IOptions<MailParserOptions> parserOptions,
    ILogger<MailIngestJob> logger) : IMailIngestJob
{
    public Task ProcessAsync(long inboundItemId, CancellationToken cancellationToken) =>
        IngestAsync(inboundItemId, live: true, cancellationToken);

    /// <summary>
    /// Ingests one stored mail. <paramref name="live"/>: mail from the mailbox (a new report is acknowledged;
    /// a reply whose original is stored but not ingested yet waits for it); false for a backfill of old mail
    /// (no replies to anyone, files taken in order).
    /// </summary>
    public async Task IngestAsync(long inboundItemId, bool live, CancellationToken cancellationToken)
    {
        var item = await db.InboundItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inboundItemId, cancellationToken);
        if (item is null || item.Channel != Channel.Email || item.Status != InboundStatus.Stored || item.SubmissionId is not null)
        {
            return;
        }

        var mail = MailParser.Parse(protector.UnprotectRaw(item.RawEncrypted), parserOptions.Value, item.RawSize);
        var isPerson = mail.Kind is SubmissionKind.Report or SubmissionKind.Followup;

        // The reporter is found or created first, in its own short transaction (it copes with a race itself).
        Reporter? reporter = null;
        if (isPerson && mail.From?.Address is { Length: > 0 } from && from.Contains('@'))
        {
            reporter = await reporters.GetOrCreateAsync(Channel.Email, from, AcknowledgementPolicy.Recipient(mail) ?? from, mail.From.DisplayName, mail.Language, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.InboundItems
                .FromSql($"""SELECT * FROM "InboundItems" WHERE "Id" = {inboundItemId} FOR UPDATE""")
                .SingleAsync(ct);
            if (locked.Status != InboundStatus.Stored || locked.SubmissionId is not null)
            {
                return null;
            }

            var result = await IngestAsync(locked, mail, reporter?.Id, live, ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);

        if (outcome is null)
        {
            return;
        }

        if (outcome.Status == SubmissionStatus.Received)
        {
            var id = outcome.SubmissionId;
            jobs.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None));
        }

        if (outcome.OutboundId is { } outboundId)
        {
            var sendJob = jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(outboundId, CancellationToken.None));
            if (outcome.EraseReporterId is { } eraseId)
            {
                // The confirmation goes to the address first; the identity goes once it is sent, and
                // at the latest after a day even if the mail server never takes it.
                jobs.ContinueJobWith<IIdentityErasureJob>(sendJob, j => j.EraseAsync(eraseId, CancellationToken.None), JobContinuationOptions.OnAnyFinishedState);
                jobs.Schedule<IIdentityErasureJob>(j => j.EraseAsync(eraseId, CancellationToken.None), EraseAtTheLatest);
            }
        }

        logger.LogInformation("Mail {InboundItemId} became submission {SubmissionId} ({Kind}, {Status})",
            inboundItemId, outcome.SubmissionId, outcome.Kind, outcome.Status);
    }

    /// <summary>When a "delete my data" mail's confirmation has not gone out by then, the identity is erased anyway.</summary>
    public static readonly TimeSpan EraseAtTheLatest = TimeSpan.FromDays(1);

    private sealed record Outcome(long SubmissionId, SubmissionKind Kind, SubmissionStatus Status, long? OutboundId, long? EraseReporterId = null);

    private async Task<Outcome> IngestAsync(InboundItem item, ParsedMail mail, long? reporterId, bool live, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var submission = new Submission
        {
            Channel = Channel.Email,
            Kind = mail.Kind,
            Subject = Truncate(mail.Subject, 998),
            Text = mail.Text,
            QuotedTextEncrypted = protector.ProtectOrNull(mail.QuotedText),
            ForwardedFromEncrypted = protector.ProtectOrNull(mail.ForwardedFrom),
            Language = mail.Language is "kk" or "ru" or "en" ? mail.Language : null,
            ReceivedAt = item.ReceivedAt,
            UpdatedAt = now,
            ReporterId = reporterId,
            InboundItemId = item.Id,
        };

        long? parentId = null;
        if (mail.Error is not null)
        {
            submission.Status = SubmissionStatus.NeedsAttention;
            submission.AttentionReason = mail.Error;
            item.Status = InboundStatus.NeedsAttention;
            item.Error = mail.Error;
        }
        else if (mail.Kind is SubmissionKind.Report or SubmissionKind.Followup && reporterId is { } requester && DeleteRequest.IsRequest(mail))
        {
            // The mail "delete my data": kept (without the address, once erased) as the record of the request.
            submission.Kind = SubmissionKind.Report;
            submission.Status = SubmissionStatus.Ignored;
            submission.DecisionNote = "The sender asked by mail for their data to be deleted; their identity is erased after the confirmation.";
            item.Status = InboundStatus.Processed;
            db.Submissions.Add(submission);
            await db.SaveChangesAsync(ct);
            item.SubmissionId = submission.Id;
            item.ProcessedAt = now;
            item.Attempts++;
            if (!live)
            {
                // An old mail taken in from an archive: no one to answer now; erase at once.
                await db.SaveChangesAsync(ct);
                await reporters.DeleteIdentityAsync(requester, ct);
                return new Outcome(submission.Id, submission.Kind, submission.Status, null);
            }

            var (subject, body) = DeleteRequest.Confirmation(submission.Language);
            var confirmation = new OutboundMessage
            {
                IdempotencyKey = $"erase:{submission.Id}",
                Channel = Channel.Email,

                // Note: a decision on the request, written as is (a Notice would be recomposed as an acknowledgement).
                Kind = OutboundKind.Decision,
                SubmissionId = submission.Id,
                ReporterId = requester,
                Subject = subject,
                Body = body,
                CreatedAt = now,
            };
            db.OutboundMessages.Add(confirmation);
            await db.SaveChangesAsync(ct);
            return new Outcome(submission.Id, submission.Kind, submission.Status, confirmation.Id, requester);
        }
        else if (mail.Kind is SubmissionKind.Report or SubmissionKind.Followup)
        {
            parentId = await threads.FindParentAsync(mail, item.Id, waitForParent: live, ct);
            if (parentId is { } parent)
            {
                submission.Kind = SubmissionKind.Followup;
                submission.ParentId = parent;
                submission.Status = SubmissionStatus.Pending;

                // The report comes back to the monitors' attention.
                await db.Submissions.Where(s => s.Id == parent).ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAt, now), ct);
            }
            else
            {
                // A reference we do not know (or no reference): a new report.
                submission.Kind = SubmissionKind.Report;
                submission.Status = SubmissionStatus.Received;
            }

            item.Status = InboundStatus.Processed;
        }
        else
        {
            submission.Status = SubmissionStatus.Ignored;
            item.Status = InboundStatus.Processed;
            if (mail.Kind == SubmissionKind.Bounce && mail.BouncePermanent && mail.BounceRecipient is { Length: > 0 } bounced)
            {
                var hash = protector.KeyHash(Channel.Email, bounced);
                var marked = await db.Reporters.Where(r => r.KeyHash == hash).ExecuteUpdateAsync(s => s.SetProperty(r => r.Unreachable, true), ct);
                logger.LogInformation("Permanent bounce: {Count} reporter(s) marked unreachable", marked);
            }
        }

        foreach (var file in mail.Attachments)
        {
            submission.Attachments.Add(await AttachAsync(file, ct));
        }

        db.Submissions.Add(submission);
        await db.SaveChangesAsync(ct);

        item.SubmissionId = submission.Id;
        item.ProcessedAt = now;
        item.Attempts++;
        long? outboundId = null;
        if (live && parentId is null && reporterId is { } rid && (submission.Kind == SubmissionKind.Report || mail.TooLarge))
        {
            outboundId = await acknowledgements.CreateAsync(mail, submission, rid, ct);
        }

        await db.SaveChangesAsync(ct);
        return new Outcome(submission.Id, submission.Kind, submission.Status, outboundId);
    }

    private async Task<SubmissionAttachment> AttachAsync(MailAttachment file, CancellationToken ct)
    {
        var attachment = new SubmissionAttachment
        {
            FileName = Truncate(MailTextCleanup.Storable(file.FileName), 255),
            ContentType = Truncate(MailTextCleanup.Storable(file.ContentType), 255),
            Size = file.Size,
            Inline = file.Inline,
        };
        if (file.TooLarge || file.Sha256 is null)
        {
            attachment.Status = AttachmentStatus.TooLarge;
            attachment.Error = "Over the attachment size limit: listed, not kept.";
            return attachment;
        }

        // Content-addressed: the same file from two mails (or two Workers at once) is stored once.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Blobs" ("Sha256", "Size", "Bytes", "CreatedAt")
            VALUES ({file.Sha256}, {file.Content.LongLength}, {file.Content}, {DateTimeOffset.UtcNow})
            ON CONFLICT ("Sha256") DO NOTHING
            """, ct);
        attachment.Sha256 = file.Sha256;
        attachment.Status = AttachmentStatus.Stored;
        return attachment;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
