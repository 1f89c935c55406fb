using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Bot.Conversation;

/// <summary>
/// Messages per minute per reporter: a sliding window kept in memory by each Bot instance.
/// Note: raw updates are stored encrypted, so the database cannot count a reporter's messages;
/// a per-instance window is the simplest correct thing (one instance in practice; with several, the
/// limit is per instance, which still stops a flood). A restart forgets the window, which is harmless.
/// </summary>
public sealed class MessageRateLimiter(IOptions<BotOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan WindowLength = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<long, Window> _windows = new();

    /// <summary>The verdict for one more event of the reporter.</summary>
    public enum Verdict
    {
        Allowed,

        /// <summary>Over the limit, first time in this window: tell the reporter.</summary>
        LimitedTell,

        /// <summary>Over the limit and already told: stay silent.</summary>
        LimitedSilent,
    }

    public Verdict Hit(long reporterId)
    {
        var now = clock.GetUtcNow();
        var window = _windows.GetOrAdd(reporterId, _ => new Window());
        lock (window)
        {
            while (window.Times.Count > 0 && now - window.Times.Peek() >= WindowLength)
            {
                window.Times.Dequeue();
            }

            if (window.Times.Count < options.Value.MessagesPerMinute)
            {
                window.Times.Enqueue(now);
                window.Told = false;
                return Verdict.Allowed;
            }

            if (window.Told)
            {
                return Verdict.LimitedSilent;
            }

            window.Told = true;
            return Verdict.LimitedTell;
        }
    }

    private sealed class Window
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public bool Told { get; set; }
    }
}
