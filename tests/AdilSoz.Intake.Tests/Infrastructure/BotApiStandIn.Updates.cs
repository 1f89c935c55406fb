using System.Text.Json.Nodes;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>An update queued for getUpdates and the id of the message it carries (0 when none).</summary>
public sealed record BotApiUpdate(long UpdateId, long MessageId, JsonObject Json);

/// <summary>Builders for the updates a reporter's Telegram client would produce.</summary>
public sealed partial class BotApiStandIn
{
    /// <summary>Queues a raw update; an update_id is assigned when missing.</summary>
    public BotApiUpdate EnqueueUpdate(JsonObject update)
    {
        lock (_gate)
        {
            if (update["update_id"] is null)
            {
                update["update_id"] = ++_nextUpdateId;
            }

            _pendingUpdates.Add(update);
        }

        Pulse();
        var messageId = (long?)(update["message"] ?? update["edited_message"])?["message_id"] ?? 0;
        return new BotApiUpdate((long)update["update_id"]!, messageId, update);
    }

    /// <summary>Queues a private message from <paramref name="userId"/>; <paramref name="fill"/> adds its content.</summary>
    public BotApiUpdate EnqueueMessage(long userId, Action<JsonObject> fill, string languageCode = "ru")
    {
        JsonObject message;
        lock (_gate)
        {
            message = NewMessage(userId, User(userId, languageCode), null);
        }

        fill(message);
        return EnqueueUpdate(new JsonObject { ["message"] = message });
    }

    public BotApiUpdate EnqueueText(long userId, string text, string languageCode = "ru") =>
        EnqueueMessage(userId, m =>
        {
            m["text"] = text;
            if (text.StartsWith('/'))
            {
                m["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = text.Split(' ')[0].Length });
            }
        }, languageCode);

    public BotApiUpdate EnqueuePhoto(long userId, BotApiFile file, string? caption = null, string? mediaGroupId = null, string languageCode = "ru") =>
        EnqueueMessage(userId, m =>
        {
            m["photo"] = new JsonArray(
                new JsonObject { ["file_id"] = file.FileId + "-thumb", ["file_unique_id"] = file.FileUniqueId + "-thumb", ["width"] = 90, ["height"] = 67, ["file_size"] = 1200 },
                new JsonObject { ["file_id"] = file.FileId, ["file_unique_id"] = file.FileUniqueId, ["width"] = 1280, ["height"] = 960, ["file_size"] = file.Size });
            Caption(m, caption, mediaGroupId);
        }, languageCode);

    public BotApiUpdate EnqueueDocument(long userId, BotApiFile file, string mimeType, string? caption = null, string? mediaGroupId = null, string languageCode = "ru") =>
        EnqueueMessage(userId, m =>
        {
            m["document"] = new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["file_name"] = file.FileName,
                ["mime_type"] = mimeType,
                ["file_size"] = file.Size,
            };
            Caption(m, caption, mediaGroupId);
        }, languageCode);

