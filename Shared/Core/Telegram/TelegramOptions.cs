using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Core.Telegram;

public enum TelegramMode
{
    Polling,
    Webhook,
}

/// <summary>The <c>Telegram</c> section (CONTRACT.md).</summary>
public sealed class TelegramOptions : IValidatableObject
{
    public const string SectionName = "Telegram";

    /// <summary>The key of the client for file downloads: the same bot, with a timeout long enough for a 20 MB file.</summary>
    public const string Downloads = "Telegram.Downloads";

    /// <summary>Bot token; without it the Bot does not start and the rest of the system works on.</summary>
    public string? BotToken { get; set; }

    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Checked against <c>X-Telegram-Bot-Api-Secret-Token</c> in webhook mode.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Public URL Telegram should call in webhook mode; when set, the Bot registers it at start.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Optional chat that gets new-item notifications.</summary>
    public long? ModeratorChatId { get; set; }

    /// <summary>Files larger than this are recorded but not downloaded (the Bot API's getFile limit).</summary>
    [Range(1, 2_000_000_000)]
    public long MaxDownloadBytes { get; set; } = 20 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == TelegramMode.Webhook && string.IsNullOrWhiteSpace(WebhookSecret))
        {
            yield return new ValidationResult("Telegram:WebhookSecret is required when Telegram:Mode is Webhook.", [nameof(WebhookSecret)]);
        }

        if (BotToken is { Length: > 0 } token && !token.Contains(':', StringComparison.Ordinal))
        {
            yield return new ValidationResult("Telegram:BotToken does not look like a bot token (expected \"<id>:<secret>\").", [nameof(BotToken)]);
        }
    }

    /// <summary>The numeric bot id, the part of the token before the colon.</summary>
    public string BotId => BotToken?.Split(':')[0] ?? "0";
}
