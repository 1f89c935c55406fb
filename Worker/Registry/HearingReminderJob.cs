using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AdilSoz.Intake.Worker.Registry;

/// <summary>
/// Daily: for every legal case whose next hearing falls within <see cref="HearingReminderOptions.HearingReminderDays"/>
/// days, writes one mail per Editor and Admin with an address into the outbox and enqueues its sending.
/// The idempotency key <c>hearing:{case}:{date}:{user}</c> makes a second run (or the next day's) write
/// nothing new; a moved hearing date gets its own reminder.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed class HearingReminderJob(
    IntakeDbContext db,
    IBackgroundJobClient jobs,
    IOptions<HearingReminderOptions> options,
    TimeProvider clock,
    FoundationClock foundation,
    IStringLocalizer<HearingReminderTexts> localizer,
    ILogger<HearingReminderJob> logger)
{
    public const string RecurringJobId = "hearing-reminders";

    /// <summary>08:00 in Kazakhstan (UTC+5), when the UTC day and the foundation's day are the same.</summary>
    public const string Cron = "0 3 * * *";

    public static string Key(long caseId, DateOnly hearingOn, string userId) =>
        FormattableString.Invariant($"hearing:{caseId}:{hearingOn:yyyy-MM-dd}:{userId}");

    /// <summary>The recurring entry point: the foundation's today (Kazakhstan), whenever the job happens to run.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(foundation.Today, cancellationToken);

    /// <summary>Writes and enqueues the reminders due on <paramref name="today"/>; returns how many were new.</summary>
    public async Task<int> RunAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var last = today.AddDays(options.Value.HearingReminderDays);
        var hearings = await db.LegalCases.AsNoTracking()
            .Where(c => c.NextHearingOn >= today && c.NextHearingOn <= last)
            .OrderBy(c => c.NextHearingOn).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.IncidentId,
                Title = c.Incident!.Title,
                c.Kind,
                c.Article,
                c.Stage,
                On = c.NextHearingOn!.Value,
            })
            .ToListAsync(cancellationToken);
        if (hearings.Count == 0)
        {
            return 0;
        }

        var editors = await StaffRecipients.InRolesAsync(db, [Roles.Editor, Roles.Admin], cancellationToken);
        if (editors.Count == 0)
        {
            logger.LogWarning("{Count} hearing(s) due but no Editor or Admin has a mail address", hearings.Count);
            return 0;
        }

        var wanted = hearings.SelectMany(h => editors.Select(u => (Hearing: h, User: u, Key: Key(h.Id, h.On, u.UserId)))).ToList();
        var keys = wanted.Select(w => w.Key).ToList();
        var existing = await db.OutboundMessages.AsNoTracking().Where(o => keys.Contains(o.IdempotencyKey))
            .Select(o => new { o.Id, o.IdempotencyKey, o.Status, o.Attempts }).ToListAsync(cancellationToken);
        var known = existing.Select(o => o.IdempotencyKey).ToHashSet(StringComparer.Ordinal);

        var texts = new HearingReminderTexts(localizer);
        var now = clock.GetUtcNow();
        var added = new List<OutboundMessage>();
        foreach (var (h, u, key) in wanted.Where(w => !known.Contains(w.Key)))
        {
            var message = new OutboundMessage
            {
                IdempotencyKey = key,
                Channel = Channel.Email,
                Kind = OutboundKind.Notice,
                Recipient = u.Email,
                Subject = texts.Subject(h.Title, h.On),
                Body = texts.Body(h.IncidentId, h.Title, h.Kind, h.Article, h.Stage, h.On),
                CreatedAt = now,
            };
            db.OutboundMessages.Add(message);
            added.Add(message);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another run wrote some of them first: those are its to send.
            db.ChangeTracker.Clear();
            logger.LogInformation("Hearing reminders were written concurrently; this run leaves them to the other");
            return 0;
        }

        // New ones, plus earlier ones still queued and never tried (their enqueue was lost in a crash).
        var toSend = added.Select(m => m.Id)
            .Concat(existing.Where(o => o.Status == OutboundStatus.Queued && o.Attempts == 0).Select(o => o.Id))
            .ToList();
        foreach (var id in toSend)
        {
            jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(id, CancellationToken.None));
        }

        logger.LogInformation("Hearing reminders: {Hearings} hearing(s) due, {New} new mail(s), {Resent} re-enqueued",
            hearings.Count, added.Count, toSend.Count - added.Count);
        return added.Count;
    }
}
