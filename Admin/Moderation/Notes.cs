using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Moderation;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>
/// Internal notes of the team on a submission, its cluster or an incident. A note is stored with its audit
/// entry in one transaction; each colleague it mentions (<c>@name</c>) gets a mail through the outbox with the
/// reference and a link, never the note's text. Nothing here reaches a reporter.
/// </summary>
public sealed partial class Notes(IntakeDbContext db, IBackgroundJobClient jobs, IOptions<ModerationOptions> options, TimeProvider clock)
{
    /// <summary>Adds a note to a submission, or to its whole cluster when <paramref name="onCluster"/> and it is in one.</summary>
    public async Task<ModerationResult> AddToSubmissionAsync(long id, string? text, bool onCluster, string actor, CancellationToken ct)
    {
        var s = await db.Submissions.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.Reference, x.ClusterId }).SingleOrDefaultAsync(ct);
        if (s is null)
        {
            return ModerationResult.NotFound($"No submission {id}.");
        }

        var (type, entityId) = onCluster && s.ClusterId is { } clusterId ? (InternalNote.OnCluster, clusterId) : (InternalNote.OnSubmission, id);
        return await AddAsync(type, entityId, "submission", id, s.Reference, $"/submissions/{id}", text, actor, ct);
    }

    public async Task<ModerationResult> AddToIncidentAsync(long id, string? text, string actor, CancellationToken ct) =>
        await db.Incidents.AnyAsync(i => i.Id == id, ct)
            ? await AddAsync(InternalNote.OnIncident, id, "incident", id, Assignments.IncidentName(id), $"/incidents/{id}", text, actor, ct)
            : ModerationResult.NotFound($"No incident {id}.");

    /// <summary>The notes shown with a submission: its own and its cluster's, oldest first.</summary>
    public Task<List<InternalNote>> OfSubmissionAsync(long id, long? clusterId, CancellationToken ct) =>
        db.InternalNotes.AsNoTracking()
            .Where(n => (n.EntityType == InternalNote.OnSubmission && n.EntityId == id) || (clusterId != null && n.EntityType == InternalNote.OnCluster && n.EntityId == clusterId))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(ct);

    public Task<List<InternalNote>> OfIncidentAsync(long id, CancellationToken ct) =>
        db.InternalNotes.AsNoTracking().Where(n => n.EntityType == InternalNote.OnIncident && n.EntityId == id)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(ct);

    /// <summary>
    /// The staff a text mentions: <c>@</c> followed by an account name, or by the part of it before its own
    /// <c>@</c> when only one account has it (<c>@aigerim</c> for aigerim@adilsoz.kz). Unknown names are left as text.
    /// </summary>
    public static IReadOnlyList<string> MentionsIn(string text, IReadOnlyList<string> staff)
    {
        var found = new List<string>();
        foreach (Match m in MentionRegex().Matches(text))
        {
            var token = m.Groups[1].Value.TrimEnd('.', '-');
            var name = staff.FirstOrDefault(u => string.Equals(u, token, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                var byLocalPart = staff.Where(u => string.Equals(u.Split('@')[0], token, StringComparison.OrdinalIgnoreCase)).ToList();
                name = byLocalPart.Count == 1 ? byLocalPart[0] : null;
            }

            if (name is not null && !found.Contains(name, StringComparer.Ordinal))
            {
                found.Add(name);
            }
        }

        return found;
    }

    private async Task<ModerationResult> AddAsync(string type, long entityId, string auditType, long auditId, string reference, string path, string? text,
        string actor, CancellationToken ct)
    {
        text = text?.Trim() ?? "";
        if (text.Length is 0 or > InternalNote.MaxLength)
        {
            var message = $"Write a note of up to {InternalNote.MaxLength} characters.";
            return ModerationResult.Invalid(message, new Dictionary<string, string[]> { ["noteText"] = [message] });
        }

        var mentions = MentionsIn(text, await StaffMail.StaffAsync(db, ct));
        var now = clock.GetUtcNow();
        var mails = new List<Core.Intake.OutboundMessage>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            mails.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var note = new InternalNote { EntityType = type, EntityId = entityId, Author = actor, Text = text, Mentions = [.. mentions], CreatedAt = now };
            db.InternalNotes.Add(note);
            await db.SaveChangesAsync(ct);
            Audit.Add(db, clock, actor, "note", auditType, auditId, new { note = note.Id, on = type, mentions = mentions.Count > 0 ? mentions : null }, text);
            foreach (var colleague in mentions.Where(m => m != actor))
            {
                if (await StaffMail.AddAsync(db, colleague, "MentionedMail", reference, actor, [options.Value.Link(path)], now, ct) is { } mail)
                {
                    mails.Add(mail);
                }
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });

        foreach (var id in mails.Select(m => m.Id))
        {
            jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(id, CancellationToken.None));
        }

        return ModerationResult.Done();
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+-])@([\p{L}\p{N}._%+-]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)")]
    private static partial Regex MentionRegex();
}
