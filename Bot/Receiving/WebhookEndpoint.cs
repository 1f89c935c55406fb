using System.Security.Cryptography;
using System.Text;
using AdilSoz.Intake.Core.Telegram;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace AdilSoz.Intake.Bot.Receiving;

/// <summary>
/// Webhook mode: <c>POST /telegram/webhook</c>. The secret header is checked (401 otherwise); the raw
/// body is committed (handled, or stored for the processor) before answering 200; any failure answers
/// 500 so that Telegram delivers again.
/// </summary>
public static class WebhookEndpoint
{
    public const string Path = "/telegram/webhook";

    public static void MapTelegramWebhook(this WebApplication app)
    {
        app.MapPost(Path, async (HttpContext ctx, IOptions<TelegramOptions> options, UpdateProcessor processor) =>
        {
            var o = options.Value;
            if (o.Mode != TelegramMode.Webhook)
            {
                return Results.NotFound();
            }

            var given = ctx.Request.Headers["X-Telegram-Bot-Api-Secret-Token"].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(o.WebhookSecret ?? "")))
            {
                return Results.Unauthorized();
            }

            using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            var raw = await reader.ReadToEndAsync(ctx.RequestAborted);
            await processor.ReceiveAsync(raw, ctx.RequestAborted);
            return Results.Ok();
        });
    }
}

/// <summary>Registers the webhook URL with Telegram at start when <c>Telegram:WebhookUrl</c> is set.</summary>
public sealed class WebhookRegistration(IOptions<TelegramOptions> options, ITelegramBotClient bot, ILogger<WebhookRegistration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.Mode != TelegramMode.Webhook || string.IsNullOrWhiteSpace(o.WebhookUrl))
        {
            return;
        }

        try
        {
            await bot.SetWebhook(o.WebhookUrl, secretToken: o.WebhookSecret, cancellationToken: cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogError("setWebhook failed ({Error}); updates will not arrive until it succeeds", e.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
