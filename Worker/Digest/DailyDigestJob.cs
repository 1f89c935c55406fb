using System.Security.Cryptography;
using System.Text;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Worker.Digest;

/// <summary>
/// The daily mail digest of urgent reports: one outbound mail per staff recipient (the <c>Digest:To</c>
/// addresses, else the Admins and Monitors with a mail address) listing the day's urgent submissions
/// (reference, time, suggested category and place, a one-line excerpt — never the reporter) and the
/// day's counts by status, and the reports past their response target now (reference, how long past it, assignee —
/// again never the reporter or the text). Nothing is written on a day without urgent reports. Idempotent: each mail
/// has the key <c>digest:{day}:{recipient}</c>, so the job run twice writes and sends each once; the
/// mails go out through <see cref="IOutboundJob"/> (SMTP, exactly once).
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class DailyDigestJob(
    IntakeDbContext db,
    IBackgroundJobClient jobs,
    IOptions<DigestOptions> options,
    IOptions<ModerationOptions> targets,
    TimeProvider clock,
    IStringLocalizer<DigestComposer> texts,
    ILogger<DailyDigestJob> logger)
{
    /// <summary>The recurring entry point: the digest of the day before today (in the foundation's time zone).</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
        return SendForDayAsync(today.AddDays(-1), cancellationToken);
    }

    /// <summary>Writes and enqueues the digest of <paramref name="day"/>; returns the number of recipients it is for.</summary>
    public async Task<int> SendForDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var zone = Zone;
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
        var next = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var end = new DateTimeOffset(next, zone.GetUtcOffset(next)).ToUniversalTime();

        var ofDay = db.Submissions.AsNoTracking()
            .Where(s => s.ReceivedAt >= start && s.ReceivedAt < end && (s.Kind == SubmissionKind.Report || s.Kind == SubmissionKind.Followup));
        var urgent = await ofDay
            .Where(s => s.Urgent && s.Status != SubmissionStatus.Ignored && s.Status != SubmissionStatus.Received)
            .OrderBy(s => s.ReceivedAt).ThenBy(s => s.Id)
            .Select(s => new DigestItem(s.Reference, s.ReceivedAt, s.Status, s.SuggestedCategory, s.SuggestedRegion, s.SuggestedSettlement, s.Text))
            .ToListAsync(cancellationToken);
        if (urgent.Count == 0)
        {
            logger.LogInformation("No urgent reports on {Day}: no digest", day);
            return 0;
        }

        var counts = await ofDay.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var (overdueCount, overdue) = await OverdueAsync(cancellationToken);
        var (subject, body) = new DigestComposer(texts).Compose(day, urgent, counts, zone, overdueCount, overdue);
        var recipients = await RecipientsAsync(cancellationToken);
        var keys = recipients.ToDictionary(r => $"digest:{day:yyyy-MM-dd}:{r.Key}", r => r.Address);

        var existing = await db.OutboundMessages.Where(m => keys.Keys.Contains(m.IdempotencyKey))
            .Select(m => m.IdempotencyKey).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (key, address) in keys.Where(k => !existing.Contains(k.Key)))
        {
            db.OutboundMessages.Add(new OutboundMessage
            {
                IdempotencyKey = key,
                Channel = Channel.Email,
                Kind = OutboundKind.Digest,
                Recipient = address,
                Subject = subject,
                Body = body,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        // Every digest of the day still queued (also one whose enqueue a crash lost) is enqueued; sending is idempotent.
        var queued = await db.OutboundMessages
            .Where(m => keys.Keys.Contains(m.IdempotencyKey) && m.Status == OutboundStatus.Queued)
            .Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var id in queued)
        {
            jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(id, CancellationToken.None));
        }

        logger.LogInformation("Digest of {Day}: {Urgent} urgent reports for {Recipients} recipients ({Queued} queued)",
            day, urgent.Count, keys.Count, queued.Count);
        return keys.Count;
    }

    private TimeZoneInfo Zone => options.Value.Zone();

    /// <summary>
    /// How many reports are past their response target now, and the <see cref="DigestComposer.OverdueListed"/> longest
    /// past it: the oldest urgent and the oldest other ones, merged by how long ago their target passed.
    /// </summary>
    private async Task<(int Count, List<OverdueItem> Listed)> OverdueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var overdue = ResponseTargets.Overdue(db.Submissions.AsNoTracking(), targets.Value, now);
        var count = await overdue.CountAsync(ct);
        var listed = new List<OverdueItem>();
        foreach (var urgent in new[] { true, false })
        {
            var oldest = await overdue.Where(s => s.Urgent == urgent).OrderBy(s => s.ReceivedAt).ThenBy(s => s.Id).Take(DigestComposer.OverdueListed)
                .Select(s => new { s.Reference, s.ReceivedAt, s.AssignedTo }).ToListAsync(ct);
            listed.AddRange(oldest.Select(s => new OverdueItem(s.Reference, urgent, targets.Value.OverdueBefore(urgent, now) - s.ReceivedAt, s.AssignedTo)));
        }

        listed = [.. listed.OrderByDescending(i => i.PastTarget).Take(DigestComposer.OverdueListed)];
        return (count, listed);
    }

    /// <summary>Configured addresses (keyed by a hash of the address), else Admins and Monitors with a mail address (keyed by user id).</summary>
    private async Task<List<(string Key, string Address)>> RecipientsAsync(CancellationToken ct)
    {
        var configured = options.Value.To.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())
            .DistinctBy(a => a.ToUpperInvariant()).ToList();
        if (configured.Count > 0)
        {
            return [.. configured.Select(a => (AddressKey(a), a))];
        }

        var users = await StaffRecipients.InRolesAsync(db, [Roles.Admin, Roles.Monitor], ct);
        return [.. users.Select(u => ("user-" + u.UserId, u.Email))];
    }

    private static string AddressKey(string address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.ToUpperInvariant())))[..16];
}
