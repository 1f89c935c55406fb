using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Worker.Retention;

/// <summary>How long identities and spam are kept (section "Retention"); validated when the Worker starts.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Days after the last of a reporter's reports was closed (approved, rejected, ignored) before their identity is erased.</summary>
    [Range(1, 3650)]
    public int ClosedIdentityDays { get; set; } = 180;

    /// <summary>Days after which rejected or ignored spam loses its text and raw message.</summary>
    [Range(1, 3650)]
    public int SpamDays { get; set; } = 30;

    /// <summary>
    /// Days a processed Telegram update's raw JSON is kept. The dialogue's steps are not linked to a
    /// report (the report holds their content), so their raw JSON, which names the sender, goes after this.
    /// </summary>
    [Range(1, 3650)]
    public int TelegramUpdateDays { get; set; } = 30;
}
