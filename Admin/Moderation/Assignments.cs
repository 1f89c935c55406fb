using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Moderation;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>
/// Who owns an item until it is done: a submission (or a whole cluster) or an incident is assigned to a
/// staff member, reassigned or unassigned. Unlike the 15-minute claim ("I am looking at it now") an
/// assignment lasts. Each change is one transaction with its audit entry and, when someone else is given
/// the work, a mail to them through the outbox with the reference and a link only.
/// </summary>
public sealed class Assignments(IntakeDbContext db, IBackgroundJobClient jobs, IOptions<ModerationOptions> options, TimeProvider clock)
{
    /// <summary>Assigns the submissions (still waiting for a decision) to <paramref name="assignee"/>, or unassigns them when it is null.</summary>
    public async Task<ModerationResult> AssignSubmissionsAsync(IReadOnlyList<long> ids, string? assignee, string actor, CancellationToken ct)
    {
        if (await CheckAssigneeAsync(assignee, ct) is { } invalid)
        {
            return invalid;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var (result, mail) = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var idArray = ids.Distinct().ToArray();
            var items = await db.Submissions
                .FromSql($"SELECT * FROM \"Submissions\" WHERE \"Id\" = ANY({idArray}) ORDER BY \"Id\" FOR UPDATE")
                .ToListAsync(ct);
            if (items.Count != idArray.Length)
            {
                return (ModerationResult.NotFound($"No submission {string.Join(", ", idArray.Except(items.Select(s => s.Id)))}."), (long?)null);
            }

            if (items.FirstOrDefault(s => s.Status is not (SubmissionStatus.Pending or SubmissionStatus.NeedsAttention)) is { } decided)
            {
                return (ModerationResult.Conflict($"{decided.Reference} is already {decided.Status.ToString().ToLowerInvariant()}."), null);
            }

            var now = clock.GetUtcNow();
            var changed = items.Where(s => s.AssignedTo != assignee).ToList();
            foreach (var s in changed)
            {
                Audit.Add(db, clock, actor, ActionOf(s.AssignedTo, assignee), "submission", s.Id, new { from = s.AssignedTo, to = assignee });
                s.AssignedTo = assignee;
                s.AssignedAt = assignee is null ? null : now;
                if (assignee is not null)
                {
                    s.FirstResponseAt ??= now;
                }

                s.UpdatedAt = now;
            }

            var message = await MailAsync(assignee, actor, changed.Select(s => (s.Reference, $"/submissions/{s.Id}")).ToList(), now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (ModerationResult.Done(), message?.Id);
        });

        Enqueue(mail);
        return result;
    }

    /// <summary>Assigns an incident to <paramref name="assignee"/>, or unassigns it when it is null.</summary>
    public async Task<ModerationResult> AssignIncidentAsync(long id, string? assignee, string actor, CancellationToken ct)
    {
        if (await CheckAssigneeAsync(assignee, ct) is { } invalid)
        {
            return invalid;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var (result, mail) = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Incidents\" WHERE \"Id\" = {id} FOR UPDATE", ct);
            var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null)
            {
                return (ModerationResult.NotFound($"No incident {id}."), (long?)null);
            }

            if (incident.AssignedTo == assignee)
            {
                return (ModerationResult.Done(id), null);
            }

            var now = clock.GetUtcNow();
            Audit.Add(db, clock, actor, ActionOf(incident.AssignedTo, assignee), "incident", id, new { from = incident.AssignedTo, to = assignee });
            incident.AssignedTo = assignee;
            incident.AssignedAt = assignee is null ? null : now;
            var message = await MailAsync(assignee, actor, [(IncidentName(id), $"/incidents/{id}")], now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (ModerationResult.Done(id), message?.Id);
        });

        Enqueue(mail);
        return result;
    }

    /// <summary>How an incident is named in staff mail: its number, not its title (a title may name a victim).</summary>
    public static string IncidentName(long id) => $"#{id}";

    private static string ActionOf(string? from, string? to) => (from, to) switch
    {
        (null, _) => "assign",
        (_, null) => "unassign",
        _ => "reassign",
    };

    private async Task<ModerationResult?> CheckAssigneeAsync(string? assignee, CancellationToken ct) =>
        assignee is null || (await StaffMail.StaffAsync(db, ct)).Contains(assignee, StringComparer.Ordinal)
            ? null
            : ModerationResult.Invalid($"There is no staff member {assignee}.",
                new Dictionary<string, string[]> { ["assignee"] = [$"There is no staff member {assignee}."] });

    /// <summary>The assignee learns of work someone else gave them; nobody is mailed about their own.</summary>
    private async Task<OutboundMessage?> MailAsync(string? assignee, string actor, List<(string Reference, string Path)> items,
        DateTimeOffset now, CancellationToken ct) =>
        assignee is null || assignee == actor || items.Count == 0
            ? null
            : await StaffMail.AddAsync(db, assignee, "AssignedMail", string.Join(", ", items.Select(i => i.Reference)), actor,
                items.Select(i => options.Value.Link(i.Path)), now, ct);

    private void Enqueue(long? outboundId)
    {
        if (outboundId is { } id)
        {
            jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(id, CancellationToken.None));
        }
    }
}
