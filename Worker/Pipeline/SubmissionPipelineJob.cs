using AdilSoz.Intake.Data;
using AdilSoz.Intake.Dedup;
using AdilSoz.Intake.Intake;
using AdilSoz.Intake.Jobs;
using AdilSoz.Intake.Suggest;
using AdilSoz.Intake.Telegram;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Worker.Pipeline;

/// <summary>
/// Takes a received submission into the moderation queue: suggestions (language, category, region,
/// settlement, urgency, each with its evidence), exact and near-duplicate detection against the recent
/// past through the key index, the cluster, then <c>pending</c>; urgent reports alert the monitors.
/// Idempotent: everything is written in one transaction that also moves the status on from
/// <see cref="SubmissionStatus.Received"/>, so running the job twice changes nothing.
/// </summary>
public sealed class SubmissionPipelineJob(
    IntakeDbContext db,
    IBackgroundJobClient jobs,
    IOptions<PipelineOptions> options,
    IOptions<TelegramOptions> telegram,
    NearDuplicateIndex index,
    ILogger<SubmissionPipelineJob> logger) : ISubmissionPipelineJob
{
    /// <summary>Serialises the find-then-add step, so two reports of one event processed at once still meet.</summary>
    private const long DedupLockKey = 0x4164_696C_536F_7A02;

    public async Task ProcessAsync(long submissionId, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var submission = await db.Submissions
            .FromSql($"""SELECT * FROM "Submissions" WHERE "Id" = {submissionId} FOR NO KEY UPDATE""")
            .Include(s => s.Attachments)
            .SingleOrDefaultAsync(cancellationToken);
        if (submission is null || submission.Status != SubmissionStatus.Received)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        submission.UpdatedAt = now;
        if (submission.Kind is not (SubmissionKind.Report or SubmissionKind.Followup))
        {
            submission.Status = SubmissionStatus.Ignored;
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return;
        }

        Suggest(submission);
        if (submission is { Kind: SubmissionKind.Followup, ParentId: { } parentId })
        {
            submission.ClusterId = await db.Submissions.Where(s => s.Id == parentId).Select(s => s.ClusterId ?? s.Id).SingleAsync(cancellationToken);
        }
        else
        {
            await DeduplicateAsync(submission, now, cancellationToken);
        }

        if (submission.DuplicateOfId is null)
        {
            submission.Status = SubmissionStatus.Pending;
        }

        var alert = submission.Urgent && submission.Status == SubmissionStatus.Pending ? AddModeratorAlert(submission, now) : null;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);

        if (alert is not null)
        {
            jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(alert.Id, CancellationToken.None));
        }

        logger.LogInformation("Submission {SubmissionId} is {Status} in cluster {ClusterId}", submission.Id, submission.Status, submission.ClusterId);
    }

    private static void Suggest(Submission submission)
    {
        var s = SuggestionEngine.Suggest(submission.Subject, submission.Text);
        submission.Language ??= s.Language?.Code;
        submission.SuggestedCategory = s.Category?.Code;
        submission.SuggestedRegion = submission.RegionCode ?? s.Region?.Code;
        submission.SuggestedSettlement = submission.Settlement ?? s.Settlement?.Name;
        submission.Urgent = s.Urgent.Value;
        submission.SuggestionEvidence = s.ToJson();
    }

    private async Task DeduplicateAsync(Submission submission, DateTimeOffset now, CancellationToken ct)
    {
        var input = new DedupInput(
            submission.Id, submission.Text, submission.Subject, submission.OccurredOn, submission.ReceivedAt,
            submission.SuggestedRegion, submission.SuggestedSettlement,
            submission.Attachments.Where(a => a.Sha256 is not null).Select(a => a.Sha256!).ToList());
        var fingerprint = Fingerprinter.Compute(input);
        submission.Fingerprint = fingerprint.ToJson();
        submission.TextHash = Fingerprinter.ExactTextHash(submission.Text);
        var since = submission.ReceivedAt.AddDays(-options.Value.DedupWindowDays);

        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({DedupLockKey})", ct);

        if (submission.TextHash is not null
            && await NearDuplicateIndex.FindExactAsync(db, submission.TextHash, since, submission.Id, ct) is { } original)
        {
            // The same report again: linked, kept, never queued twice.
            submission.DuplicateOfId = original;
            submission.ClusterId = await db.Submissions.Where(s => s.Id == original).Select(s => s.ClusterId ?? s.Id).SingleAsync(ct);
            submission.Status = SubmissionStatus.Ignored;
            AddLink(submission.Id, original, LinkLevel.Exact, 1, "same text", now);
            return;
        }

        var matches = await index.FindAsync(db, fingerprint, since, submission.Id, ct);
        foreach (var (otherId, result) in matches)
        {
            AddLink(submission.Id, otherId, result.Level ?? LinkLevel.Suggested, result.Score, result.Explanation, now);
        }

        if (matches.FirstOrDefault(m => m.Result.Level == LinkLevel.SameEvent) is { SubmissionId: > 0 } same)
        {
            submission.ClusterId = await db.Submissions.Where(s => s.Id == same.SubmissionId).Select(s => s.ClusterId ?? s.Id).SingleAsync(ct);
        }

        submission.ClusterId ??= submission.Id;
        await index.AddAsync(db, submission.Id, fingerprint, submission.ReceivedAt, ct);
    }

    private void AddLink(long id, long otherId, LinkLevel level, double score, string explanation, DateTimeOffset now) =>
        db.DuplicateLinks.Add(new DuplicateLink
        {
            SubmissionId = id, OtherId = otherId, Level = level, Score = score, Explanation = explanation, CreatedAt = now,
        });

    private OutboundMessage? AddModeratorAlert(Submission submission, DateTimeOffset now)
    {
        if (telegram.Value.ModeratorChatId is null || string.IsNullOrWhiteSpace(telegram.Value.BotToken))
        {
            return null;
        }

        var preview = submission.Text.Length > 300 ? submission.Text[..300] + "…" : submission.Text;
        var message = new OutboundMessage
        {
            IdempotencyKey = $"alert:{submission.Id}",
            Channel = Channel.Telegram,
            Kind = OutboundKind.ModeratorAlert,
            SubmissionId = submission.Id,
            Subject = submission.Reference,
            Body = $"⚠️ {submission.Reference} ({submission.SuggestedCategory ?? "?"}, {submission.SuggestedRegion ?? "?"})\n{preview}",
            CreatedAt = now,
        };
        db.OutboundMessages.Add(message);
        return message;
    }
}
