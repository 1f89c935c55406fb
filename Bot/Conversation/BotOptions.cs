using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Bot.Conversation;

/// <summary>The <c>Bot</c> section: per-reporter limits against floods and abuse.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>Reports one reporter may submit in 24 hours (counted in the database).</summary>
    [Range(1, 10_000)]
    public int ReportsPerDay { get; set; } = 10;

    /// <summary>Messages and button presses one reporter may send per minute (counted per Bot instance).</summary>
    [Range(1, 10_000)]
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Longest total wait for Telegram's "retry after" while sending one update's replies.</summary>
    [Range(1, 3600)]
    public int MaxRetryAfterWaitSeconds { get; set; } = 300;

    /// <summary>The web form's onion address (<c>Public:OnionAddress</c>, shared with the public process), told in /privacy.</summary>
    public string? OnionAddress { get; set; }
}
