using AdilSoz.Intake.Bot.Conversation;
using AdilSoz.Intake.Bot.Receiving;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Operations;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Telegram;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace AdilSoz.Intake.Bot.Hosting;

public static class BotHost
{
    public static bool HasToken(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.SectionName}:{nameof(TelegramOptions.BotToken)}"]);

    /// <summary>Everything the Bot process runs on (Program.cs and the integration tests share it).</summary>
    public static WebApplicationBuilder AddBot(this WebApplicationBuilder builder)
    {
        builder.AddIntakeLogging();
        builder.AddIntakeTexts();
        builder.AddIntakeDatabase();
        builder.AddIntakeHangfire();
        builder.AddTelegramIntake();
        builder.AddIntakeOperations();
        return builder;
    }

    /// <summary>Builds the Bot app with its endpoints (webhook, /healthz, /readyz, /metrics).</summary>
    public static WebApplication BuildBot(this WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.MapTelegramWebhook();
        app.MapIntakeProbes();
        return app;
    }

    public static IHostApplicationBuilder AddTelegramIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramOptions>()
            .BindConfiguration(TelegramOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHttpClient("telegram", c => c.Timeout = TimeSpan.FromSeconds(90));
        builder.Services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient("telegram");
            return new TelegramBotClient(new TelegramBotClientOptions(o.BotToken!, o.ApiBaseUrl.TrimEnd('/')), http);
        });
        builder.Services.AddScoped<UpdateStore>();
        builder.Services.AddScoped<AfterCommit>();
        builder.Services.AddScoped<ReporterDirectory>();
        builder.Services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MessageRateLimiter>();
        builder.Services.AddScoped<ReplySender>();
        builder.Services.AddScoped<ITelegramUpdateHandler, DialogueHandler>();
        builder.Services.AddSingleton<UpdateProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UpdateProcessor>());
        builder.Services.AddSingleton<PollingReadiness>();
        builder.Services.AddSingleton<IReadinessCheck>(sp => sp.GetRequiredService<PollingReadiness>());
        builder.Services.AddHostedService<PollingReceiver>();
        builder.Services.AddHostedService<WebhookRegistration>();
        return builder;
    }

    public static async Task<int> RunBotAsync(this WebApplication app)
    {
        try
        {
            await IntakeDatabase.MigrateAsync(app.Services);
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } message)
        {
            await Console.Error.WriteLineAsync(message);
            return 1;
        }
    }
}