    /// <summary>An album: one message per photo with the same media_group_id, the caption on the first.</summary>
    public IReadOnlyList<BotApiUpdate> EnqueueAlbum(long userId, IReadOnlyList<BotApiFile> photos, string? caption = null, string languageCode = "ru")
    {
        var group = "1" + Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999);
        return photos.Select((p, i) => EnqueuePhoto(userId, p, i == 0 ? caption : null, group, languageCode)).ToList();
    }

    /// <summary>A message forwarded from a channel (forward_origin of type channel).</summary>
    public BotApiUpdate EnqueueForwardFromChannel(long userId, string text, string channelTitle, string? channelUsername = null, string languageCode = "ru") =>
        EnqueueMessage(userId, m =>
        {
            var chat = new JsonObject { ["id"] = -1001234567890, ["type"] = "channel", ["title"] = channelTitle };
            if (channelUsername is not null)
            {
                chat["username"] = channelUsername;
            }

            m["forward_origin"] = new JsonObject
            {
                ["type"] = "channel",
                ["chat"] = chat,
                ["message_id"] = 4242,
                ["date"] = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds(),
            };
            m["text"] = text;
        }, languageCode);

    public BotApiUpdate EnqueueSticker(long userId) =>
        EnqueueMessage(userId, m => m["sticker"] = new JsonObject
        {
            ["file_id"] = "STICKER", ["file_unique_id"] = "STICKERU", ["type"] = "regular",
            ["width"] = 512, ["height"] = 512, ["is_animated"] = false, ["is_video"] = false,
        });

    public BotApiUpdate EnqueueLocation(long userId) =>
        EnqueueMessage(userId, m => m["location"] = new JsonObject { ["latitude"] = 43.2389, ["longitude"] = 76.8897 });

    /// <summary>The reporter pressed an inline button on a message the bot sent.</summary>
    public BotApiUpdate EnqueueCallback(long userId, long messageId, string data, string languageCode = "ru")
    {
        JsonObject message;
        lock (_gate)
        {
            message = _botMessages.TryGetValue((userId, messageId), out var sent)
                ? (JsonObject)sent.DeepClone()
                : new JsonObject { ["message_id"] = messageId, ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private" }, ["date"] = 0 };
        }

        return EnqueueUpdate(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString("N")[..16],
                ["from"] = User(userId, languageCode),
                ["message"] = message,
                ["chat_instance"] = "ci-" + userId,
                ["data"] = data,
            },
        }) with { MessageId = messageId };
    }

    /// <summary>Presses the button with this callback data on the latest bot message in the chat that has it.</summary>
    public BotApiUpdate PressButton(long userId, string callbackData, string languageCode = "ru")
    {
        var message = SentMessages(userId).LastOrDefault(m => m.CallbackData.Contains(callbackData))
            ?? throw new InvalidOperationException($"No message in chat {userId} offers the button '{callbackData}'.");
        return EnqueueCallback(userId, message.MessageId, callbackData, languageCode);
    }

    /// <summary>Waits until a bot message in the chat offers the button, then presses it on the latest such message.</summary>
    public async Task<BotApiUpdate> PressButtonAsync(long userId, string callbackData, string languageCode = "ru", TimeSpan? timeout = null)
    {
        await WaitForMessageAsync(userId, m => m.CallbackData.Contains(callbackData), timeout);
        return PressButton(userId, callbackData, languageCode);
    }

    /// <summary>The reporter edited an earlier text message.</summary>
    public BotApiUpdate EnqueueEditedText(long userId, long messageId, string newText, string languageCode = "ru")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return EnqueueUpdate(new JsonObject
        {
            ["edited_message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = User(userId, languageCode),
                ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Reporter" },
                ["date"] = now - 30,
                ["edit_date"] = now,
                ["text"] = newText,
            },
        });
    }

    /// <summary>A message in a group chat (the bot should answer that it works only in private chats).</summary>
    public BotApiUpdate EnqueueGroupText(long groupChatId, long userId, string text, string languageCode = "ru")
    {
        JsonObject message;
        lock (_gate)
        {
            message = NewMessage(groupChatId, User(userId, languageCode), text, "supergroup", "Журналисты Алматы");
        }

        return EnqueueUpdate(new JsonObject { ["message"] = message });
    }

    /// <summary>An update of a kind this client does not know (a future Bot API addition).</summary>
    public BotApiUpdate EnqueueUnknownUpdate(string kind = "future_feature_update") =>
        EnqueueUpdate(new JsonObject { [kind] = new JsonObject { ["id"] = 1, ["payload"] = new JsonArray(1, "two", null) } });

    private static JsonObject User(long userId, string languageCode) => new()
    {
        ["id"] = userId,
        ["is_bot"] = false,
        ["first_name"] = "Reporter",
        ["username"] = "reporter" + userId,
        ["language_code"] = languageCode,
    };

    private static void Caption(JsonObject message, string? caption, string? mediaGroupId)
    {
        if (caption is not null)
        {
            message["caption"] = caption;
        }

        if (mediaGroupId is not null)
        {
            message["media_group_id"] = mediaGroupId;
        }
    }
}
