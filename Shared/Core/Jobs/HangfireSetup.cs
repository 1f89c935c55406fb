using AdilSoz.Intake.Core.Data;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AdilSoz.Intake.Core.Jobs;

/// <summary>
/// Hangfire on the shared PostgreSQL database (schema <c>hangfire</c>).
/// </summary>
/// <remarks>
/// Hangfire keeps its storage, job activator, filters and log provider in static state
/// (<c>JobStorage.Current</c>, <c>JobActivator.Current</c>, <c>GlobalJobFilters</c>, <c>LogProvider</c>),
/// set by whichever host configured it last. Each host here has its own storage, activator and filters as
/// services, and its clients and its server use those; the statics are either not used (storage, activator,
/// filters: <c>GlobalJobFilters</c> keeps only Hangfire's defaults) or identical for every host (serializer
/// settings), and the log provider routes each server's threads to its own host's loggers
/// (<see cref="HostLogProvider"/>). So several hosts in one process (tests, benchmarks) never run a job
/// through another host's services, even one already disposed.
/// </remarks>
public static class HangfireSetup
{
    public const string SchemaName = "hangfire";

    /// <summary>Queues, in the order a server serves them.</summary>
    public static readonly string[] Queues = [JobQueues.Intake, JobQueues.Pipeline, JobQueues.Notifications, JobQueues.Default, JobQueues.Maintenance];

    /// <summary>
    /// Hangfire's client on the shared storage (every process enqueues). A host's own job filters (the Worker's
    /// failure filter) are registered as <see cref="JobFilter"/> services, see <see cref="AddJobFilter{T}"/>.
    /// </summary>
    public static IHostApplicationBuilder AddIntakeHangfire(this IHostApplicationBuilder builder)
    {
        var connectionString = IntakeDatabase.GetConnectionString(builder.Configuration);

        // Registered before AddHangfire, whose own registrations (the statics) then stay unused.
        builder.Services.AddSingleton<JobStorage>(_ =>
        {
            var options = StorageOptions();
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        });
        builder.Services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddSingleton<IJobFilterProvider>(sp =>
        {
            var own = new JobFilterCollection();
            foreach (var filter in sp.GetServices<JobFilter>())
            {
                own.Add(filter.Instance);
            }

            // Hangfire's default filters and the attributes on the job contracts, then this host's.
            return new JobFilterProviderCollection(JobFilterProviders.Providers, own);
        });

        builder.Services.AddHangfire((sp, c) => c
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        builder.Services.AddSingleton<PipelineWakeUp>();
        return builder;
    }

    /// <summary>A job filter of this host only (a singleton service <typeparamref name="T"/>), applied to every job it runs or enqueues.</summary>
    public static IServiceCollection AddJobFilter<T>(this IServiceCollection services)
        where T : class
    {
        services.AddSingleton<T>();
        services.AddSingleton(sp => new JobFilter(sp.GetRequiredService<T>(), JobFilterScope.Global, null));
        return services;
    }

    /// <summary>
    /// Gives a Hangfire server its own host's activator, filters and loggers. Call it from the options of
    /// <c>AddHangfireServer</c>: the server's threads start on this flow and log to this host.
    /// </summary>
    public static void UseHostServices(this BackgroundJobServerOptions options, IServiceProvider services)
    {
        options.Activator = services.GetRequiredService<JobActivator>();
        options.FilterProvider = services.GetRequiredService<IJobFilterProvider>();
        HostLogProvider.RouteThisFlowTo(services.GetRequiredService<ILoggerFactory>());
    }

    private static PostgreSqlStorageOptions StorageOptions() => new()
    {
        SchemaName = SchemaName,
        // The schema is installed by IntakeDatabase.MigrateAsync under the migration lock.
        PrepareSchemaIfNecessary = false,
        // A missing database is an error at start, not a silent degraded mode.
        AllowDegradedModeWithoutStorage = false,
        // LISTEN/NOTIFY wakes workers in milliseconds; the short poll is the fallback
        // when the listening connection does not come back after a database restart.
        EnableLongPolling = true,
        QueuePollInterval = TimeSpan.FromSeconds(1),
        // A job of a killed worker (or one whose connection a database restart cut) becomes
        // visible again within 30 s, not 30 minutes; a running job renews its fetch every
        // sixth of that, and a job run twice changes nothing.
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromSeconds(30),
        // A lock left by a killed Worker or a cut connection (a job's state lock, a recurring
        // job's lock) expires after this; correctness never rests on these locks (the jobs take
        // their own row and advisory locks), so a short expiry only shortens the stall.
        DistributedLockTimeout = TimeSpan.FromSeconds(20),
    };
}

/// <summary>Hangfire queue names (lower case, as Hangfire requires).</summary>
public static class JobQueues
{
    public const string Intake = "intake";

    /// <summary>The pipeline's drains: one runs at a time in a Worker, the next waits in the queue, not on the dedup lock.</summary>
    public const string Pipeline = "pipeline";
    public const string Notifications = "notifications";
    public const string Default = "default";
    public const string Maintenance = "maintenance";
}
