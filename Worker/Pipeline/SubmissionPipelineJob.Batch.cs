using AdilSoz.Intake.Core.Dedup;
using AdilSoz.Intake.Language.Dedup;
using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Worker.Pipeline;

// The fast path: a whole batch in a fixed number of round trips — one batch of exact and candidate
// lookups, one read of the candidates' fingerprints, one write of all keys, one save — instead of about
// eight per item. Members of the batch are compared among themselves in memory, in order, so the outcome
// is the one the item-by-item path gives. Any database error sends the batch to that path.
public sealed partial class SubmissionPipelineJob
{
    private async Task<List<Outcome>> ProcessBatchAsync(List<PreparedItem> items, DateTimeOffset now, CancellationToken ct)
    {
        var window = options.Value.DedupWindowDays;
        var requests = items
            .Where(i => i is { Failure: null, Suggestions: not null, Dedup: not null })
            .Select(i => new LookupRequest(i.Submission.Id, i.Dedup!, i.Submission.ReceivedAt.AddDays(-window)))
            .ToList();
        var lookups = await index.FindManyAsync(db, requests, ct);
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

        await index.AddManyAsync(db, keys, ct);
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

    /// <summary>A member of the batch already processed; <see cref="Keys"/> is null for an exact duplicate (not indexed).</summary>
    private sealed record Member(Submission Submission, Fingerprint Fingerprint, HashSet<long>? Keys);
}
