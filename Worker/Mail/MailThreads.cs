using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// Finds the report a mail follows up: the report whose reference it carries, else the report of one
/// of our messages (acknowledgement, question) or of an earlier mail that its In-Reply-To / References
/// point at. A follow-up of a follow-up joins the original report.
/// </summary>
public sealed class MailThreads(IntakeDbContext db)
{
    /// <param name="mail">The parsed mail.</param>
    /// <param name="inboundItemId">The mail's own item (never its own parent).</param>
    /// <param name="waitForParent">Throw <see cref="ParentNotReadyException"/> when the answered mail is stored but not ingested yet.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<long?> FindParentAsync(ParsedMail mail, long inboundItemId, bool waitForParent, CancellationToken cancellationToken)
    {
        long? found = null;
        if (mail.Reference is { } reference)
        {
            var normalised = reference.ToUpperInvariant();
            found = await db.Submissions.Where(s => s.Reference == normalised)
                .Select(s => (long?)(s.ParentId ?? s.Id)).FirstOrDefaultAsync(cancellationToken);
        }

        var ids = ThreadIds(mail);
        if (found is null && ids.Count > 0)
        {
            found = await db.OutboundMessages
                .Where(o => o.ProviderMessageId != null && ids.Contains(o.ProviderMessageId) && o.SubmissionId != null)
                .OrderByDescending(o => o.Id)
                .Select(o => o.SubmissionId)
                .FirstOrDefaultAsync(cancellationToken);
            found ??= await db.InboundItems
                .Where(i => i.MessageId != null && ids.Contains(i.MessageId) && i.SubmissionId != null)
                .OrderByDescending(i => i.Id)
                .Select(i => i.SubmissionId)
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null && waitForParent && await db.InboundItems.AnyAsync(i => i.Id != inboundItemId && i.MessageId != null && ids.Contains(i.MessageId) && i.Status == InboundStatus.Stored, cancellationToken))
            {
                // The mail it answers arrived just before and is not ingested yet: try again shortly (job retry).
                throw new ParentNotReadyException();
            }

            if (found is { } direct)
            {
                found = await db.Submissions.Where(s => s.Id == direct).Select(s => (long?)(s.ParentId ?? s.Id)).FirstOrDefaultAsync(cancellationToken);
            }
        }

        return found;
    }

    /// <summary>
    /// The reporter of <paramref name="addressHash"/> whose conversation this mail answers: its In-Reply-To or
    /// References name a mail we sent to that reporter, or one of theirs we received. Those ids travel only
    /// between us and that address, so a mail citing them from it comes from the same person even when its
    /// sender cannot be verified otherwise. <paramref name="webOnly"/>: only a web reporter who left that
    /// address as contact (a verified sender is otherwise the address's own reporter).
    /// </summary>
    public async Task<long?> ThreadReporterAsync(ParsedMail mail, string addressHash, bool webOnly, CancellationToken cancellationToken)
    {
        var ids = ThreadIds(mail);
        if (ids.Count == 0)
        {
            return null;
        }

        var same = db.Reporters.Where(r => (r.KeyHash == addressHash || r.ClaimedKeyHash == addressHash) && (!webOnly || r.Channel == Channel.Web))
            .Select(r => r.Id);
        return await db.OutboundMessages
                .Where(o => o.ProviderMessageId != null && ids.Contains(o.ProviderMessageId) && o.ReporterId != null && same.Contains(o.ReporterId.Value))
                .OrderByDescending(o => o.Id).Select(o => o.ReporterId).FirstOrDefaultAsync(cancellationToken)
            ?? await db.InboundItems
                .Where(i => i.MessageId != null && ids.Contains(i.MessageId) && i.Submission != null && i.Submission.ReporterId != null && same.Contains(i.Submission.ReporterId.Value))
                .OrderByDescending(i => i.Id).Select(i => i.Submission!.ReporterId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether the mail names anything it may follow: a report's reference, or mails in In-Reply-To / References.</summary>
    public static bool IsThreaded(ParsedMail mail) => mail.Reference is not null || ThreadIds(mail).Count > 0;

    private static List<string> ThreadIds(ParsedMail mail) => mail.References.Append(mail.InReplyTo ?? "")
        .Select(id => id.Trim().Trim('<', '>'))
        .Where(id => id.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .Take(100)
        .ToList();
}

/// <summary>A reply arrived while the mail it answers is still waiting to be ingested; the job is retried.</summary>
public sealed class ParentNotReadyException() : Exception("The mail this message answers is not ingested yet; retrying.");
