using AdilSoz.Intake.Core.Intake;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// A chunk of a mailbox's new mail taken in one transaction: the plain mails (a new report, a machine message, one
/// that cannot be read) are locked, written and acknowledged together in a few statements; a mail that may answer
/// or continue another (a reference, In-Reply-To, References), a request to delete data, a confirmation code or a
/// permanent bounce is left to the one-mail path, as is a large mail.
/// </summary>
public sealed partial class MailIngestJob
{
    /// <summary>A mail larger than this is parsed and written on its own (its attachments are not held with others').</summary>
    internal const long ChunkMailBytes = 1024 * 1024;

    /// <summary>At most this much raw mail is parsed and held at once for one chunk.</summary>
    internal const long ChunkBytes = 16 * 1024 * 1024;

    /// <summary>Whether a parsed mail is written with the others of its chunk.</summary>
    private static bool IsPlain(ParsedMail mail) =>
        !MailThreads.IsThreaded(mail)
        && DeleteRequest.Codes(mail).Count == 0
        && !DeleteRequest.IsRequest(mail)
        && !(mail.Kind == SubmissionKind.Bounce && mail.BouncePermanent);

    /// <summary>
    /// Ingests the plain mails of a chunk in one transaction. Returns what became of those it wrote, and the parsed
    /// mails it left to the one-mail path (to be written one at a time, without parsing them again).
    /// </summary>
    private async Task<(List<Outcome> Done, Dictionary<long, ParsedMail> Parsed)> IngestChunkAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken)
    {
        var parsed = new Dictionary<long, ParsedMail>();
        var plain = new List<(InboundItem Item, ParsedMail Mail)>();
        long held = 0;
        foreach (var item in items)
        {
            if (item.Channel != Channel.Email || item.Status != InboundStatus.Stored || item.SubmissionId is not null
                || item.RawSize > ChunkMailBytes || held + item.RawSize > ChunkBytes)
            {
                continue;
            }

            held += item.RawSize;
            var mail = Parse(item);
            parsed[item.Id] = mail;
            if (IsPlain(mail))
            {
                plain.Add((item, mail));
            }
        }

        if (plain.Count < 2)
        {
            return ([], parsed);
        }

        // Who wrote each (a verified sender's reporter is found or created first, as for one mail).
        var senders = new List<(long? ReporterId, Sender? Sender)>(plain.Count);
        foreach (var (_, mail) in plain)
        {
            senders.Add(await SenderAsync(mail, cancellationToken));
        }

        db.Database.AutoSavepointsEnabled = false;
        var strategy = db.Database.CreateExecutionStrategy();
        var done = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // The rows are locked in one order and their state read again; one already taken is left alone.
            var ids = plain.Select(p => p.Item.Id).Order().ToArray();
            var states = await db.Database.SqlQuery<ItemState>($"""
                SELECT "Id", "Status", "SubmissionId", "Attempts" FROM "InboundItems" WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE
                """).ToDictionaryAsync(s => s.Id, ct);
            var now = clock.GetUtcNow();
            var written = new List<(InboundItem Item, ParsedMail Mail, Submission Submission)>(plain.Count);
            for (var i = 0; i < plain.Count; i++)
            {
                var (item, mail) = plain[i];
                if (!states.TryGetValue(item.Id, out var state) || state.Status != nameof(InboundStatus.Stored) || state.SubmissionId is not null)
                {
                    continue;
                }

                var locked = item.Copy();
                locked.Attempts = state.Attempts;
                db.InboundItems.Attach(locked);
                var (reporterId, sender) = senders[i];
                var submission = NewSubmission(locked, mail, sender, now);
                if (sender is not null && reporterId is null)
                {
                    // A sender we cannot believe: a reporter of its own, written with the submission.
                    submission.Reporter = reporters.NewUnlinked(sender.Address, mail.From?.DisplayName, mail.Language);
                }
                else
                {
                    submission.ReporterId = reporterId;
                }

                if (mail.Error is not null)
                {
                    submission.Status = SubmissionStatus.NeedsAttention;
                    submission.AttentionReason = mail.Error;
                    locked.Status = InboundStatus.NeedsAttention;
                    locked.Error = mail.Error;
                }
                else if (mail.Kind is SubmissionKind.Report or SubmissionKind.Followup)
                {
                    // It names no report, so it is a new one.
                    AsNewReport(submission);
                    locked.Status = InboundStatus.Processed;
                }
                else
                {
                    submission.Status = SubmissionStatus.Ignored;
                    locked.Status = InboundStatus.Processed;
                }

                foreach (var file in mail.Attachments)
                {
                    submission.Attachments.Add(await AttachAsync(file, ct));
                }

                db.Submissions.Add(submission);
                written.Add((locked, mail, submission));
            }

            await db.SaveChangesAsync(ct);

            var acknowledge = new List<MailAcknowledgements.Report>();
            foreach (var (item, mail, submission) in written)
            {
                item.ReporterId = submission.ReporterId;
                item.SubmissionId = submission.Id;
                item.ProcessedAt = now;
                item.Attempts++;
                if (submission.ReporterId is { } rid && IsAcknowledged(submission, mail))
                {
                    acknowledge.Add(new(mail, submission, rid));
                }
            }

            var replies = await acknowledgements.AddManyAsync(acknowledge, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);

            var replyOf = acknowledge.Zip(replies).Where(r => r.Second is { Status: OutboundStatus.Queued })
                .ToDictionary(r => r.First.Submission.Id, r => r.Second!.Id);
            return written.Select(w => new Outcome(w.Submission.Id, w.Submission.Kind, w.Submission.Status, replyOf.TryGetValue(w.Submission.Id, out var reply) ? reply : null)
            {
                InboundItemId = w.Item.Id,
            }).ToList();
        }, cancellationToken);

        db.ChangeTracker.Clear();
        foreach (var outcome in done)
        {
            parsed.Remove(outcome.InboundItemId);
        }

        return (done, parsed);
    }
}
