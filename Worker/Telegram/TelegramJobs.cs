using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Telegram;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace AdilSoz.Intake.Worker.Telegram;

/// <summary>Registers the Telegram jobs of the Worker (file downloads).</summary>
public static class TelegramJobs
{
    /// <summary>
    /// Binds <c>Telegram</c> (token and API base URL, same variables as the Bot) without validating
    /// it at start: a Worker without a bot token runs on, and file jobs fail and retry until one is set.
    /// </summary>
    public static IHostApplicationBuilder AddTelegramJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName);
        builder.Services.AddHttpClient(TelegramFileJob.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(5));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ITelegramFileJob, TelegramFileJob>();

        // The client for outbound messages (questions, decisions, moderator alerts), when a token is set.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{TelegramOptions.SectionName}:{nameof(TelegramOptions.BotToken)}"]))
        {
            builder.Services.AddHttpClient("telegram-outbound", c => c.Timeout = TimeSpan.FromSeconds(60));
            builder.Services.AddSingleton<ITelegramBotClient>(sp =>
            {
                var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient("telegram-outbound");
                return new TelegramBotClient(new TelegramBotClientOptions(o.BotToken!, o.ApiBaseUrl.TrimEnd('/')), http);
            });
        }

        return builder;
    }
}
