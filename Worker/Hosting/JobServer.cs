using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Operations;
using AdilSoz.Intake.Worker.Pipeline;
using Hangfire;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Worker.Hosting;

/// <summary>The Worker's Hangfire servers: every queue, on the shared storage, with the failure filter and their readiness check.</summary>
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
        // Three servers on one storage: the intake queue (reading mail into reports) with about a thread a core; the
        // pipeline's drains with two (one prepares a batch while the other holds the dedup lock, see DedupTurns);
        // and the queues that wait on other servers (the outbox, digests, maintenance) with many. With one server
        // of twenty threads for all, a backlog's chunks were all read at once, each slower, and the pipeline got its
        // first reports when the last chunk was done.
        builder.Services.AddHangfireServer((sp, o) =>
        {
            Configure(sp, o);
            o.Queues = [JobQueues.Intake];
            o.WorkerCount = sp.GetRequiredService<IOptions<WorkerOptions>>().Value.IntakeWorkers;
            // Its workers only: the schedulers and the storage's cleaning run once, in the last server.
            o.IsLightweightServer = true;
        });
        builder.Services.AddHangfireServer((sp, o) =>
        {
            Configure(sp, o);
            o.Queues = [JobQueues.Pipeline];
            o.WorkerCount = sp.GetRequiredService<IOptions<WorkerOptions>>().Value.PipelineWorkers;
            o.IsLightweightServer = true;
        });
        builder.Services.AddHangfireServer((sp, o) =>
        {
            Configure(sp, o);
            o.Queues = [.. HangfireSetup.Queues.Except([JobQueues.Intake, JobQueues.Pipeline])];
            o.WorkerCount = sp.GetRequiredService<IOptions<WorkerOptions>>().Value.JobWorkers;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    private static void Configure(IServiceProvider services, BackgroundJobServerOptions o)
    {
        o.UseHostServices(services);
        o.ShutdownTimeout = TimeSpan.FromSeconds(20);
        o.StopTimeout = TimeSpan.FromSeconds(10);
        // A retry (a job cut off by a database restart) is due in seconds; the default 15 s poll of
        // scheduled jobs would add up to 15 s to each retry.
        o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        o.ServerName = HangfireServerReadiness.ServerName;
    }
}
