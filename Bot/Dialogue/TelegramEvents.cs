using AdilSoz.Intake.Language.Text;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>Turns a Telegram update into an <see cref="IncomingEvent"/> for the dialogue.</summary>
public static class TelegramEvents
{
    /// <summary>
    /// The event of a private-chat message, edited message or button press; null for anything else
    /// (group chats, channel posts, unknown update types), which the caller answers or skips.
    /// </summary>
    public static IncomingEvent? FromUpdate(Update update)
    {
        switch (update)
        {
            case { Message: { Chat.Type: ChatType.Private } m }:
                return FromMessage(m, edited: false);
            case { EditedMessage: { Chat.Type: ChatType.Private } m }:
                return FromMessage(m, edited: true);
            case { CallbackQuery: { Data: { } data } q } when q.Message is null || q.Message.Chat.Type == ChatType.Private:
                return new IncomingEvent
                {
                    CallbackData = data,
                    MessageId = q.Message?.Id ?? 0,
                    LanguageCode = q.From.LanguageCode,
                };
            default:
                return null;
        }
    }

    /// <summary>True for a message in a group or supergroup (the caller answers <see cref="Texts.BotTexts.GroupChat"/>).</summary>
    public static bool IsGroupMessage(Update update) =>
        update.Message?.Chat.Type is ChatType.Group or ChatType.Supergroup;

    public static IncomingEvent FromMessage(Message m, bool edited)
    {
        var files = new List<IncomingFile>();
        // Note: a damaged update may hold null entries or files without an id; those are not files.
        if (m.Photo?.Where(p => p is { FileId: not null }).ToList() is { Count: > 0 } sizes)
        {
            var largest = sizes.MaxBy(p => (long)p.Width * p.Height)!;
            files.Add(new IncomingFile(Storable(largest.FileId)!, Storable(largest.FileUniqueId)!, largest.FileSize, null, "image/jpeg", FileKind.Photo));
        }

        Add(files, m.Document, FileKind.Document, m.Document?.FileName, m.Document?.MimeType);
        Add(files, m.Video, FileKind.Video, m.Video?.FileName, m.Video?.MimeType);
        Add(files, m.Audio, FileKind.Audio, m.Audio?.FileName, m.Audio?.MimeType);
        Add(files, m.Voice, FileKind.Voice, null, m.Voice?.MimeType ?? "audio/ogg");
        Add(files, m.VideoNote, FileKind.VideoNote, null, "video/mp4");
        if (m.Document is null)
        {
            // Note: an animation message also carries it as a document; take it once.
            Add(files, m.Animation, FileKind.Animation, m.Animation?.FileName, m.Animation?.MimeType);
        }

        var unsupported = m switch
        {
            { Sticker: not null } => UnsupportedContent.Sticker,
            { Location: not null } or { Venue: not null } => UnsupportedContent.Location,
            { Contact: not null } => UnsupportedContent.Contact,
            { Poll: not null } => UnsupportedContent.Poll,
            { Text: null, Caption: null } when files.Count == 0 => UnsupportedContent.Other,
            _ => UnsupportedContent.None,
        };

        return new IncomingEvent
        {
            MessageId = m.Id,
            Text = Storable(m.Text ?? m.Caption),
            Files = files,
            MediaGroupId = Storable(m.MediaGroupId),
            ForwardOrigin = Storable(m.ForwardOrigin is MessageOriginUser { SenderUser.Id: var author } && author == m.From?.Id
                ? OwnMessage : DescribeOrigin(m.ForwardOrigin)),
            LanguageCode = m.From?.LanguageCode,
            Edited = edited,
            Unsupported = unsupported,
        };
    }

    /// <summary>
    /// The origin of a reporter's own message forwarded to the bot: their name and username would name
    /// them in the report whatever they answered about being named.
    /// </summary>
    public const string OwnMessage = "the reporter's own message";

    /// <summary>"channel «Title» (@name)", "user Name (@name)", "hidden user Name", …; null when not forwarded.</summary>
    public static string? DescribeOrigin(MessageOrigin? origin) => origin switch
    {
        null => null,
        MessageOriginChannel c => $"channel «{c.Chat.Title}»" + (c.Chat.Username is { } u ? $" (@{u})" : "")
            + (c.AuthorSignature is { } s ? $", {s}" : ""),
        MessageOriginChat c => $"chat «{c.SenderChat.Title}»" + (c.SenderChat.Username is { } u ? $" (@{u})" : ""),
        MessageOriginUser u => $"user {string.Join(' ', new[] { u.SenderUser.FirstName, u.SenderUser.LastName }.Where(n => !string.IsNullOrEmpty(n)))}"
            + (u.SenderUser.Username is { } name ? $" (@{name})" : ""),
        MessageOriginHiddenUser h => $"hidden user {h.SenderUserName}",
        _ => "unknown origin",
    };

    /// <summary>Text PostgreSQL accepts (see <see cref="StorableText"/>); the raw update keeps the original.</summary>
    private static string? Storable(string? text) => StorableText.CleanOrNull(text);

    private static void Add(List<IncomingFile> files, FileBase? file, FileKind kind, string? name, string? mime)
    {
        if (file is { FileId: not null })
        {
            files.Add(new IncomingFile(Storable(file.FileId)!, Storable(file.FileUniqueId)!, file.FileSize, Storable(name), Storable(mime), kind));
        }
    }
}
