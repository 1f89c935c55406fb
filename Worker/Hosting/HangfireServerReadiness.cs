using AdilSoz.Intake.Core.Operations;
using Hangfire;

namespace AdilSoz.Intake.Worker.Hosting;

/// <summary>Ready while this process's Hangfire server has sent a heartbeat within <see cref="MaxSilence"/>.</summary>
public sealed class HangfireServerReadiness(JobStorage storage, TimeProvider clock) : IReadinessCheck
{
    /// <summary>Hangfire beats every 30 s by default; two missed beats mean the server is not working.</summary>
    public static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(75);

    public static string ServerName => $"worker:{Environment.MachineName}:{Environment.ProcessId}";

    public string Name => "job-server";

    public Task<string?> ProblemAsync(IServiceProvider services, CancellationToken ct)
    {
        var mine = storage.GetMonitoringApi().Servers()
            .Where(s => s.Name.StartsWith(ServerName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        return Task.FromResult(
            mine.Count == 0 ? "the job server has not started"
            : mine.Any(s => s.Heartbeat is { } beat && now - DateTime.SpecifyKind(beat, DateTimeKind.Utc) <= MaxSilence) ? null
            : "no heartbeat from the job server");
    }
}
