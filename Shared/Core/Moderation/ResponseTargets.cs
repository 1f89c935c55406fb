using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Core.Moderation;

/// <summary>Which reports are past their response target: the queue's badge, the dashboard's count and the daily digest agree.</summary>
public static class ResponseTargets
{
    /// <summary>
    /// Reports (pending or needing attention, not a duplicate, not a follow-up in a thread) with no human response yet,
    /// received before their target: <see cref="ModerationOptions.UrgentResponseHours"/> for urgent ones,
    /// <see cref="ModerationOptions.ResponseHours"/> for the others.
    /// </summary>
    public static IQueryable<Submission> Overdue(IQueryable<Submission> submissions, ModerationOptions targets, DateTimeOffset now)
    {
        var urgentBefore = targets.OverdueBefore(urgent: true, now);
        var before = targets.OverdueBefore(urgent: false, now);
        return submissions.Where(s => (s.Status == SubmissionStatus.Pending || s.Status == SubmissionStatus.NeedsAttention)
            && (s.Kind == SubmissionKind.Report || s.Kind == SubmissionKind.Followup) && s.DuplicateOfId == null && s.ParentId == null
            && s.FirstResponseAt == null && ((s.Urgent && s.ReceivedAt < urgentBefore) || (!s.Urgent && s.ReceivedAt < before)));
    }
}
