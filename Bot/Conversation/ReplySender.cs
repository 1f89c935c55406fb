using AdilSoz.Intake.Bot.Dialogue;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace AdilSoz.Intake.Bot.Conversation;

/// <summary>
/// Sends the replies of one update, one message at a time, so that a failure never sends a message
/// twice. A 429 that Telegram.Bot did not absorb itself (retry_after over its RetryThreshold, or
/// more than RetryCount in a row) is waited out here and the same message is sent again, up to
/// <see cref="BotOptions.MaxRetryAfterWaitSeconds"/> in total; only past that does the update fail
/// (and is handled again later). A 5xx or a network failure is retried the same way, with a growing pause,
/// within the same budget. A 403 means the reporter blocked the bot: sending stops and the
/// caller marks the reporter unreachable.
/// </summary>
public sealed class ReplySender(ITelegramBotClient bot, IOptions<BotOptions> options, TimeProvider clock, ILogger<ReplySender> logger)
{
    /// <summary>How sending ended.</summary>
    public enum Outcome
    {
        Sent,
        Blocked,
    }

    public async Task<Outcome> SendAsync(long chatId, IEnumerable<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var failures = 0;
        var budget = TimeSpan.FromSeconds(options.Value.MaxRetryAfterWaitSeconds);
        foreach (var message in messages)
        {
            while (true)
            {
                try
                {
                    await TelegramReplies.SendAsync(bot, chatId, [message], cancellationToken);
                    failures = 0;
                    break;
                }
                catch (ApiRequestException e) when (e.ErrorCode == 403)
                {
                    return Outcome.Blocked;
                }
                catch (ApiRequestException e) when (e.ErrorCode == 429)
                {
                    var delay = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                    if (waited + delay > budget)
                    {
                        throw;
                    }

                    logger.LogWarning("Bot API asked to retry after {Delay}; waiting", delay);
                    waited += delay;
                    await Task.Delay(delay, clock, cancellationToken);
                }
                catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
                {
                    // Note: a 5xx or a broken connection fails this one message. Failing the update instead would
                    // send its earlier messages again when it is retried, and a few quick failures in a row
                    // would put a reporter's update in "needs attention". Wait and send the same message again.
                    var delay = TimeSpan.FromMilliseconds(Math.Min(5_000, 500 * Math.Pow(2, Math.Min(failures++, 4))));
                    if (waited + delay > budget)
                    {
                        throw;
                    }

                    logger.LogWarning("Bot API call failed ({Error} {Code}); sending again in {Delay}", e.GetType().Name, (e as ApiRequestException)?.ErrorCode, delay);
                    waited += delay;
                    await Task.Delay(delay, clock, cancellationToken);
                }
            }
        }

        return Outcome.Sent;
    }

    /// <summary>Server errors (5xx) and failures to reach the Bot API at all; never 4xx, which would fail again.</summary>
    private static bool IsTransient(Exception e) => e switch
    {
        ApiRequestException api => api.ErrorCode >= 500,
        RequestException request => request.HttpStatusCode is null || (int)request.HttpStatusCode >= 500,
        HttpRequestException => true,
        _ => false,
    };

    /// <summary>Answers a button press (stops the client's spinner); an expired query is not an error.</summary>
    public async Task AnswerCallbackAsync(string callbackQueryId, CancellationToken cancellationToken)
    {
        try
        {
            await bot.AnswerCallbackQuery(callbackQueryId, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException e)
        {
            // Note: "query is too old" after a restart or a 429 — the reporter only sees the spinner stop later.
            logger.LogInformation("answerCallbackQuery failed ({Code})", e.ErrorCode);
        }
        catch (HttpRequestException e)
        {
            logger.LogInformation("answerCallbackQuery failed ({Error})", e.GetType().Name);
        }
    }
}
