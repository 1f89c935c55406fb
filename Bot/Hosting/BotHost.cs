using AdilSoz.Intake.Bot.Conversation;
using AdilSoz.Intake.Bot.Receiving;
using AdilSoz.Intake.Reporters;
using AdilSoz.Intake.Data;
using AdilSoz.Intake.Telegram;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace AdilSoz.Intake.Bot.Hosting;

public static class BotHost
{
    public static bool HasToken(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.SectionName}:{nameof(TelegramOptions.BotToken)}"]);

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
        builder.Services.AddScoped<ITelegramUpdateHandler, QuickReportHandler>();
        builder.Services.AddSingleton<UpdateProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UpdateProcessor>());
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
