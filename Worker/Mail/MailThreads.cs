using AdilSoz.Intake.Data;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// Finds the report a mail follows up: the report whose reference it carries, else the report of one
/// of our messages (acknowledgement, question) or of an earlier mail that its In-Reply-To / References
/// point at. A follow-up of a follow-up joins the original report.
/// </summary>
public sealed class MailThreads(IntakeDbContext db)
{
    public async Task<long?> FindParentAsync(ParsedMail mail, long? exceptSubmissionId, CancellationToken cancellationToken)
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
            if (found is { } direct)
            {
                found = await db.Submissions.Where(s => s.Id == direct).Select(s => (long?)(s.ParentId ?? s.Id)).FirstOrDefaultAsync(cancellationToken);
            }
        }

        return found == exceptSubmissionId ? null : found;
    }
}
