using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Operations;
using AdilSoz.Intake.Worker.Pipeline;
using Hangfire;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Worker.Hosting;

/// <summary>The Worker process: Hangfire server on the shared storage, started after the schema is in place.</summary>
public static class WorkerHost
{
    public static IHostApplicationBuilder AddIntakeWorker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkerOptions>()
            .BindConfiguration(WorkerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<JobFailureFilter>();
        builder.Services.AddSingleton<IReadinessCheck, HangfireServerReadiness>();
        builder.AddIntakeHangfire(sp => [sp.GetRequiredService<JobFailureFilter>()]);
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

    /// <summary>
    /// Migrates under the advisory lock, validates options, then runs until stopped. A bad setting
    /// or an unreachable database ends the process with one readable line and exit code 1.
    /// </summary>
    public static async Task<int> RunIntakeAsync(this IHost host)
    {
        try
        {
            await IntakeDatabase.MigrateAsync(host.Services);
            await host.RunAsync();
            return 0;
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } message)
        {
            await Console.Error.WriteLineAsync(message);
            return 1;
        }
    }
}
