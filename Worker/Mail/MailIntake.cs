using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Worker.Outbound;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>Registers mail intake (watcher, ingest job) and the outbox (outbound job, SMTP; Telegram through the one client of the defaults).</summary>
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

        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{MailboxOptions.SectionName}:{nameof(MailboxOptions.Host)}"]))
        {
            builder.Services.AddHostedService<MailboxWatcher>();
        }

        return builder;
    }
}
