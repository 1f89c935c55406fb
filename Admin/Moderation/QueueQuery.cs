using System.Linq.Expressions;
using AdilSoz.Intake.Admin.Api;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>Filters of the queue; all optional. <paramref name="AssignedTo"/>: one staff member's items; <paramref name="Unassigned"/>: nobody's.</summary>
public sealed record QueueFilter(Channel? Channel = null, string? Language = null, string? Category = null, string? Region = null,
    int? OlderThanDays = null, bool NeedsAttention = false, string? AssignedTo = null, bool Unassigned = false, string? Search = null);

public sealed record QueueRow(long Id, string Reference, Channel Channel, SubmissionKind Kind, DateTimeOffset ReceivedAt, string? Language,
    bool Urgent, string? Subject, string Preview, string? Category, string? Region, long? ClusterId, long? ParentId,
    string? ClaimedBy, DateTimeOffset? ClaimedUntil, int Attachments, int Followups,
    string? SenderNotVerified = null, string? MentionsReference = null, string? AssignedTo = null, bool Overdue = false,
    string? AttentionReason = null);

/// <summary>A cluster in the queue: its first item (by urgency, then age) and its other pending members.</summary>
public sealed record QueueGroup(QueueRow Lead, IReadOnlyList<QueueRow> Others);

/// <summary>Pending items (waiting ones included), urgent ones, those needing attention, and those past their response target; capped at <see cref="QueueQuery.CountCap"/>.</summary>
public sealed record QueueCounts(int Pending, int Urgent, int NeedsAttention, int Overdue = 0);

public sealed record QueuePage(IReadOnlyList<QueueGroup> Groups, string? Next, QueueCounts Counts);

/// <summary>
/// The moderation queue: pending reports grouped by cluster, urgent first, then oldest, with keyset
/// paging. Urgent and non-urgent items are read as two ranges of the index
/// (Status, Urgent, ReceivedAt, Id), each in index order, so a page costs the same on page 1 and
/// page 2,000. Items waiting for the reporter's answer and follow-ups of a pending report (shown in
/// its thread) are left out. Items past their response target with no response yet (see
/// <see cref="ModerationOptions"/>) come before all others, urgent first, then oldest.
/// </summary>
public sealed class QueueQuery(IntakeDbContext db, TimeProvider clock, IOptions<ModerationOptions> options)
{
    public async Task<QueuePage> PageAsync(QueueFilter filter, string? cursor, int limit, CancellationToken ct)
    {
        // Note: the planner's cost estimate of the correlated NOT EXISTS filters is high enough to
        // switch on JIT compilation, which costs ~150 ms for a query that runs in a few; the
        // setting lasts for this request's connection (Npgsql resets it when the connection is returned).
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET jit = off", ct);
        var (rangeFrom, receivedFrom, idFrom) = Decode(cursor);
        var leads = Leads(Candidates(filter));
        var overdue = Overdue();
        var onTime = Not(overdue);
        // Four ranges, each read in index order: overdue urgent, overdue others, urgent, others.
        IQueryable<Submission>[] ranges =
        [
            leads.Where(overdue).Where(s => s.Urgent), leads.Where(overdue).Where(s => !s.Urgent),
            leads.Where(onTime).Where(s => s.Urgent), leads.Where(onTime).Where(s => !s.Urgent),
        ];
        var rows = new List<(int Range, QueueRow Row)>();
        for (var r = rangeFrom; r < ranges.Length && rows.Count <= limit; r++)
        {
            var fromStart = r != rangeFrom;
            rows.AddRange((await PageOfAsync(ranges[r], fromStart ? null : receivedFrom, fromStart ? null : idFrom, limit + 1 - rows.Count, ct))
                .Select(row => (r, row)));
        }

        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            var (range, last) = rows[^1];
            next = ApiConventions.EncodeCursor(range, last.ReceivedAt.UtcTicks, last.Id);
        }

