using AdilSoz.Intake.Core.Dedup;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Telegram;
using AdilSoz.Intake.Worker.Digest;
using AdilSoz.Intake.Worker.Registry;
using AdilSoz.Intake.Worker.Retention;
using Hangfire;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Worker.Pipeline;

/// <summary>Registers the pipeline's jobs and its recurring sweeper.</summary>
public static class PipelineJobs
{
    public static IHostApplicationBuilder AddPipelineJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PipelineOptions>()
            .BindConfiguration(PipelineOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName);
        builder.Services.AddSingleton(new NearDuplicateIndex());
        builder.Services.AddSingleton<DedupTurns>();
        builder.Services.AddScoped<ISubmissionPipelineJob, SubmissionPipelineJob>();
        builder.Services.AddScoped<IntakeSweeper>();
        // The recurring jobs below need their services wherever the registration runs.
        builder.AddRegistryJobs();
        builder.AddRetention();
        builder.Services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.TimeZone) || TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Digest:TimeZone is not a known time zone (e.g. Asia/Almaty).")
            .ValidateOnStart();
        builder.Services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<DailyDigestJob>();
        builder.Services.AddHostedService<RecurringJobsRegistration>();
        return builder;
    }
}

/// <summary>
/// All recurring jobs, registered in one place when the Worker starts. Registration takes Hangfire's
/// per-job lock; a Worker killed while it held one leaves the lock until it expires, so a failed
/// registration is retried in the background instead of stopping the Worker that restarts after it.
/// </summary>
internal sealed class RecurringJobsRegistration(
    IRecurringJobManager recurring,
    IOptions<DigestOptions> digest,
    ILogger<RecurringJobsRegistration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                Register();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Registering the recurring jobs failed ({Error}); attempt {Attempt}, trying again in 5 s", e.GetType().Name, attempt);
                // A stop during the wait ends the loop quietly (the loop's condition), not with an exception the host logs.
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Register()
    {
        recurring.AddOrUpdate<IntakeSweeper>(
            "intake-sweeper", JobQueues.Maintenance, j => j.RunAsync(CancellationToken.None), "* * * * *");
        recurring.AddOrUpdate<HearingReminderJob>(
            HearingReminderJob.RecurringJobId, JobQueues.Maintenance, j => j.RunAsync(CancellationToken.None), HearingReminderJob.Cron);
        recurring.AddOrUpdate<RetentionJob>("retention", JobQueues.Maintenance, j => j.RunAsync(CancellationToken.None), "17 3 * * *");
        recurring.AddOrUpdate<DailyDigestJob>(
            "daily-digest", JobQueues.Notifications, j => j.RunAsync(CancellationToken.None), digest.Value.Cron,
            new RecurringJobOptions { TimeZone = digest.Value.ScheduleZone() });
    }
}
