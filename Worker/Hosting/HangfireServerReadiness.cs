using AdilSoz.Intake.Core.Jobs;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdilSoz.Intake.Worker.Hosting;

/// <summary>
/// Ready while every queue the Worker serves (<see cref="HangfireSetup.Queues"/>) is listened to by one of this
/// process's Hangfire servers that has sent a heartbeat within <see cref="MaxSilence"/>: the intake, the pipeline and
/// the outbox have servers of their own, and any one of them stuck stops reports or replies.
/// </summary>
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
        var beating = mine.Where(s => s.Heartbeat is { } beat && now - DateTime.SpecifyKind(beat, DateTimeKind.Utc) <= MaxSilence).ToList();
        var silent = HangfireSetup.Queues.Where(q => !beating.Any(s => s.Queues.Contains(q, StringComparer.OrdinalIgnoreCase))).ToList();
        return Task.FromResult(
            mine.Count == 0 ? HealthCheckResult.Unhealthy("the job server has not started")
            : silent.Count == 0 ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"no heartbeat from the job server of the queue(s) {string.Join(", ", silent)}"));
    }
}
