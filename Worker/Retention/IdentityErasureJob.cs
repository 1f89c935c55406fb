using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Reporters;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Worker.Retention;

/// <summary>
/// Erases a reporter's identity after its owner confirmed their mail "delete my data" with the code (and the
/// last mail went out), together with the unverified mails' reporters that claimed the same address and the
/// web reports' reporters who left it as their contact (their contact and name go; the reports stay).
/// </summary>
public interface IIdentityErasureJob
{
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [5, 30, 120, 600, 1800, 3600])]
    Task EraseAsync(long reporterId, CancellationToken cancellationToken);
}

public sealed class IdentityErasureJob(IntakeDbContext db, ReporterDirectory reporters, TimeProvider clock, ILogger<IdentityErasureJob> logger) : IIdentityErasureJob
{
    public async Task EraseAsync(long reporterId, CancellationToken cancellationToken)
    {
        var reporter = await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reporterId, cancellationToken);
        if (reporter is null || reporter.IdentityDeletedAt is not null)
        {
            return;
        }

        var address = reporter.ClaimedKeyHash ?? reporter.KeyHash;
        var count = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            // All of the address at once: no moment where part of it is erased and part is not.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var ids = await db.Reporters
                .Where(r => r.Id == reporterId
                    || (r.Channel == reporter.Channel && (r.KeyHash == address || r.ClaimedKeyHash == address))
                    || (r.Channel == Channel.Web && r.ClaimedKeyHash == address))
                .Select(r => r.Id).ToListAsync(ct);
            foreach (var id in ids)
            {
                await reporters.DeleteIdentityAsync(id, ct);
            }

            Audit.Add(db, clock, "system", "erasure.done", "Reporter", reporterId, new { reporters = ids.Count });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return ids.Count;
        }, cancellationToken);

        logger.LogInformation("Identity of reporter {ReporterId} erased on their request ({Count} reporter rows)", reporterId, count);
    }
}
