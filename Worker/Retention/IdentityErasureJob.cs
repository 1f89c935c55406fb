using AdilSoz.Intake.Reporters;
using Hangfire;

namespace AdilSoz.Intake.Worker.Retention;

/// <summary>Erases a reporter's identity (after the confirmation of their mail "delete my data" went out).</summary>
public interface IIdentityErasureJob
{
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [5, 30, 120, 600, 1800, 3600])]
    Task EraseAsync(long reporterId, CancellationToken cancellationToken);
}

public sealed class IdentityErasureJob(ReporterDirectory reporters, ILogger<IdentityErasureJob> logger) : IIdentityErasureJob
{
    public async Task EraseAsync(long reporterId, CancellationToken cancellationToken)
    {
        await reporters.DeleteIdentityAsync(reporterId, cancellationToken);
        logger.LogInformation("Identity of reporter {ReporterId} erased on their request", reporterId);
    }
}
