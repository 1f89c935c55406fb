using AdilSoz.Intake.Core.Jobs;

namespace AdilSoz.Intake.Worker.Telegram;

/// <summary>Registers the Telegram jobs of the Worker (file downloads).</summary>
public static class TelegramJobs
{
    /// <summary>
    /// File downloads, through the download client of <see cref="Core.Hosting.IntakeDefaults"/> (the <c>Telegram</c>
    /// section, not validated at start: a Worker without a bot token runs on, and file jobs fail and retry until one is set).
    /// </summary>
    public static IHostApplicationBuilder AddTelegramJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ITelegramFileJob, TelegramFileJob>();
        return builder;
    }
}
