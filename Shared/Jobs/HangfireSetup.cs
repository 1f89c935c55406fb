using AdilSoz.Intake.Data;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AdilSoz.Intake.Jobs;

/// <summary>Hangfire on the shared PostgreSQL database (schema <c>hangfire</c>).</summary>
public static class HangfireSetup
{
    public const string SchemaName = "hangfire";

    /// <summary>Queues, in the order a server serves them.</summary>
    public static readonly string[] Queues = [JobQueues.Intake, JobQueues.Notifications, JobQueues.Default, JobQueues.Maintenance];

    /// <param name="builder">The host.</param>
    /// <param name="configure">More configuration, e.g. the Worker's global job filters.</param>
    public static IHostApplicationBuilder AddIntakeHangfire(this IHostApplicationBuilder builder, Action<IServiceProvider, IGlobalConfiguration>? configure = null)
    {
        var connectionString = IntakeDatabase.GetConnectionString(builder.Configuration);
        builder.Services.AddHangfire((sp, c) =>
        {
            c.UseLogProvider(new HostLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
            configure?.Invoke(sp, c);
            c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                o => o.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
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
                });
        });
        return builder;
    }
}

/// <summary>Hangfire queue names (lower case, as Hangfire requires).</summary>
public static class JobQueues
{
    public const string Intake = "intake";
    public const string Notifications = "notifications";
    public const string Default = "default";
    public const string Maintenance = "maintenance";
}
