using AdilSoz.Intake.Tests.Infrastructure;

namespace AdilSoz.Intake.Tests.Telegram.Integration;

/// <summary>What one reporter sees in their chat: waits for the next bot message after the last one read.</summary>
public sealed class ChatView(BotApiStandIn api, long chatId)
{
    private long _lastSeen;

    public long ChatId { get; } = chatId;

    /// <summary>The next bot message (after the last one read) containing <paramref name="contains"/>.</summary>
    public async Task<BotApiMessage> NextAsync(string contains, TimeSpan? timeout = null)
    {
        var seen = _lastSeen;
        var message = await api.WaitForMessageAsync(ChatId,
            m => m.MessageId > seen && m.Text?.Contains(contains, StringComparison.Ordinal) == true, timeout ?? TimeSpan.FromSeconds(30));
        _lastSeen = api.SentMessages(ChatId).Max(m => m.MessageId);
        return message;
    }

    /// <summary>Every text the bot sent to this chat, joined (for assertion messages).</summary>
    public string Transcript => string.Join("\n---\n", api.SentMessages(ChatId).Select(m => m.Text));
}
