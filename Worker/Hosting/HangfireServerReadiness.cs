using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdilSoz.Intake.Worker.Hosting;

/// <summary>Ready while this process's Hangfire server has sent a heartbeat within <see cref="MaxSilence"/>.</summary>
public sealed class HangfireServerReadiness(JobStorage storage, TimeProvider clock) : IHealthCheck
{
    /// <summary>Hangfire beats every 30 s by default; two missed beats mean the server is not working.</summary>
    public static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(75);

    public static string ServerName => $"worker:{Environment.MachineName}:{Environment.ProcessId}";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var mine = storage.GetMonitoringApi().Servers()
            .Where(s => s.Name.StartsWith(ServerName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        return Task.FromResult(
            mine.Count == 0 ? HealthCheckResult.Unhealthy("the job server has not started")
            : mine.Any(s => s.Heartbeat is { } beat && now - DateTime.SpecifyKind(beat, DateTimeKind.Utc) <= MaxSilence) ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("no heartbeat from the job server"));
    }
}
