using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Reporters;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>
/// The monitors' actions, shared by the pages and the JSON API: approve (new or existing incident,
/// one item or a whole cluster), reject, split out of a cluster, ask the reporter. Each runs in one
/// transaction with its audit entries and the reporter's notification; nothing is deleted.
/// </summary>
public sealed class ModerationActions(IntakeDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    private readonly List<OutboundMessage> _outboxMessages = [];

    /// <summary>
    /// The item and the others of its cluster still waiting for a decision (pending or needing attention),
    /// for an action on the whole cluster; the item alone when it is in no cluster.
    /// </summary>
    public async Task<IReadOnlyList<long>> WithClusterAsync(long id, CancellationToken ct) =>
        await db.Submissions.Where(s => s.Id == id).Select(s => s.ClusterId).SingleOrDefaultAsync(ct) is { } clusterId
            ? await db.Submissions.Where(s => s.ClusterId == clusterId
                && (s.Status == SubmissionStatus.Pending || s.Status == SubmissionStatus.NeedsAttention)).Select(s => s.Id).ToListAsync(ct)
            : [id];

    /// <summary>
    /// Approves into an existing incident or a new one. <paramref name="editor"/> is whether the caller is an
    /// Editor or Admin: a Monitor creates an incident with the fields of the page's form only (title, date,
    /// place, category, summary, victims' names, outlets); what else they send is ignored and named in the
    /// result and the audit entry, so nothing a Monitor sends is published, narrated or counted in a report.
    /// </summary>
    public async Task<ModerationResult> ApproveAsync(IReadOnlyList<long> ids, long? incidentId, IncidentInput? input, bool editor, string actor, string? note, CancellationToken ct)
    {
        if (incidentId is null == (input is null))
        {
            return ModerationResult.Invalid("Give either an existing incident or a new one.");
        }

        IReadOnlyList<string> ignored = [];
        if (input is not null && !editor)
        {
            (input, ignored) = MonitorFields(input);
        }

        Dictionary<string, string[]>? errors = null;
        if (input is not null)
        {
            var (regions, categories) = await RegistryStore.ReferenceAsync(db, ct);
            errors = input.Validate(regions, categories);
            if (errors.Count > 0)
            {
                return ModerationResult.Invalid("The incident is not valid.", errors);
            }
        }
        else if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, ct))
        {
            return ModerationResult.Invalid($"There is no incident {incidentId}.",
                new Dictionary<string, string[]> { ["incidentId"] = [$"There is no incident {incidentId}."] });
        }

        return await InTransactionAsync(ids, actor, async (items, now) =>
        {
            var created = false;
            if (input is not null)
            {
                var incident = new Incident { Title = "" };
                input.ApplyTo(incident, now);
                db.Incidents.Add(incident);
                await db.SaveChangesAsync(ct);
                incidentId = incident.Id;
                created = true;
                Audit.Add(db, clock, actor, "incident.create", "incident", incident.Id,
                    new { fromSubmissions = items.Select(s => s.Id), ignored = ignored.Count > 0 ? ignored : null }, note);
            }

            foreach (var s in items)
            {
                s.Status = SubmissionStatus.Approved;
                s.FirstResponseAt ??= now;
                s.IncidentId = incidentId;
                s.DecisionNote = Blank(note);
                Audit.Add(db, clock, actor, "approve", "submission", s.Id, new { incidentId, newIncident = created, together = items.Count > 1 ? items.Select(i => i.Id) : null }, Blank(note));
                var (subject, body) = ReporterMail.Approved(LanguageOf(s), s.Reference, Blank(note));
                Notify(s, OutboundKind.Decision, $"decision:{s.Id}", subject, body, now);
            }

            // Follow-ups waiting in the item's thread are settled with it.
            var itemIds = items.Select(s => s.Id).ToList();
            await db.Submissions.Where(f => f.ParentId != null && itemIds.Contains(f.ParentId.Value) && f.Status == SubmissionStatus.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.Status, SubmissionStatus.Approved).SetProperty(f => f.IncidentId, incidentId).SetProperty(f => f.UpdatedAt, now), ct);
            return ModerationResult.Done(incidentId) with { Ignored = ignored };
        }, ct);
    }

    /// <summary>What a Monitor may set on a new incident: the fields of the approve form, victims unnamed until an Editor decides.</summary>
    private static (IncidentInput Input, IReadOnlyList<string> Ignored) MonitorFields(IncidentInput input)
    {
        var ignored = new List<string>();
        void Check(bool sent, string field)
        {
            if (sent)
            {
                ignored.Add(field);
            }
        }

        Check(input.IsPublic is not null, "isPublic");
        Check(!string.IsNullOrWhiteSpace(input.Narrative), "narrative");
        Check(input.LegalCases is { Count: > 0 }, "legalCases");
        Check(input.Links is { Count: > 0 }, "links");
        Check(input.DatePrecision is not null, "datePrecision");
        Check(!string.IsNullOrWhiteSpace(input.PerpetratorType), "perpetratorType");
        Check(input.Victims?.Any(v => v.Role is not null || v.Outlet is not null) == true, "victims[].role/outlet");
        var allowed = new IncidentInput
        {
            Title = input.Title,
            OccurredOn = input.OccurredOn,
            Region = input.Region,
            Settlement = input.Settlement,
            Category = input.Category,
            Summary = input.Summary,
            Outlets = input.Outlets,
            Victims = input.Victims?.Select(v => new IncidentInput.VictimInput(v.Name, MayBeNamed: false)).ToList(),
        };
        return (allowed, ignored);
    }

    public Task<ModerationResult> RejectAsync(long id, RejectReason reason, string? note, string actor, CancellationToken ct) =>
        RejectManyAsync([id], reason, note, actor, ct);

    /// <summary>
    /// Rejects the items (one, or several chosen in the queue) in one transaction: an audit entry and the
    /// reporter's notification for each; none is rejected when one cannot be.
    /// </summary>
    public Task<ModerationResult> RejectManyAsync(IReadOnlyList<long> ids, RejectReason reason, string? note, string actor, CancellationToken ct) =>
        InTransactionAsync(ids, actor, async (items, now) =>
        {
            foreach (var s in items)
            {
                s.Status = SubmissionStatus.Rejected;
                s.FirstResponseAt ??= now;
                s.RejectReason = reason;
                s.DecisionNote = Blank(note);
                Audit.Add(db, clock, actor, "reject", "submission", s.Id, items.Count > 1 ? new { reason, together = items.Count } : new { reason }, Blank(note));
                var (subject, body) = ReporterMail.Rejected(LanguageOf(s), s.Reference, reason, Blank(note));
                Notify(s, OutboundKind.Decision, $"decision:{s.Id}", subject, body, now);
            }

            var itemIds = items.Select(s => s.Id).ToList();
            await db.Submissions.Where(f => f.ParentId != null && itemIds.Contains(f.ParentId.Value) && f.Status == SubmissionStatus.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.Status, SubmissionStatus.Rejected).SetProperty(f => f.RejectReason, reason).SetProperty(f => f.UpdatedAt, now), ct);
            return ModerationResult.Done();
        }, ct);

    /// <summary>Takes a wrongly clustered item out of its cluster; the cluster keeps its other members.</summary>
    public Task<ModerationResult> SplitAsync(long id, string actor, CancellationToken ct) =>
        InTransactionAsync([id], actor, async (items, now) =>
        {
            var s = items[0];
            if (s.ClusterId is not { } clusterId)
            {
                return ModerationResult.Invalid("The item is not in a cluster.");
            }

            var others = await db.Submissions.Where(o => o.ClusterId == clusterId && o.Id != s.Id).Select(o => o.Id).ToListAsync(ct);
            if (others.Count == 0)
            {
                return ModerationResult.Invalid("The item is alone in its cluster.");
            }

            if (clusterId == s.Id)
            {
                // The cluster is named after its first member: the next one names it now.
                var head = others.Min();
                await db.Submissions.Where(o => o.ClusterId == clusterId && o.Id != s.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(o => o.ClusterId, head), ct);
            }

            s.ClusterId = null;
            Audit.Add(db, clock, actor, "split", "submission", s.Id, new { fromCluster = clusterId, remaining = others });
            return ModerationResult.Done();
        }, ct, keepClaim: true);

    /// <summary>Sends the reporter a question over their channel; the item waits until a follow-up arrives.</summary>
    public Task<ModerationResult> AskAsync(long id, string question, string actor, CancellationToken ct) =>
        InTransactionAsync([id], actor, (items, now) =>
        {
            var s = items[0];
            question = question.Trim();
            if (question.Length is 0 or > 2000)
            {
                return Task.FromResult(ModerationResult.Invalid("Write a question of up to 2000 characters.",
                    new Dictionary<string, string[]> { ["question"] = ["Write a question of up to 2000 characters."] }));
            }

            if (!CanReach(s))
            {
                return Task.FromResult(ModerationResult.Invalid("The reporter cannot be reached (anonymous, deleted or unreachable)."));
            }

            var (subject, body) = ReporterMail.Question(LanguageOf(s), s.Reference, question);
            Notify(s, OutboundKind.Question, $"question:{s.Id}:{Guid.NewGuid():N}", subject, body, now);
            s.FirstResponseAt ??= now;
            Audit.Add(db, clock, actor, "ask", "submission", s.Id, null, question);
            return Task.FromResult(ModerationResult.Done());
        }, ct);

    /// <summary>
    /// Whether a message reaches the reporter: over their channel's contact, or, for a web report, on its status
    /// page, which the reporter opens with the reference and the receipt (a contact is optional there).
    /// </summary>
    public static bool CanReach(Submission s) =>
        s.Reporter is { Unreachable: false, IdentityDeletedAt: null } r && (r.ContactEncrypted is not null || r.Channel == Channel.Web);

    /// <summary>The language the reporter is written to in: theirs as the channel knows it, else the report's, else Russian.</summary>
    public static string LanguageOf(Submission s) => s.Reporter?.Language ?? s.Language ?? "ru";

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private void Notify(Submission s, OutboundKind kind, string key, string subject, string body, DateTimeOffset now)
    {
        var reachable = CanReach(s);
        var message = new OutboundMessage
        {
            IdempotencyKey = key,
            Channel = s.Reporter?.Channel ?? s.Channel,
            Kind = kind,
            SubmissionId = s.Id,
            ReporterId = s.ReporterId,
            Subject = subject,
            Body = body,
            CreatedAt = now,
            // Anonymous or unreachable reporters are not written to; the row records why.
            Status = reachable ? OutboundStatus.Queued : OutboundStatus.Suppressed,
            Error = reachable ? null : "reporter anonymous or unreachable",
        };
        db.OutboundMessages.Add(message);
        if (reachable)
        {
            _outboxMessages.Add(message);
        }
    }

    private async Task<ModerationResult> InTransactionAsync(IReadOnlyList<long> ids, string actor,
        Func<List<Submission>, DateTimeOffset, Task<ModerationResult>> action, CancellationToken ct, bool keepClaim = false)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            _outboxMessages.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var idArray = ids.Distinct().ToArray();
            var items = await db.Submissions
                .FromSql($"SELECT * FROM \"Submissions\" WHERE \"Id\" = ANY({idArray}) ORDER BY \"Id\" FOR UPDATE")
                .Include(s => s.Reporter)
                .ToListAsync(ct);
            if (items.Count != idArray.Length)
            {
                return ModerationResult.NotFound($"No submission {string.Join(", ", idArray.Except(items.Select(s => s.Id)))}.");
            }

            var now = clock.GetUtcNow();
            foreach (var s in items)
            {
                if (s.Status is not (SubmissionStatus.Pending or SubmissionStatus.NeedsAttention))
                {
                    return ModerationResult.Conflict($"{s.Reference} is already {s.Status.ToString().ToLowerInvariant()}.");
                }

                if (s.ClaimedBy is { } holder && holder != actor && s.ClaimedUntil > now)
                {
                    return ModerationResult.Conflict($"{s.Reference} is held by {holder} until {s.ClaimedUntil:HH:mm} UTC.");
                }
            }

            var result = await action(items, now);
            if (!result.Succeeded)
            {
                await tx.RollbackAsync(ct);
                return result;
            }

            foreach (var s in items)
            {
                s.UpdatedAt = now;
                if (!keepClaim)
                {
                    s.ClaimedBy = null;
                    s.ClaimedUntil = null;
                }
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        });

        if (result.Succeeded)
        {
            foreach (var id in _outboxMessages.Select(m => m.Id))
            {
                jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(id, CancellationToken.None));
            }
        }

        return result;
    }
}