        var clusterIds = rows.Where(r => r.Row.ClusterId is not null).Select(r => r.Row.ClusterId!.Value).ToList();
        var leadIds = rows.Select(r => r.Row.Id).ToList();
        var others = clusterIds.Count == 0 ? [] : await Project(db.Submissions.AsNoTracking()
                .Where(s => s.ClusterId != null && clusterIds.Contains(s.ClusterId.Value) && !leadIds.Contains(s.Id)
                    && (s.Status == SubmissionStatus.Pending || s.Status == SubmissionStatus.NeedsAttention))
                .OrderBy(s => s.ReceivedAt).ThenBy(s => s.Id))
            .ToListAsync(ct);
        var groups = rows.Select(r => new QueueGroup(r.Row, others.Where(o => r.Row.ClusterId is not null && o.ClusterId == r.Row.ClusterId).ToList())).ToList();
        return new QueuePage(groups, next, await CountsAsync(ct));
    }

    /// <summary>Counts shown above the queue; past <see cref="CountCap"/> they read "1000+" (an exact count of 100,000 rows costs a scan).</summary>
    public const int CountCap = 1_000;

    public async Task<QueueCounts> CountsAsync(CancellationToken ct)
    {
        var pending = db.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Pending);
        // Each count reads at most CountCap + 1 entries of the (Status, Urgent, …) index.
        var all = await pending.Select(s => s.Id).Take(CountCap + 1).CountAsync(ct);
        var urgent = await pending.Where(s => s.Urgent).Select(s => s.Id).Take(CountCap + 1).CountAsync(ct);
        var attention = await db.Submissions.Where(s => s.Status == SubmissionStatus.NeedsAttention).Select(s => s.Id).Take(CountCap + 1).CountAsync(ct);
        var overdue = await ResponseTargets.Overdue(db.Submissions.AsNoTracking(), options.Value, clock.GetUtcNow()).Select(s => s.Id).Take(CountCap + 1).CountAsync(ct);
        return new QueueCounts(all, urgent, attention, overdue);
    }

    private Expression<Func<Submission, bool>> Overdue()
    {
        var now = clock.GetUtcNow();
        var urgentBefore = options.Value.OverdueBefore(urgent: true, now);
        var before = options.Value.OverdueBefore(urgent: false, now);
        return s => s.FirstResponseAt == null && ((s.Urgent && s.ReceivedAt < urgentBefore) || (!s.Urgent && s.ReceivedAt < before));
    }

    private static Expression<Func<Submission, bool>> Not(Expression<Func<Submission, bool>> e) =>
        Expression.Lambda<Func<Submission, bool>>(Expression.Not(e.Body), e.Parameters);

    private IQueryable<QueueRow> Project(IQueryable<Submission> q)
    {
        var now = clock.GetUtcNow();
        var urgentBefore = options.Value.OverdueBefore(urgent: true, now);
        var before = options.Value.OverdueBefore(urgent: false, now);
        return q.Select(s => new QueueRow(
            s.Id, s.Reference, s.Channel, s.Kind, s.ReceivedAt, s.Language, s.Urgent, s.Subject,
            s.Text.Length > 240 ? s.Text.Substring(0, 240) + "…" : s.Text,
            s.SuggestedCategory, s.RegionCode ?? s.SuggestedRegion, s.ClusterId, s.ParentId, s.ClaimedBy, s.ClaimedUntil,
            s.Attachments.Count,
            db.Submissions.Count(f => f.ParentId == s.Id && f.Status == SubmissionStatus.Pending),
            s.SenderNotVerified,
            db.Submissions.Where(m => m.Id == s.MentionsId).Select(m => m.Reference).FirstOrDefault(),
            s.AssignedTo,
            s.FirstResponseAt == null && ((s.Urgent && s.ReceivedAt < urgentBefore) || (!s.Urgent && s.ReceivedAt < before)),
            s.AttentionReason));
    }

    private IQueryable<Submission> Candidates(QueueFilter f)
    {
        var status = f.NeedsAttention ? SubmissionStatus.NeedsAttention : SubmissionStatus.Pending;
        var q = db.Submissions.AsNoTracking()
            .Where(s => s.Status == status && (s.Kind == SubmissionKind.Report || s.Kind == SubmissionKind.Followup) && s.DuplicateOfId == null);
        if (f.Channel is { } channel)
        {
            q = q.Where(s => s.Channel == channel);
        }

        if (!string.IsNullOrEmpty(f.Language))
        {
            q = f.Language == "none" ? q.Where(s => s.Language == null) : q.Where(s => s.Language == f.Language);
        }

        if (!string.IsNullOrEmpty(f.Category))
        {
            q = q.Where(s => s.SuggestedCategory == f.Category);
        }

        if (!string.IsNullOrEmpty(f.Region))
        {
            q = q.Where(s => s.RegionCode == f.Region || (s.RegionCode == null && s.SuggestedRegion == f.Region));
        }

        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            // Words in the reference, the subject, the text, or the team's notes on the item or its cluster.
            var term = f.Search.Trim();
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            q = q.Where(s => s.Reference == term || EF.Functions.ILike(s.Text, pattern) || (s.Subject != null && EF.Functions.ILike(s.Subject, pattern))
                || db.InternalNotes.Any(n => ((n.EntityType == InternalNote.OnSubmission && n.EntityId == s.Id)
                    || (n.EntityType == InternalNote.OnCluster && n.EntityId == s.ClusterId)) && EF.Functions.ILike(n.Text, pattern)));
        }

        if (f.AssignedTo is { Length: > 0 } assignee)
        {
            q = q.Where(s => s.AssignedTo == assignee);
        }
        else if (f.Unassigned)
        {
            q = q.Where(s => s.AssignedTo == null);
        }

        if (f.OlderThanDays is > 0 and var days)
        {
            var before = clock.GetUtcNow().AddDays(-days);
            q = q.Where(s => s.ReceivedAt < before);
        }

        // Follow-ups of a report still in the queue are shown in its thread, not on their own.
        q = q.Where(s => s.ParentId == null || !db.Submissions.Any(p => p.Id == s.ParentId
            && (p.Status == SubmissionStatus.Pending || p.Status == SubmissionStatus.NeedsAttention)));
        return q.Where(s => !db.OutboundMessages.Any(m => m.SubmissionId == s.Id && m.Kind == OutboundKind.Question
            && !db.Submissions.Any(a => a.ParentId == s.Id && a.ReceivedAt >= m.CreatedAt)));
    }

    /// <summary>One item per cluster: the one that sorts first (urgent, then oldest, then lowest id).</summary>
    private static IQueryable<Submission> Leads(IQueryable<Submission> items) =>
        items.Where(s => s.ClusterId == null || !items.Any(o => o.ClusterId == s.ClusterId && o.Id != s.Id
            && ((o.Urgent && !s.Urgent) || (o.Urgent == s.Urgent && (o.ReceivedAt < s.ReceivedAt || (o.ReceivedAt == s.ReceivedAt && o.Id < s.Id))))));

    private Task<List<QueueRow>> PageOfAsync(IQueryable<Submission> q, DateTimeOffset? after, long? afterId, int take, CancellationToken ct)
    {
        if (after is { } r && afterId is { } i)
        {
            // The plain >= gives the index scan its starting point; the rest breaks ties by id.
            q = q.Where(s => s.ReceivedAt >= r && (s.ReceivedAt > r || s.Id > i));
        }

        return Project(q.OrderBy(s => s.ReceivedAt).ThenBy(s => s.Id).Take(take)).ToListAsync(ct);
    }

    /// <summary>
    /// Cursor: (range, received-at ticks, id) of the last row, the range being 0–3 as read in <see cref="PageAsync"/>;
    /// a cursor of before the ranges, (urgent, ticks, id), goes on in the urgent or the other range. None starts at the first range.
    /// </summary>
    private static (int Range, DateTimeOffset? ReceivedAt, long? Id) Decode(string? cursor)
    {
        var values = ApiConventions.DecodeCursor(cursor);
        if (values is null)
        {
            return (0, null, null);
        }

        try
        {
            var range = values[0].ValueKind switch
            {
                System.Text.Json.JsonValueKind.True => 2,
                System.Text.Json.JsonValueKind.False => 3,
                _ => values[0].GetInt32(),
            };
            if (range is < 0 or > 3)
            {
                throw new FormatException("Malformed cursor.");
            }

            return (range, new DateTimeOffset(values[1].GetInt64(), TimeSpan.Zero), values[2].GetInt64());
        }
        catch (Exception e) when (e is InvalidOperationException or IndexOutOfRangeException or FormatException or ArgumentOutOfRangeException)
        {
            throw new FormatException("Malformed cursor.", e);
        }
    }
}
