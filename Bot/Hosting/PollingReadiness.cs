using AdilSoz.Intake.Core.Telegram;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Bot.Hosting;

/// <summary>
/// Polling mode: ready while getUpdates has answered within <see cref="MaxSilence"/> (a long poll lasts
/// 25 s). Webhook mode: Telegram calls us, so there is nothing more to wait for.
/// </summary>
public sealed class PollingReadiness(IOptions<TelegramOptions> options, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(90);

    private long _lastPollTicks;

    /// <summary>Called after each successful getUpdates.</summary>
    public void Polled() => Interlocked.Exchange(ref _lastPollTicks, clock.GetUtcNow().UtcTicks);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.Mode != TelegramMode.Polling)
        {
            return Task.FromResult(HealthCheckResult.Healthy());
        }

        var last = Interlocked.Read(ref _lastPollTicks);
        return Task.FromResult(
            last == 0 ? HealthCheckResult.Unhealthy("no successful getUpdates yet")
            : clock.GetUtcNow().UtcTicks - last > MaxSilence.Ticks ? HealthCheckResult.Unhealthy($"no successful getUpdates for over {MaxSilence.TotalSeconds:0} s")
            : HealthCheckResult.Healthy());
    }
}
