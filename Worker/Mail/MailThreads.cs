using AdilSoz.Intake.Data;
using AdilSoz.Intake.Intake;
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

        var ids = mail.References.Append(mail.InReplyTo ?? "")
            .Select(id => id.Trim().Trim('<', '>'))
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
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
}

/// <summary>A reply arrived while the mail it answers is still waiting to be ingested; the job is retried.</summary>
public sealed class ParentNotReadyException() : Exception("The mail this message answers is not ingested yet; retrying.");
