namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>The kind of a file a reporter sent, as the Bot API names it.</summary>
public enum FileKind
{
    Photo,
    Video,
    Voice,
    Audio,
    Document,
    VideoNote,
    Sticker,
    Animation,
}

/// <summary>Content the bot cannot take as evidence.</summary>
public enum UnsupportedContent
{
    None,
    Sticker,
    Location,
    Contact,
    Poll,
    Other,
}

/// <summary>A file attached to a message (for a photo: its largest size only).</summary>
public sealed record IncomingFile(
    string FileId,
    string FileUniqueId,
    long? Size,
    string? FileName,
    string? MimeType,
    FileKind Kind);

/// <summary>
/// A private-chat message or button press, reduced to what the dialogue needs. Built by the caller
/// from a Telegram update (see <see cref="TelegramEvents"/>).
/// </summary>
public sealed record IncomingEvent
{
    /// <summary>Message id (for a button press: the id of the message carrying the button).</summary>
    public long MessageId { get; init; }

    /// <summary>Message text or media caption.</summary>
    public string? Text { get; init; }

    /// <summary>Callback data of a pressed inline button; null for messages.</summary>
    public string? CallbackData { get; init; }

    public IReadOnlyList<IncomingFile> Files { get; init; } = [];

    public string? MediaGroupId { get; init; }

    /// <summary>Who or which channel the message was forwarded from; null when not forwarded.</summary>
    public string? ForwardOrigin { get; init; }

    /// <summary>The Telegram client's language_code (e.g. "ru", "kk", "en-GB").</summary>
    public string? LanguageCode { get; init; }

    public bool Edited { get; init; }

    public UnsupportedContent Unsupported { get; init; }

    /// <summary>The command without slash and bot name ("start" for "/start@AdilSozBot x"), or null.</summary>
    public string? Command
    {
        get
        {
            if (CallbackData is not null || Files.Count > 0 || Text is null || !Text.StartsWith('/'))
            {
                return null;
            }

            var word = Text[1..].Split([' ', '\n'], 2)[0];
            var at = word.IndexOf('@');
            return (at >= 0 ? word[..at] : word).ToLowerInvariant();
        }
    }

    public static IncomingEvent Message(string text, long messageId = 1, string? languageCode = null) =>
        new() { Text = text, MessageId = messageId, LanguageCode = languageCode };

    public static IncomingEvent Callback(string data, long messageId = 1) =>
        new() { CallbackData = data, MessageId = messageId };
}
