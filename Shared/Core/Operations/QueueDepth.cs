using System.Diagnostics.Metrics;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdilSoz.Intake.Core.Operations;

/// <summary>
/// Counts of waiting items for the queue-depth gauge, read from the database at most once per
/// <see cref="MaxAge"/> however often the metrics are scraped.
/// </summary>
public sealed class QueueDepth(IServiceScopeFactory scopes, TimeProvider clock, ILogger<QueueDepth> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private Counts? _counts;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public sealed record Counts(long Pending, long NeedsAttention, long InboundNeedsAttention);

    public IEnumerable<Measurement<long>> Measurements()
    {
        if (Read() is not { } c)
        {
            return [];
        }

        return
        [
            new(c.Pending, new("queue", "submissions"), new("status", "pending")),
            new(c.NeedsAttention, new("queue", "submissions"), new("status", "needs_attention")),
            new(c.InboundNeedsAttention, new("queue", "inbound"), new("status", "needs_attention")),
        ];
    }

    /// <summary>The cached counts, refreshed when older than <see cref="MaxAge"/>; null when the database does not answer.</summary>
    public Counts? Read()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_counts is not null && now - _readAt < MaxAge)
            {
                return _counts;
            }

            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
                db.Database.SetCommandTimeout(TimeSpan.FromSeconds(3));
                _counts = new Counts(
                    db.Submissions.LongCount(s => s.Status == SubmissionStatus.Pending),
                    db.Submissions.LongCount(s => s.Status == SubmissionStatus.NeedsAttention),
                    db.InboundItems.LongCount(i => i.Status == InboundStatus.NeedsAttention));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Note: a scrape must not fail because the database is down; readiness reports that.
                logger.LogWarning("Queue depth not read ({Error})", e.GetType().Name);
                _counts = null;
            }

            _readAt = now;
            return _counts;
        }
    }
}
