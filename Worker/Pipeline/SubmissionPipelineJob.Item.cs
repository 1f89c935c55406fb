using AdilSoz.Intake.Core.Dedup;
using System.Runtime.ExceptionServices;
using AdilSoz.Intake.Language.Dedup;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Language.Suggest;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Worker.Pipeline;

// One item of a batch: suggestions, dedup, cluster, status, alert. Runs inside the item's savepoint.
public sealed partial class SubmissionPipelineJob
{
    private async Task<OutboundMessage?> ProcessItemAsync(PreparedItem item, DateTimeOffset now, CancellationToken ct)
    {
        if (item.Failure is not null)
        {
            ExceptionDispatchInfo.Throw(item.Failure);
        }

        var submission = item.Submission;
        submission.UpdatedAt = now;
        if (item.Suggestions is null)
        {
            submission.Status = SubmissionStatus.Ignored;
            return null;
        }

        Apply(submission, item.Suggestions);
        if (submission is { Kind: SubmissionKind.Followup, ParentId: { } parentId })
        {
            submission.ClusterId = await ClusterOfAsync(parentId, ct);
        }
        else if (item.Dedup is not null)
        {
            await DeduplicateAsync(submission, item.Dedup, now, ct);
        }

        if (submission.DuplicateOfId is null)
        {
            submission.Status = SubmissionStatus.Pending;
        }

        return submission.Urgent && submission.Status == SubmissionStatus.Pending ? AddModeratorAlert(submission, now) : null;
    }

    private static void Apply(Submission submission, Suggestions s)
    {
        submission.Language ??= s.Language?.Code;
        submission.SuggestedCategory = s.Category?.Code;
        submission.SuggestedRegion = submission.RegionCode ?? s.Region?.Code;
        submission.SuggestedSettlement = submission.Settlement ?? s.Settlement?.Name;
        submission.Urgent = s.Urgent.Value;
        submission.SuggestionEvidence = s.ToJson();
    }

    // A submission of this batch not yet processed has no cluster yet: it is its own (as it will be).
    private Task<long> ClusterOfAsync(long id, CancellationToken ct) =>
        db.Submissions.Where(s => s.Id == id).Select(s => s.ClusterId ?? s.Id).SingleAsync(ct);

    private async Task DeduplicateAsync(Submission submission, Fingerprint fingerprint, DateTimeOffset now, CancellationToken ct)
    {
        submission.Fingerprint = fingerprint.ToJson();
        submission.TextHash = Fingerprinter.ExactTextHash(submission.Text);
        var since = submission.ReceivedAt.AddDays(-options.Value.DedupWindowDays);

        if (submission.TextHash is not null
            && await NearDuplicateIndex.FindExactAsync(db, submission.TextHash, since, submission.Id, ct) is { } original)
        {
            // The same report again: linked, kept, never queued twice.
            submission.DuplicateOfId = original;
            submission.ClusterId = await ClusterOfAsync(original, ct);
            submission.Status = SubmissionStatus.Ignored;
            AddLink(submission.Id, original, LinkLevel.Exact, 1, "same text", now);
            return;
        }

        // The batch's earlier items are saved (inside this transaction), so the lookup sees them too.
        var matches = await index.FindAsync(db, fingerprint, since, submission.Id, ct);
        foreach (var (otherId, result) in matches)
        {
            AddLink(submission.Id, otherId, result.Level ?? LinkLevel.Suggested, result.Score, result.Explanation, now);
        }

        if (matches.FirstOrDefault(m => m.Result.Level == LinkLevel.SameEvent) is { SubmissionId: > 0 } same)
        {
            submission.ClusterId = await ClusterOfAsync(same.SubmissionId, ct);
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

        // The chat is outside the site's roles and audit, and its members' phones are outside our control:
        // it gets what to open, never the reporter's words (which can name them).
        var message = new OutboundMessage
        {
            IdempotencyKey = $"alert:{submission.Id}",
            Channel = Channel.Telegram,
            Kind = OutboundKind.ModeratorAlert,
            SubmissionId = submission.Id,
            Subject = submission.Reference,
            Body = $"⚠️ {submission.Reference} ({submission.SuggestedCategory ?? "?"}, {submission.SuggestedRegion ?? "?"})",
            CreatedAt = now,
        };
        db.OutboundMessages.Add(message);
        return message;
    }
}
