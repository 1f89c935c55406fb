using System.Text.Json.Nodes;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>The Bot API methods the intake uses, answered like Telegram does.</summary>
public sealed partial class BotApiStandIn
{
    private const long MaxDownloadBytes = 20L * 1024 * 1024;

    private async Task<(int, JsonObject)> DispatchAsync(string method, JsonObject body, CancellationToken aborted)
    {
        switch (method.ToLowerInvariant())
        {
            case "getme":
                return (200, Ok(BotUser()));
            case "getupdates":
                return (200, Ok(await GetUpdatesAsync(body, aborted)));
            case "sendmessage":
                return SendMessage(body);
            case "editmessagetext":
                return EditMessage(body, textToo: true);
            case "editmessagereplymarkup":
                return EditMessage(body, textToo: false);
            case "getfile":
                return GetFile(body);
            case "setwebhook":
                WebhookUrl = (string?)body["url"];
                return (200, Ok(true));
            case "deletewebhook":
                WebhookUrl = null;
                if ((bool?)body["drop_pending_updates"] == true)
                {
                    lock (_gate)
                    {
                        _pendingUpdates.Clear();
                    }
                }

                return (200, Ok(true));
            case "getwebhookinfo":
                return (200, Ok(new JsonObject { ["url"] = WebhookUrl ?? "", ["has_custom_certificate"] = false, ["pending_update_count"] = PendingUpdateCount }));
            case "answercallbackquery" or "sendchataction" or "setmycommands" or "deletemycommands" or "deletemessage" or "close" or "logout":
                return (200, Ok(true));
            default:
                return (404, Error(404, "Not Found: method not found"));
        }
    }

    private async Task<JsonArray> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        var offset = (long?)body["offset"];
        var limit = Math.Clamp((int?)body["limit"] ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, (int?)body["timeout"] ?? 0));
        lock (_gate)
        {
            if (offset is { } o && o > 0)
            {
                // Note: asking with an offset confirms every update below it; Telegram forgets them.
                _pendingUpdates.RemoveAll(u => (long)u["update_id"]! < o && !_redeliveries.Contains(u));
                LastOffset = Math.Max(LastOffset ?? 0, o);
            }
            else if (offset is { } negative && negative < 0)
            {
                var keep = (int)Math.Min(-negative, _pendingUpdates.Count);
                _pendingUpdates.RemoveRange(0, _pendingUpdates.Count - keep);
            }
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        cts.CancelAfter(timeout);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_pendingUpdates.Count > 0)
                {
                    var batch = _pendingUpdates.Take(limit).ToList();
                    _redeliveries.ExceptWith(batch);
                    return new JsonArray([.. batch.Select(u => u.DeepClone())]);
                }

                signal = _changed.Task;
            }

            if (timeout == TimeSpan.Zero)
            {
                return [];
            }

            try
            {
                await signal.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                return [];
            }
        }
    }

    private (int, JsonObject) SendMessage(JsonObject body)
    {
        if (ChatIdOf(body) is not { } chat)
        {
            return (400, Error(400, "Bad Request: chat not found"));
        }

        var text = (string?)body["text"];
        if (string.IsNullOrEmpty(text))
        {
            return (400, Error(400, "Bad Request: message text is empty"));
        }

        if (text.Length > 4096)
        {
            return (400, Error(400, "Bad Request: message is too long"));
        }

        lock (_gate)
        {
            var message = NewMessage(chat, BotUser(), text);
            if (body["reply_markup"] is JsonObject markup)
            {
                message["reply_markup"] = markup.DeepClone();
            }

            _botMessages[(chat, (long)message["message_id"]!)] = message;
            return (200, Ok(message.DeepClone()));
        }
    }

    private (int, JsonObject) EditMessage(JsonObject body, bool textToo)
    {
        if (ChatIdOf(body) is not { } chat || (long?)body["message_id"] is not { } id)
        {
            return (400, Error(400, "Bad Request: message identifier is not specified"));
        }

        lock (_gate)
        {
            if (!_botMessages.TryGetValue((chat, id), out var message))
            {
                return (400, Error(400, "Bad Request: message to edit not found"));
            }

            var newText = textToo ? (string?)body["text"] : (string?)message["text"];
            var newMarkup = body["reply_markup"] as JsonObject;
            var sameMarkup = JsonNode.DeepEquals(message["reply_markup"], newMarkup)
                || (newMarkup is null && message["reply_markup"] is null);
            if (newText == (string?)message["text"] && sameMarkup)
            {
                return (400, Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"));
            }

            message["text"] = newText;
            message.Remove("reply_markup");
            if (newMarkup is not null && newMarkup["inline_keyboard"] is JsonArray { Count: > 0 })
            {
                message["reply_markup"] = newMarkup.DeepClone();
            }

            message["edit_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            _editCounts[(chat, id)] = _editCounts.GetValueOrDefault((chat, id)) + 1;
            return (200, Ok(message.DeepClone()));
        }
    }

    private (int, JsonObject) GetFile(JsonObject body)
    {
        var id = (string?)body["file_id"];
        lock (_gate)
        {
            if (id is null || !_filesById.TryGetValue(id, out var file))
            {
                return (400, Error(400, "Bad Request: invalid file_id"));
            }

            if (file.Size > MaxDownloadBytes)
            {
                return (400, Error(400, "Bad Request: file is too big"));
            }

            return (200, Ok(new JsonObject
            {
                ["file_id"] = file.FileId,
                ["file_unique_id"] = file.FileUniqueId,
                ["file_size"] = file.Size,
                ["file_path"] = file.FilePath,
            }));
        }
    }

    private static JsonObject BotUser() => new()
    {
        ["id"] = BotUserId,
        ["is_bot"] = true,
        ["first_name"] = "Adil Soz (test)",
        ["username"] = BotUsername,
        ["can_join_groups"] = false,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
    };

    /// <summary>A message in a chat with the next message id of that chat. Call under the lock.</summary>
    private JsonObject NewMessage(long chat, JsonObject from, string? text, string chatType = "private", string? chatTitle = null)
    {
        var id = _nextMessageId.GetValueOrDefault(chat, 1);
        _nextMessageId[chat] = id + 1;
        var chatJson = new JsonObject { ["id"] = chat, ["type"] = chatType };
        if (chatType == "private")
        {
            chatJson["first_name"] = chat == (long?)from["id"] ? (string?)from["first_name"] : "Reporter";
        }
        else
        {
            chatJson["title"] = chatTitle ?? "Group";
        }

        var message = new JsonObject
        {
            ["message_id"] = id,
            ["from"] = from,
            ["chat"] = chatJson,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        if (text is not null)
        {
            message["text"] = text;
        }

        return message;
    }
}
