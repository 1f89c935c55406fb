using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace AdilSoz.Intake.Bot.Dialogue;

/// <summary>Sends the dialogue's <see cref="OutgoingMessage"/>s through the Bot API, as plain text (no parse mode).</summary>
public static class TelegramReplies
{
    /// <summary>The inline keyboard of a message, or null when it has no buttons.</summary>
    public static InlineKeyboardMarkup? Markup(OutgoingMessage message) =>
        message.Keyboard.Count == 0
            ? null
            : new InlineKeyboardMarkup(message.Keyboard.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.CallbackData))));

    /// <summary>
    /// Sends or edits each message in order. Removing the buttons of an old message is cosmetic: a
    /// 400 for it (already removed, message too old) is ignored. 429/403/5xx propagate to the caller.
    /// </summary>
    public static async Task SendAsync(ITelegramBotClient bot, long chatId, IEnumerable<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            if (message.EditMessageId is not { } editId)
            {
                await bot.SendMessage(chatId, message.Text ?? "", replyMarkup: Markup(message), cancellationToken: cancellationToken);
                continue;
            }

            try
            {
                if (message.Text is null)
                {
                    await bot.EditMessageReplyMarkup(chatId, (int)editId, Markup(message), cancellationToken: cancellationToken);
                }
                else
                {
                    await bot.EditMessageText(chatId, (int)editId, message.Text, replyMarkup: Markup(message), cancellationToken: cancellationToken);
                }
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400)
            {
                // Note: "message is not modified" / "message to edit not found" — nothing the reporter would miss.
            }
        }
    }
}
