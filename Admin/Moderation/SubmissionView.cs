using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Language.Dedup;
using AdilSoz.Intake.Language.Suggest;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>A cluster member beside the opened item, with the reason it is thought to be the same event.</summary>
public sealed record ClusterMember(Submission Submission, string? Explanation, LinkLevel? Level, double? Score);

/// <summary>Everything the submission page shows: the item, its thread, its cluster, its history.</summary>
public sealed record SubmissionView(
    Submission Submission,
    Submission? Parent,
    IReadOnlyList<Submission> Followups,
    IReadOnlyList<ClusterMember> Cluster,
    Suggestions? Suggestions,
    IReadOnlyList<AuditEntry> History,
    IReadOnlyList<OutboundMessage> Messages,
    bool Waiting)
{
    public bool Decidable => Submission.Status is SubmissionStatus.Pending or SubmissionStatus.NeedsAttention;

    public static async Task<SubmissionView?> LoadAsync(IntakeDbContext db, long id, CancellationToken ct)
    {
        var s = await db.Submissions.AsNoTracking().Include(x => x.Attachments).Include(x => x.Reporter).Include(x => x.Incident)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return null;
        }

        var parent = s.ParentId is { } pid ? await db.Submissions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == pid, ct) : null;
        var followups = await db.Submissions.AsNoTracking().Include(x => x.Attachments)
            .Where(x => x.ParentId == s.Id).OrderBy(x => x.ReceivedAt).ThenBy(x => x.Id).ToListAsync(ct);
        var cluster = new List<ClusterMember>();
        if (s.ClusterId is { } clusterId)
        {
            var members = await db.Submissions.AsNoTracking().Include(x => x.Attachments)
                .Where(x => x.ClusterId == clusterId && x.Id != s.Id).OrderBy(x => x.ReceivedAt).ThenBy(x => x.Id).Take(50).ToListAsync(ct);
            var ids = members.Select(m => m.Id).Append(s.Id).ToList();
            var links = await db.DuplicateLinks.AsNoTracking()
                .Where(l => ids.Contains(l.SubmissionId) && ids.Contains(l.OtherId)).ToListAsync(ct);
            foreach (var m in members)
            {
                // The link to the opened item explains best; else any link that names this member.
                var link = links.FirstOrDefault(l => (l.SubmissionId == m.Id && l.OtherId == s.Id) || (l.SubmissionId == s.Id && l.OtherId == m.Id))
                    ?? links.OrderByDescending(l => l.Score).FirstOrDefault(l => l.SubmissionId == m.Id || l.OtherId == m.Id);
                cluster.Add(new ClusterMember(m, link?.Explanation, link?.Level, link?.Score));
            }
        }

        var history = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "submission" && a.EntityId == s.Id)
            .OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        var messages = await db.OutboundMessages.AsNoTracking().Where(m => m.SubmissionId == s.Id)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        var lastQuestion = messages.Where(m => m.Kind == OutboundKind.Question).Select(m => (DateTimeOffset?)m.CreatedAt).Max();
        var waiting = lastQuestion is { } asked && !followups.Any(f => f.ReceivedAt >= asked);
        Suggestions? suggestions = null;
        try
        {
            suggestions = Suggestions.FromJson(s.SuggestionEvidence);
        }
        catch (System.Text.Json.JsonException)
        {
            // Evidence of an older shape: the page shows the suggested codes without it.
        }

        return new SubmissionView(s, parent, followups, cluster, suggestions, history, messages, waiting);
    }
}
