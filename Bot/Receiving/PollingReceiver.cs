using System.Text.Json;
using AdilSoz.Intake.Core.Telegram;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Bot.Receiving;

/// <summary>
/// Long polling: fetches updates as raw JSON, hands each one to the processor (which commits it, handled
/// or stored), and only then advances the offset (which is what acknowledges them to Telegram). A crash
/// between the two re-fetches the same updates, which the store turns into no-ops.
/// </summary>
public sealed class PollingReceiver(
    IOptions<TelegramOptions> options,
    IHttpClientFactory httpFactory,
    UpdateProcessor processor,
    Hosting.PollingReadiness readiness,
    ILogger<PollingReceiver> logger) : BackgroundService
{
    private const int LongPollSeconds = 25;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.Mode != TelegramMode.Polling)
        {
            return;
        }

        var http = httpFactory.CreateClient("telegram");
        var baseUrl = $"{o.ApiBaseUrl.TrimEnd('/')}/bot{o.BotToken}/";
        long? offset = null;
        var failures = 0;
        await CallAsync(http, baseUrl + "deleteWebhook", new { drop_pending_updates = false }, stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var response = await http.PostAsJsonAsync(baseUrl + "getUpdates",
                    new { offset, timeout = LongPollSeconds, allowed_updates = Array.Empty<string>() }, stoppingToken);
                using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(stoppingToken), cancellationToken: stoppingToken);
                var root = doc.RootElement;
                if (!root.TryGetProperty("ok", out var ok) || !ok.GetBoolean())
                {
                    await WaitAfterErrorAsync(root, ++failures, stoppingToken);
                    continue;
                }

                failures = 0;
                readiness.Polled();
                foreach (var update in root.GetProperty("result").EnumerateArray())
                {
                    await processor.ReceiveAsync(update.GetRawText(), stoppingToken);
                    if (update.TryGetProperty("update_id", out var id) && id.TryGetInt64(out var value))
                    {
                        offset = Math.Max(offset ?? 0, value + 1);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Note: nothing was acknowledged (the offset did not move), so the same updates come again.
                failures++;
                logger.LogWarning("getUpdates failed ({Error}); retrying, attempt {Attempt}", e.GetType().Name, failures);
                await Task.Delay(Backoff(failures), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task WaitAfterErrorAsync(JsonElement root, int failures, CancellationToken ct)
    {
        var code = root.TryGetProperty("error_code", out var c) ? c.GetInt32() : 0;
        var retryAfter = root.TryGetProperty("parameters", out var p) && p.TryGetProperty("retry_after", out var r) ? r.GetInt32() : 0;
        var delay = code switch
        {
            429 => TimeSpan.FromSeconds(Math.Max(1, retryAfter)),
            409 => TimeSpan.FromSeconds(10),
            401 or 404 => TimeSpan.FromMinutes(1),
            _ => Backoff(failures),
        };
        logger.LogWarning("getUpdates answered error {Code}; waiting {Delay}", code, delay);
        await Task.Delay(delay, ct).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task CallAsync(HttpClient http, string url, object body, CancellationToken ct)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(url, body, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Bot API call failed at start ({Error})", e.GetType().Name);
        }
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(30_000, 250 * Math.Pow(2, Math.Min(failures, 8))) + Random.Shared.Next(0, 250));
}
