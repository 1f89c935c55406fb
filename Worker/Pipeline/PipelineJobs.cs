using AdilSoz.Intake.Dedup;
using AdilSoz.Intake.Jobs;
using AdilSoz.Intake.Telegram;
using AdilSoz.Intake.Worker.Registry;
using AdilSoz.Intake.Worker.Retention;
using AdilSoz.Intake.Worker.Digest;
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
        builder.Services.AddScoped<ISubmissionPipelineJob, SubmissionPipelineJob>();
        builder.Services.AddScoped<IntakeSweeper>();
        // The recurring jobs below need their services wherever the registration runs.
        builder.AddRegistryJobs();
        builder.AddRetention();
        builder.Services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName);
        builder.Services.AddScoped<DailyDigestJob>();
        builder.Services.AddHostedService<RecurringJobsRegistration>();
        return builder;
    }
}

/// <summary>All recurring jobs, registered in one place when the Worker starts.</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IOptions<DigestOptions> digest) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<IntakeSweeper>(
            "intake-sweeper", JobQueues.Maintenance, j => j.RunAsync(CancellationToken.None), "* * * * *");
        recurring.AddOrUpdate<HearingReminderJob>(
            HearingReminderJob.RecurringJobId, JobQueues.Maintenance, j => j.RunAsync(CancellationToken.None), HearingReminderJob.Cron);
        recurring.AddOrUpdate<RetentionJob>("retention", JobQueues.Maintenance, j => j.RunAsync(CancellationToken.None), "17 3 * * *");
        recurring.AddOrUpdate<DailyDigestJob>(
            "daily-digest", JobQueues.Notifications, j => j.RunAsync(CancellationToken.None), digest.Value.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(digest.Value.TimeZone) });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
