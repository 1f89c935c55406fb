using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Telegram;
using AdilSoz.Intake.Worker.Outbound;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telegram.Bot;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>Registers mail intake (watcher, ingest job) and the outbox (outbound job, SMTP, Telegram).</summary>
public static class MailIntake
{
    public static IHostApplicationBuilder AddMailIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailboxOptions>().BindConfiguration(MailboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<MailParserOptions>().BindConfiguration(MailParserOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.TryAddScoped<ReporterDirectory>();
        builder.Services.AddScoped<MailStore>();
        builder.Services.AddScoped<MailThreads>();
        builder.Services.AddScoped<MailAcknowledgements>();
        builder.Services.AddScoped<MailIngestJob>();
        builder.Services.AddScoped<IMailIngestJob>(sp => sp.GetRequiredService<MailIngestJob>());
        builder.Services.AddScoped<MailSender>();
        builder.Services.AddScoped<IOutboundJob, OutboundJob>();
        builder.Services.AddSingleton<MailboxSession>();

        var token = builder.Configuration[$"{TelegramOptions.SectionName}:{nameof(TelegramOptions.BotToken)}"];
        if (!string.IsNullOrWhiteSpace(token))
        {
            var baseUrl = builder.Configuration[$"{TelegramOptions.SectionName}:{nameof(TelegramOptions.ApiBaseUrl)}"] is { Length: > 0 } url ? url : "https://api.telegram.org";
            builder.Services.TryAddSingleton<ITelegramBotClient>(_ => new TelegramBotClient(new TelegramBotClientOptions(token, baseUrl.TrimEnd('/'))));
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{MailboxOptions.SectionName}:{nameof(MailboxOptions.Host)}"]))
        {
            builder.Services.AddHostedService<MailboxWatcher>();
        }

        return builder;
    }
}
