using AdilSoz.Intake.Core.Dedup;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Language.Dedup;
using AdilSoz.Intake.Language.Suggest;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Worker.Pipeline;

// Processing a batch (a single submission is a batch of one): suggestions, dedup, cluster, status, alert,
// in a fixed number of round trips — one batch of exact and candidate lookups (the candidates come with their
// fingerprints), one write of all keys, one save. Members of the batch are compared among themselves in
// memory, in order, so a batch gives the outcome its items give one after the other.
public sealed partial class SubmissionPipelineJob
{
    private async Task<List<Outcome>> ProcessBatchAsync(List<PreparedItem> items, DateTimeOffset now, CancellationToken ct)
    {
        var window = options.Value.DedupWindowDays;
        var requests = items
            .Where(i => i is { Failure: null, Suggestions: not null, Dedup: not null })
            .Select(i => new LookupRequest(i.Submission.Id, i.Dedup!, i.Submission.ReceivedAt.AddDays(-window)))
            .ToList();
        var lookups = await index.FindAsync(db, requests, ct);
        var found = requests.Select((r, k) => (r.SubmissionId, Result: lookups[k])).ToDictionary(x => x.SubmissionId, x => x.Result);

        var members = new List<Member>();
        var keys = new List<(long, Fingerprint, DateTimeOffset)>();
        var done = new List<Outcome>(items.Count);
        foreach (var item in items)
        {
            var submission = item.Submission;
            submission.UpdatedAt = now;
            if (item.Failure is not null)
            {
                submission.Status = SubmissionStatus.NeedsAttention;
                submission.AttentionReason = Reason(item.Failure);
                done.Add(new Outcome(submission, null));
                logger.LogWarning("Submission {SubmissionId} failed in the pipeline ({Error}) and needs attention", submission.Id, item.Failure.GetType().Name);
                continue;
            }

            if (item.Suggestions is null)
            {
                submission.Status = SubmissionStatus.Ignored;
                done.Add(new Outcome(submission, null));
                continue;
            }

            Apply(submission, item.Suggestions);
            if (submission is { Kind: SubmissionKind.Followup, ParentId: { } parentId })
            {
                submission.ClusterId = items.FirstOrDefault(i => i.Submission.Id == parentId)?.Submission is { } parent
                    ? parent.ClusterId ?? parent.Id
                    : await ClusterOfAsync(parentId, ct);
            }
            else if (item.Dedup is { } fingerprint)
            {
                var member = Deduplicate(submission, fingerprint, found[submission.Id], members, now);
                members.Add(member);
                if (member.Keys is not null)
                {
                    keys.Add((submission.Id, fingerprint, submission.ReceivedAt));
                }
            }

            if (submission.DuplicateOfId is null)
            {
                submission.Status = SubmissionStatus.Pending;
            }

            var alert = submission.Urgent && submission.Status == SubmissionStatus.Pending ? AddModeratorAlert(submission, now) : null;
            done.Add(new Outcome(submission, alert));
        }

        await index.AddAsync(db, keys, ct);
        await db.SaveChangesAsync(ct);
        return done;
    }

    /// <summary>
    /// Exact duplicate (the earliest of the database's and the batch's), else near duplicates from the
    /// database and from the earlier members of the batch that share an index key, best first.
    /// </summary>
    private Member Deduplicate(Submission submission, Fingerprint fingerprint, LookupResult found, List<Member> earlier, DateTimeOffset now)
    {
        submission.Fingerprint = fingerprint.ToJson();
        submission.TextHash = Fingerprinter.ExactTextHash(submission.Text);
        var since = submission.ReceivedAt.AddDays(-options.Value.DedupWindowDays);
        var until = submission.ReceivedAt.AddDays(index.UntilSlackDays);

        var exact = found.Exact is { } x ? (x.SubmissionId, x.ClusterId) : ((long, long)?)null;
        foreach (var m in earlier)
        {
            if (submission.TextHash is not null && m.Submission.TextHash == submission.TextHash && m.Submission.ReceivedAt >= since
                && (exact is null || m.Submission.Id < exact.Value.Item1))
            {
                exact = (m.Submission.Id, m.Submission.ClusterId ?? m.Submission.Id);
            }
        }

        if (exact is { } original)
        {
            var (originalId, originalCluster) = original;
            // The same report again: linked, kept, never queued twice (and not indexed).
            submission.DuplicateOfId = originalId;
            submission.ClusterId = originalCluster;
            submission.Status = SubmissionStatus.Ignored;
            AddLink(submission.Id, originalId, LinkLevel.Exact, 1, "same text", now);
            return new Member(submission, fingerprint, null);
        }

        var keys = DedupKeys.Of(fingerprint).ToHashSet();
        var near = new List<FoundSubmission>(found.Near);
        foreach (var m in earlier)
        {
            if (m.Keys is not null && m.Submission.ReceivedAt >= since && m.Submission.ReceivedAt <= until && m.Keys.Overlaps(keys)
                && DuplicateMatcher.Compare(fingerprint, m.Fingerprint, index.Thresholds) is { Level: not null } result)
            {
                near.Add(new FoundSubmission(m.Submission.Id, m.Submission.ClusterId ?? m.Submission.Id, result));
            }
        }

        var ordered = near.OrderByDescending(n => n.Result.Score).ThenByDescending(n => n.SubmissionId).ToList();
        foreach (var n in ordered)
        {
            AddLink(submission.Id, n.SubmissionId, n.Result.Level ?? LinkLevel.Suggested, n.Result.Score, n.Result.Explanation, now);
        }

        submission.ClusterId = ordered.FirstOrDefault(n => n.Result.Level == LinkLevel.SameEvent)?.ClusterId ?? submission.Id;
        return new Member(submission, fingerprint, keys);
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

    // A parent outside the batch: saved earlier (in this transaction when the batch runs item by item).
    private Task<long> ClusterOfAsync(long id, CancellationToken ct) =>
        db.Submissions.Where(s => s.Id == id).Select(s => s.ClusterId ?? s.Id).SingleAsync(ct);

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

    /// <summary>A member of the batch already processed; <see cref="Keys"/> is null for an exact duplicate (not indexed).</summary>
    private sealed record Member(Submission Submission, Fingerprint Fingerprint, HashSet<long>? Keys);
}
