using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Reporters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Worker.Retention;

/// <summary>What one retention run did.</summary>
public sealed record RetentionResult(int IdentitiesErased, int SpamPurged, int RawItemsPurged);

/// <summary>
/// The daily maintenance job that forgets what is no longer needed: identities of reporters whose
/// reports are all closed for <see cref="RetentionOptions.ClosedIdentityDays"/> (and of people who
/// never reported), the text and raw message of spam after <see cref="RetentionOptions.SpamDays"/>,
/// and the raw JSON of old Telegram dialogue updates. Reports themselves are never deleted.
/// </summary>
public sealed class RetentionJob(
    IntakeDbContext db,
    ReporterDirectory reporters,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionJob> logger)
{
    private const int Batch = 500;

    private static readonly SubmissionStatus[] Closed = [SubmissionStatus.Approved, SubmissionStatus.Rejected, SubmissionStatus.Ignored];

    private static readonly SubmissionStatus[] Open = [SubmissionStatus.Received, SubmissionStatus.Pending, SubmissionStatus.NeedsAttention];

    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var erased = await EraseClosedIdentitiesAsync(now, now.AddDays(-o.ClosedIdentityDays), cancellationToken);
        var (spam, spamRaw) = await PurgeSpamAsync(now, now.AddDays(-o.SpamDays), cancellationToken);
        var updates = await PurgeTelegramUpdatesAsync(now, now.AddDays(-o.TelegramUpdateDays), cancellationToken);
        var result = new RetentionResult(erased, spam, spamRaw + updates);
        logger.LogInformation("Retention: {Identities} identities erased, {Spam} spam purged, {Raw} raw items purged",
            result.IdentitiesErased, result.SpamPurged, result.RawItemsPurged);
        return result;
    }

    private async Task<int> EraseClosedIdentitiesAsync(DateTimeOffset now, DateTimeOffset cutoff, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var ids = await db.Reporters
                .Where(r => r.IdentityDeletedAt == null && r.CreatedAt < cutoff)
                .Where(r => db.Submissions.Any(s => s.ReporterId == r.Id)
                    ? !db.Submissions.Any(s => s.ReporterId == r.Id && (!Closed.Contains(s.Status) || s.UpdatedAt > cutoff))
                    : !db.DialogueStates.Any(d => d.ReporterId == r.Id && d.UpdatedAt > cutoff))
                .OrderBy(r => r.Id)
                .Select(r => r.Id)
                .Take(Batch)
                .ToListAsync(ct);
            foreach (var id in ids)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.DialogueStates.Where(d => d.ReporterId == id).ExecuteDeleteAsync(ct);
                await reporters.DeleteIdentityAsync(id, ct, now);
                await transaction.CommitAsync(ct);
            }

            total += ids.Count;
            if (ids.Count < Batch)
            {
                return total;
            }
        }
    }

    private async Task<(int Submissions, int Raw)> PurgeSpamAsync(DateTimeOffset now, DateTimeOffset cutoff, CancellationToken ct)
    {
        var spam = db.Submissions.Where(s => s.PurgedAt == null && s.UpdatedAt < cutoff
            && ((s.Status == SubmissionStatus.Rejected && s.RejectReason == RejectReason.Spam)
                || (s.Status == SubmissionStatus.Ignored && s.Kind == SubmissionKind.Spam)));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var raw = await InboundPurge.PurgeOfSubmissionsAsync(db, spam, now, ct);
        var purged = await spam.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Text, "")
            .SetProperty(x => x.QuotedTextEncrypted, (string?)null)
            .SetProperty(x => x.ForwardedFromEncrypted, (string?)null)
            .SetProperty(x => x.Subject, (string?)null)
            .SetProperty(x => x.PurgedAt, now), ct);
        await transaction.CommitAsync(ct);
        return (purged, raw);
    }

    private Task<int> PurgeTelegramUpdatesAsync(DateTimeOffset now, DateTimeOffset cutoff, CancellationToken ct) =>
        InboundPurge.PurgeAsync(db, db.InboundItems.Where(i => i.Channel == Channel.Telegram
            && i.Status == InboundStatus.Processed && i.ReceivedAt < cutoff
            && !db.Submissions.Any(s => (s.InboundItemId == i.Id || s.Id == i.SubmissionId) && Open.Contains(s.Status))), now, ct);
}
