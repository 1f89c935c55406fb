using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Operations;
using AdilSoz.Intake.Worker.Pipeline;
using Hangfire;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Worker.Hosting;

/// <summary>The Worker's Hangfire server: every queue, on the shared storage, with the failure filter and its readiness check.</summary>
public static class JobServer
{
    public static IHostApplicationBuilder AddJobServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkerOptions>()
            .BindConfiguration(WorkerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddJobFilter<JobFailureFilter>();
        builder.Services.AddHealthChecks()
            .AddCheck<HangfireServerReadiness>("job-server", tags: [IntakeOperations.Ready], timeout: IntakeOperations.CheckTimeout);
        builder.Services.AddHangfireServer((sp, o) =>
        {
            var options = sp.GetRequiredService<IOptions<WorkerOptions>>().Value;
            o.UseHostServices(sp);
            o.Queues = HangfireSetup.Queues;
            o.WorkerCount = options.JobWorkers;
            o.ShutdownTimeout = TimeSpan.FromSeconds(20);
            o.StopTimeout = TimeSpan.FromSeconds(10);
            // A retry (a job cut off by a database restart) is due in seconds; the default 15 s poll of
            // scheduled jobs would add up to 15 s to each retry.
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            o.ServerName = HangfireServerReadiness.ServerName;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }
}
