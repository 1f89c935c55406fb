using System.Security.Cryptography;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
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
public sealed partial class MailIngestJob(
    IntakeDbContext db,
    IdentityProtector protector,
    ReporterDirectory reporters,
    MailThreads threads,
    MailAcknowledgements acknowledgements,
    IBackgroundJobClient jobs,
    PipelineWakeUp pipeline,
    IOptions<MailParserOptions> parserOptions,
    IOptions<MailboxOptions> mailbox,
    TimeProvider clock,
    ILogger<MailIngestJob> logger) : IMailIngestJob
{
    public Task ProcessAsync(long inboundItemId, CancellationToken cancellationToken) =>
        IngestAsync(inboundItemId, live: true, cancellationToken);

    public async Task ProcessManyAsync(long[] inboundItemIds, CancellationToken cancellationToken)
    {
        var done = new List<Outcome>(inboundItemIds.Length);
        Exception? failure = null;

        // The chunk's stored mails in one read; the plain ones are written together, the others each in its own
        // transaction, locked and checked again there.
        var items = await db.InboundItems.AsNoTracking().Where(i => inboundItemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var parsed = new Dictionary<long, ParsedMail>();
        try
        {
            (done, parsed) = await IngestChunkAsync([.. inboundItemIds.Where(items.ContainsKey).Select(id => items[id])], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing of the chunk's transaction stays; each mail is taken on its own instead.
            db.ChangeTracker.Clear();
            logger.LogWarning("A chunk of {Count} mails could not be written together ({Error}); each is taken on its own", inboundItemIds.Length, e.GetType().Name);
        }

        var written = done.Select(o => o.InboundItemId).ToHashSet();
        foreach (var id in inboundItemIds.Where(id => !written.Contains(id)))
        {
            try
            {
                if (items.TryGetValue(id, out var item) && await IngestOneAsync(item, live: true, cancellationToken, parsed.GetValueOrDefault(id)) is { } outcome)
                {
                    done.Add(outcome);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The others of the chunk go on; this one stays stored, and the job's retry takes it again.
                failure ??= e;
                logger.LogWarning("Mail {InboundItemId} could not be ingested yet ({Error}); the rest of its chunk goes on", id, e.GetType().Name);
            }
        }

        AfterCommit(done);
        if (failure is not null)
        {
            throw new InvalidOperationException($"Not every mail of the chunk was ingested ({failure.GetType().Name}); the job is retried for those still stored.", failure);
        }
    }

    /// <summary>
    /// Ingests one stored mail. <paramref name="live"/>: mail from the mailbox (a new report is acknowledged;
    /// a reply whose original is stored but not ingested yet waits for it); false for a backfill of old mail
    /// (no replies to anyone, files taken in order).
    /// </summary>
    public async Task IngestAsync(long inboundItemId, bool live, CancellationToken cancellationToken)
    {
        var item = await db.InboundItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inboundItemId, cancellationToken);
        if (item is not null && await IngestOneAsync(item, live, cancellationToken) is { } outcome)
        {
            AfterCommit([outcome]);
        }
    }

    /// <summary>Ingests one stored mail (as read before its lock) in its own transaction; null when it was handled already.</summary>
    private async Task<Outcome?> IngestOneAsync(InboundItem item, bool live, CancellationToken cancellationToken, ParsedMail? parsed = null)
    {
        // In a chunk, what an earlier mail left tracked (a failure half way) must not be saved with this one.
        db.ChangeTracker.Clear();
        var inboundItemId = item.Id;
        if (item.Channel != Channel.Email || item.Status != InboundStatus.Stored || item.SubmissionId is not null)
        {
            return null;
        }

        var mail = parsed ?? Parse(item);
        var (reporterId, sender) = await SenderAsync(mail, cancellationToken);

        // A failure inside the mail's transaction rolls all of it back (the job's retry takes the mail again), and
        // nothing in it goes on after a failed save, so EF's savepoint around each save (two more round trips a
        // save, three saves a mail) guards nothing here (a new reporter's INSERT cannot fail on a race: it yields no row).
        db.Database.AutoSavepointsEnabled = false;
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The row is locked and its state read again; the raw mail, which never changes, is not read twice.
            var now = await db.Database.SqlQuery<ItemState>($"""
                SELECT "Id", "Status", "SubmissionId", "Attempts" FROM "InboundItems" WHERE "Id" = {inboundItemId} FOR UPDATE
                """).SingleAsync(ct);
            if (now.Status != nameof(InboundStatus.Stored) || now.SubmissionId is not null)
            {
                return null;
            }

            var locked = item.Copy();
            locked.Attempts = now.Attempts;
            db.InboundItems.Attach(locked);
            var result = await IngestAsync(locked, mail, sender, reporterId, live, ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);

        return outcome is null ? null : outcome with { InboundItemId = inboundItemId };
    }

    private ParsedMail Parse(InboundItem item) => MailParser.Parse(protector.UnprotectRaw(item.RawEncrypted), parserOptions.Value, item.RawSize);

    /// <summary>The reporter a mail is linked to (null: none yet) and its claimed sender (null: not a person's mail).</summary>
    private async Task<(long? ReporterId, Sender? Sender)> SenderAsync(ParsedMail mail, CancellationToken cancellationToken)
    {
        var isPerson = mail.Kind is SubmissionKind.Report or SubmissionKind.Followup;

        // Who wrote it. The From is only a claim: a mail joins the reporter of that address when our mail
        // server verified it, or when it answers a mail of that reporter's conversation; a delete request
        // goes to that reporter too (it only sends them a code). Any other mail gets a new reporter of its own.
        // The linked reporter is found or created first, in its own short transaction (it copes with a race itself).
        Reporter? reporter = null;
        Sender? sender = null;
        if (isPerson && mail.From?.Address is { Length: > 0 } from && from.Contains('@'))
        {
            var hash = protector.KeyHash(Channel.Email, from);
            var verdict = SenderVerification.Check(mail.AuthenticationResults, from, mailbox.Value.TrustedAuthServId);
            var threadReporter = await threads.ThreadReporterAsync(mail, hash, webOnly: verdict.Verified, cancellationToken);
            if (threadReporter is { } known)
            {
                reporter = await db.Reporters.SingleAsync(r => r.Id == known, cancellationToken);
            }
            else if (verdict.Verified || (mail.Error is null && DeleteRequest.IsRequest(mail)))
            {
                reporter = await reporters.GetOrCreateAsync(Channel.Email, from, from, mail.From.DisplayName, mail.Language, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            sender = new Sender(from, hash, verdict.Verified || threadReporter is not null ? null : verdict.Reason);
        }

        return (reporter?.Id, sender);
    }

    /// <summary>
    /// After the commits: one wake-up of the pipeline for the new reports, and the replies sent, those of a chunk
    /// through one job (one SMTP connection).
    /// </summary>
    private void AfterCommit(List<Outcome> done)
    {
        if (done.Any(o => o.Status == SubmissionStatus.Received))
        {
            pipeline.Received();
        }

        var replies = new List<long>();
        foreach (var outcome in done)
        {
            if (outcome.OutboundId is { } outboundId && outcome.EraseReporterId is { } eraseId)
            {
                // The owner confirmed with the code. The last mail ("deleted") goes to the address first; the
                // identity goes once it is sent, and at the latest after a day even if the mail server never takes it.
                var sendJob = jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(outboundId, CancellationToken.None));
                jobs.ContinueJobWith<IIdentityErasureJob>(sendJob, j => j.EraseAsync(eraseId, CancellationToken.None), JobContinuationOptions.OnAnyFinishedState);
                jobs.Schedule<IIdentityErasureJob>(j => j.EraseAsync(eraseId, CancellationToken.None), EraseAtTheLatest);
            }
            else if (outcome.OutboundId is { } reply)
            {
                replies.Add(reply);
            }

            logger.LogInformation("Mail {InboundItemId} became submission {SubmissionId} ({Kind}, {Status})",
                outcome.InboundItemId, outcome.SubmissionId, outcome.Kind, outcome.Status);
        }

        if (replies.Count == 1)
        {
            var one = replies[0];
            jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(one, CancellationToken.None));
        }
        else if (replies.Count > 1)
        {
            var many = replies.ToArray();
            jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendManyAsync(many, CancellationToken.None));
        }
    }

    /// <summary>When the "deleted" mail after a confirmed request has not gone out by then, the identity is erased anyway.</summary>
    public static readonly TimeSpan EraseAtTheLatest = TimeSpan.FromDays(1);

    private sealed record Outcome(long SubmissionId, SubmissionKind Kind, SubmissionStatus Status, long? OutboundId, long? EraseReporterId = null)
    {
        public long InboundItemId { get; init; }
    }

    /// <summary>What of a stored mail's row can change while it waits: read again under its lock.</summary>
    private sealed record ItemState(long Id, string Status, long? SubmissionId, int Attempts);

    /// <summary>The claimed sender: address, its keyed hash, and why it is not believed (null when it is).</summary>
    private sealed record Sender(string Address, string Hash, string? NotVerified);

    private async Task<Outcome> IngestAsync(InboundItem item, ParsedMail mail, Sender? sender, long? reporterId, bool live, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (sender is not null && mail.Error is null && await ConfirmErasureAsync(item, mail, sender, live, now, ct) is { } confirmed)
        {
            return confirmed;
        }

        if (sender is not null && reporterId is null)
        {
            // A sender we cannot believe: a report of a new reporter, linked to no one (its acknowledgement
            // goes to the address it claims and says only that a mail arrived, with its reference).
            var unlinked = await reporters.CreateUnlinkedAsync(sender.Address, mail.From?.DisplayName, mail.Language, ct);
            reporterId = unlinked.Id;
        }

        var submission = NewSubmission(item, mail, sender, now);
        submission.ReporterId = reporterId;
        item.ReporterId = reporterId;

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
            // The mail "delete my data": kept as the record of the request. Its From may be forged, so it
            // only sends a code to the address we hold; nothing is erased until the code comes back from it.
            submission.Kind = SubmissionKind.Report;
            submission.Status = SubmissionStatus.Ignored;
            submission.DecisionNote = live
                ? "The sender asked by mail for their data to be deleted; a confirmation code went to the reporter's stored address."
                : "A request by mail to delete the sender's data, taken from an archive: not acted on (erasure needs a confirmation code from the address).";
            item.Status = InboundStatus.Processed;
            db.Submissions.Add(submission);
            await db.SaveChangesAsync(ct);
            item.SubmissionId = submission.Id;
            item.ProcessedAt = now;
            item.Attempts++;
            if (!live)
            {
                await db.SaveChangesAsync(ct);
                return new Outcome(submission.Id, submission.Kind, submission.Status, null);
            }

            if (await db.ErasureRequests.AnyAsync(e => e.ReporterId == requester && e.Outcome == null && e.CreatedAt > now - ErasureRequest.CodeInterval, ct))
            {
                // Forged requests must not become a stream of code mails to the address.
                submission.DecisionNote = "The sender asked by mail for their data to be deleted; a code went to the stored address less than an hour ago, so no new one was sent.";
                Audit.Add(db, clock, "system", "erasure.repeated", "Reporter", requester, new { submissionId = submission.Id });
                await db.SaveChangesAsync(ct);
                return new Outcome(submission.Id, submission.Kind, submission.Status, null);
            }

            await db.ErasureRequests.Where(e => e.ReporterId == requester && e.Outcome == null)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Outcome, "superseded").SetProperty(e => e.ClosedAt, now), ct);
            var code = DeleteRequest.NewCode();
            var request = new ErasureRequest
            {
                ReporterId = requester,
                SubmissionId = submission.Id,
                CodeHash = DeleteRequest.CodeHash(submission.Id, code),
                CreatedAt = now,
                ExpiresAt = now + ErasureRequest.Lifetime,
            };
            db.ErasureRequests.Add(request);
            var codeMail = await AddErasureMailAsync($"erase-code:{submission.Id}", submission, requester, language => ReporterMail.ErasureCode(language, code), now, ct);
            await db.SaveChangesAsync(ct);
            Audit.Add(db, clock, "system", "erasure.requested", "Reporter", requester,
                new { submissionId = submission.Id, request = request.Id, expiresAt = request.ExpiresAt, senderVerified = sender?.NotVerified is null });
            await db.SaveChangesAsync(ct);
            return new Outcome(submission.Id, submission.Kind, submission.Status, codeMail.Id);
        }
        else if (mail.Kind is SubmissionKind.Report or SubmissionKind.Followup)
        {
            parentId = await threads.FindParentAsync(mail, item.Id, waitForParent: live, ct);
            if (parentId is { } other && await db.Submissions.AnyAsync(p => p.Id == other && p.ReporterId != reporterId, ct))
            {
                // Someone else's report: quoting its reference (or answering our mail about it) proves
                // nothing, so this is a new report that mentions it, and that report is left untouched.
                submission.MentionsId = other;
                parentId = null;
            }

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
                AsNewReport(submission);
            }

            item.Status = InboundStatus.Processed;
        }
        else
        {
            submission.Status = SubmissionStatus.Ignored;
            item.Status = InboundStatus.Processed;
            if (mail.Kind == SubmissionKind.Bounce && mail.BouncePermanent && mail.BounceMessageId?.Trim().Trim('<', '>') is { Length: > 0 } returned)
            {
                // Anyone can write a failure notice naming an address; only one returning a mail we sent
                // (its Message-ID) tells us that reporter cannot be reached.
                var ours = db.OutboundMessages.Where(o => o.Channel == Channel.Email && o.ProviderMessageId == returned && o.ReporterId != null).Select(o => o.ReporterId);
                var marked = await db.Reporters.Where(r => ours.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Unreachable, true), ct);
                logger.LogInformation("Permanent bounce of our mail: {Count} reporter(s) marked unreachable", marked);
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
        if (live && parentId is null && reporterId is { } rid && IsAcknowledged(submission, mail))
        {
            outboundId = await acknowledgements.CreateAsync(mail, submission, rid, ct);
        }

        await db.SaveChangesAsync(ct);
        return new Outcome(submission.Id, submission.Kind, submission.Status, outboundId);
    }

    /// <summary>A person's mail that follows no report: a new report, or, when it reads like advertising, one that waits for a monitor (as such a web report does).</summary>
    private static void AsNewReport(Submission submission)
    {
        submission.Kind = SubmissionKind.Report;
        submission.AttentionReason = SpamSigns.Of(submission.Subject, submission.Text);
        submission.Status = submission.AttentionReason is null ? SubmissionStatus.Received : SubmissionStatus.NeedsAttention;
    }

    /// <summary>Whether a new submission gets the automatic reply: a report that is not suspected spam, or a mail too large to keep whole.</summary>
    private static bool IsAcknowledged(Submission submission, ParsedMail mail) =>
        (submission.Kind == SubmissionKind.Report && !SpamSigns.IsSpamReason(submission.AttentionReason)) || mail.TooLarge;

    /// <summary>The submission a stored mail becomes, before its kind and status are decided.</summary>
    private Submission NewSubmission(InboundItem item, ParsedMail mail, Sender? sender, DateTimeOffset now) => new()
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
        InboundItemId = item.Id,
        SenderNotVerified = sender?.NotVerified,
        ReplyToEncrypted = mail.ReplyTo?.Address is { Length: > 0 } replyTo && sender is not null
            && !string.Equals(replyTo, sender.Address, StringComparison.OrdinalIgnoreCase) ? protector.Protect(Truncate(replyTo, 320)) : null,
    };

    /// <summary>
    /// A reply carrying the code of an open erasure request of the reporter of this address: recorded, the
    /// erasure confirmed and the "deleted" mail written. A wrong code counts against the request; anything
    /// else (no open request, another address, no code) returns null and the mail is handled as usual.
    /// </summary>
    private async Task<Outcome?> ConfirmErasureAsync(InboundItem item, ParsedMail mail, Sender sender, bool live, DateTimeOffset now, CancellationToken ct)
    {
        var codes = DeleteRequest.Codes(mail);
        if (!live || codes.Count == 0)
        {
            return null;
        }

        var open = await db.ErasureRequests
            .Where(e => e.Outcome == null && e.ExpiresAt > now && db.Reporters.Any(r => r.Id == e.ReporterId && (r.KeyHash == sender.Hash || r.ClaimedKeyHash == sender.Hash)))
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
        if (open is null)
        {
            return null;
        }

        if (!codes.Any(c => CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(DeleteRequest.CodeHash(open.SubmissionId, c)), System.Text.Encoding.ASCII.GetBytes(open.CodeHash))))
        {
            open.WrongCodes++;
            if (open.WrongCodes >= ErasureRequest.MaxAttempts)
            {
                open.Outcome = "wrong codes";
                open.ClosedAt = now;
            }

            Audit.Add(db, clock, "system", open.Outcome is null ? "erasure.wrong-code" : "erasure.closed", "Reporter", open.ReporterId,
                new { request = open.Id, wrongCodes = open.WrongCodes });
            await db.SaveChangesAsync(ct);
            return null;
        }

        var requester = open.ReporterId;
        var submission = new Submission
        {
            Channel = Channel.Email,
            Kind = SubmissionKind.Report,
            Status = SubmissionStatus.Ignored,
            Subject = Truncate(mail.Subject, 998),
            Text = mail.Text,
            Language = mail.Language is "kk" or "ru" or "en" ? mail.Language : null,
            ReceivedAt = item.ReceivedAt,
            UpdatedAt = now,
            ReporterId = requester,
            InboundItemId = item.Id,
            DecisionNote = "The owner of the address confirmed the request to delete their data with the code; their identity is erased.",
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(ct);
        item.SubmissionId = submission.Id;
        item.ReporterId = requester;
        item.Status = InboundStatus.Processed;
        item.ProcessedAt = now;
        item.Attempts++;
        open.Outcome = "erased";
        open.ClosedAt = now;

        var confirmation = await AddErasureMailAsync($"erase:{submission.Id}", submission, requester, ReporterMail.ErasureDone, now, ct);
        Audit.Add(db, clock, "system", "erasure.confirmed", "Reporter", requester, new { request = open.Id, submissionId = submission.Id });
        await db.SaveChangesAsync(ct);
        return new Outcome(submission.Id, submission.Kind, submission.Status, confirmation.Id, requester);
    }

    /// <summary>A mail of the deletion exchange (the code, the confirmation) to the reporter's stored address, in their language.</summary>
    private async Task<OutboundMessage> AddErasureMailAsync(string key, Submission submission, long requester,
        Func<string?, (string Subject, string Body)> compose, DateTimeOffset now, CancellationToken ct)
    {
        var language = await db.Reporters.Where(r => r.Id == requester).Select(r => r.Language).SingleAsync(ct) ?? submission.Language;
        var (subject, body) = compose(language);
        var message = new OutboundMessage
        {
            IdempotencyKey = key,
            Channel = Channel.Email,

            // Note: written as is (a Notice would be recomposed as an acknowledgement to the mail's sender).
            Kind = OutboundKind.Decision,
            SubmissionId = submission.Id,
            ReporterId = requester,
            Subject = subject,
            Body = body,
            CreatedAt = now,
        };
        db.OutboundMessages.Add(message);
        return message;
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
            VALUES ({file.Sha256}, {file.Content.LongLength}, {file.Content}, {clock.GetUtcNow()})
            ON CONFLICT ("Sha256") DO NOTHING
            """, ct);
        attachment.Sha256 = file.Sha256;
        attachment.Status = AttachmentStatus.Stored;
        return attachment;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
