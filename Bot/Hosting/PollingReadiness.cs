using AdilSoz.Intake.Core.Operations;
using AdilSoz.Intake.Core.Telegram;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Bot.Hosting;

/// <summary>
/// Polling mode: ready while getUpdates has answered within <see cref="MaxSilence"/> (a long poll lasts
/// 25 s). Webhook mode: Telegram calls us, so there is nothing more to wait for.
/// </summary>
public sealed class PollingReadiness(IOptions<TelegramOptions> options, TimeProvider clock) : IReadinessCheck
{
    public static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(90);

    private long _lastPollTicks;

    public string Name => "telegram";

    /// <summary>Called after each successful getUpdates.</summary>
    public void Polled() => Interlocked.Exchange(ref _lastPollTicks, clock.GetUtcNow().UtcTicks);

    public Task<string?> ProblemAsync(IServiceProvider services, CancellationToken ct)
    {
        if (options.Value.Mode != TelegramMode.Polling)
        {
            return Task.FromResult<string?>(null);
        }

        var last = Interlocked.Read(ref _lastPollTicks);
        return Task.FromResult(
            last == 0 ? "no successful getUpdates yet"
            : clock.GetUtcNow().UtcTicks - last > MaxSilence.Ticks ? $"no successful getUpdates for over {MaxSilence.TotalSeconds:0} s"
            : null);
    }
}
