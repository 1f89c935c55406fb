using AdilSoz.Intake.Bot.Conversation;
using AdilSoz.Intake.Bot.Receiving;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Operations;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Telegram;

namespace AdilSoz.Intake.Bot.Hosting;

public static class BotHost
{
    public static bool HasToken(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.SectionName}:{nameof(TelegramOptions.BotToken)}"]);

    /// <summary>
    /// Receiving Telegram updates (polling or webhook), storing them, and the dialogue. The Telegram client
    /// itself is one of <see cref="IntakeDefaults"/>; here its section is validated, since the Bot cannot
    /// work without it.
    /// </summary>
    public static IHostApplicationBuilder AddTelegramIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelegramOptions>()
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<UpdateStore>();
        builder.Services.AddScoped<AfterCommit>();
        builder.Services.AddScoped<ReporterDirectory>();
        builder.Services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.SectionName)
            .Configure(o => o.OnionAddress = builder.Configuration["Public:OnionAddress"] is { Length: > 0 } onion ? onion : null)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<MessageRateLimiter>();
        builder.Services.AddScoped<ReplySender>();
        builder.Services.AddScoped<ITelegramUpdateHandler, DialogueHandler>();
        builder.Services.AddHostedService<BotWarmUp>();
        builder.Services.AddSingleton<UpdateProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UpdateProcessor>());
        builder.Services.AddSingleton<PollingReadiness>();
        builder.Services.AddHealthChecks()
            .AddCheck<PollingReadiness>("telegram", tags: [IntakeOperations.Ready], timeout: IntakeOperations.CheckTimeout);
        builder.Services.AddHostedService<PollingReceiver>();
        builder.Services.AddHostedService<WebhookRegistration>();
        return builder;
    }
}
