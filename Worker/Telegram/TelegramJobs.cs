using AdilSoz.Intake.Core.Jobs;

namespace AdilSoz.Intake.Worker.Telegram;

/// <summary>Registers the Telegram jobs of the Worker (file downloads).</summary>
public static class TelegramJobs
{
    /// <summary>
    /// File downloads, with the <c>Telegram</c> section of <see cref="Core.Hosting.IntakeDefaults"/> (not validated
    /// at start: a Worker without a bot token runs on, and file jobs fail and retry until one is set).
    /// </summary>
    public static IHostApplicationBuilder AddTelegramJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(TelegramFileJob.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(5));
        builder.Services.AddScoped<ITelegramFileJob, TelegramFileJob>();
        return builder;
    }
}
