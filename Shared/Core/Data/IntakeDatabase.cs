using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Locking;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Language.Reference;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AdilSoz.Intake.Core.Data;

/// <summary>The database of every process: DbContext, shared Data Protection keys, start-up migration.</summary>
public static class IntakeDatabase
{
    /// <summary>The connection string as configured; empty when unset (the options validation then stops the process).</summary>
    public static string GetConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? "";

    public static IHostApplicationBuilder AddIntakeDatabase(this IHostApplicationBuilder builder)
    {
        var connectionString = GetConnectionString(builder.Configuration);
        builder.Services.AddOptions<DatabaseOptions>()
            .Configure(o => o.ConnectionString = connectionString)
            .Validate(o => o.ConnectionString.Length > 0, "ConnectionStrings:Intake (ConnectionStrings__Intake) is not set")
            .Validate(o => o.ConnectionString.Length == 0 || IsValidConnectionString(o.ConnectionString), "ConnectionStrings:Intake is not a valid PostgreSQL connection string")
            .ValidateOnStart();

        builder.AddKeyRingOptions();
        // Pooled: every Bot update, mail chunk and job takes a context of its own, and a new one costs more than the
        // reset of a used one (its change tracker, transaction and savepoint settings are put back by EF on return).
        builder.Services.AddDbContextPool<IntakeDbContext>(o => o.UseNpgsql(WithPreparedStatements(connectionString)));
        builder.Services.AddDataProtection()
            .SetApplicationName("AdilSoz.Intake")
            .PersistKeysToDbContext<IntakeDbContext>()
            .ProtectKeysIfConfigured(builder.Configuration);
        builder.Services.AddSingleton<IdentityProtector>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on, unless it says otherwise: the processes
    /// send the same few statements for every mail and update, and a prepared one is not parsed and planned
    /// again by PostgreSQL (prepared statements stay with the pooled connection).
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) || connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
            {
                return connectionString;
            }

            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            // Note: the options validation reports a connection string that does not parse.
            return connectionString;
        }
    }

    private static bool IsValidConnectionString(string value)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(value).Host is { Length: > 0 };
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Brings the database to the current schema (EF migrations, Hangfire's schema, the first Data
    /// Protection key and installation secrets) under a PostgreSQL advisory lock, so processes
    /// starting together take turns. Creates the database itself when it does not exist. A role that may
    /// not create in the database (the application role) changes no schema: it goes on when the schema is
    /// up to date and stops with one line when it is behind.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        // A server that is slow to answer (a busy machine, a failover, a full connection table) is
        // waited for; a wrong setting (refused connection, bad password) still stops at once.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MigrateOnceAsync(services, cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < 6 && IsPassing(e))
            {
                var delay = TimeSpan.FromSeconds(Math.Pow(2, attempt));
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IntakeDatabase))
                    .LogWarning("The database did not answer at start ({Error}); trying again in {Delay} s", e.GetType().Name, delay.TotalSeconds);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private static bool IsPassing(Exception e) => e switch
    {
        PostgresException p => p.SqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.AdminShutdown,
        NpgsqlException n => n.InnerException is TimeoutException or IOException,
        _ => false,
    };

    private static async Task MigrateOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IntakeDatabase));
        // Settings first: no key may be written before the certificate requirement is checked.
        var keyRing = services.GetRequiredService<IOptions<KeyRingOptions>>().Value;
        var connectionString = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        await EnsureDatabaseExistsAsync(connectionString, logger, cancellationToken);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Note: waiting for the lock is waiting for another process's migration, which on a busy machine takes
        // longer than the default 30 s command timeout; a process that waits its turn must not give up.
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLocks.Migration})", connection) { CommandTimeout = 600 })
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            await LegacyMigrations.ThrowIfLegacyAsync(connection, cancellationToken);
            if (await MayChangeSchemaAsync(connection, cancellationToken))
            {
                await db.Database.MigrateAsync(cancellationToken);
                PostgreSqlObjectsInstaller.Install(connection, HangfireSetup.SchemaName);
            }
            else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                // An application role (no CREATE on the database) uses the schema; the owner migrates it.
                throw new StartupException(
                    $"The database schema is behind and the role {connection.UserName} may not change it: run `Admin migrate` with the owner's connection string first.");
            }

            // The first key of the shared key ring is made here, under the lock, so that processes
            // starting together do not each make their own.
            var keyManager = scope.ServiceProvider.GetRequiredService<IKeyManager>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (!keyManager.GetAllKeys().Any(k => !k.IsRevoked && k.ExpirationDate > now.AddDays(2)))
            {
                keyManager.CreateNewKey(now, now.AddDays(90));
            }

            services.GetService<SessionKeyRing>()?.EnsureKey();
            var protector = scope.ServiceProvider.GetRequiredService<IdentityProtector>();
            await protector.EnsureSecretsAsync(db, cancellationToken);
            try
            {
                // A process whose certificate does not open the ring would fail on every report: refuse now.
                protector.KeyHash(Intake.Channel.Email, "key-ring-check");
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                throw new StartupException(
                    "The key ring in this database cannot be decrypted with the configured certificate (DataProtection:CertificatePath): " +
                    "it was made with another one. Give the processes the certificate this database was made with.");
            }
            if (string.IsNullOrWhiteSpace(keyRing.CertificatePath))
            {
                logger.LogWarning("{Warning}", KeyRingProtection.UnencryptedWarning);
            }

            await SeedReferenceListsAsync(db, cancellationToken);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLocks.Migration})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Gives the application role what the processes need and nothing more: DML on every table and
    /// sequence of the schemas <c>public</c> and <c>hangfire</c>, now and (default privileges of the role
    /// that migrates) for the tables later migrations add. Idempotent; run by <c>Admin migrate --app-role</c>.
    /// </summary>
    public static Task GrantToAppRoleAsync(IServiceProvider services, string role, CancellationToken cancellationToken = default) =>
        GrantAsync(services, "--app-role", role, database => $"""
            GRANT CONNECT ON DATABASE "{database}" TO {role};
            GRANT USAGE ON SCHEMA public, {HangfireSetup.SchemaName} TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, {HangfireSetup.SchemaName} TO {role};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public, {HangfireSetup.SchemaName} TO {role};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public, {HangfireSetup.SchemaName} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public, {HangfireSetup.SchemaName} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {role};
            """, cancellationToken);

    /// <summary>
    /// Gives the role of the public process (<c>Admin public</c>: the web form and the status page) only what it
    /// needs: to start (the schema's history, the key ring, the installation secrets, the reference lists), to
    /// insert a report with its files, reporter, raw item and receipt (reading back only the ids and the
    /// reference the inserts return), to count the web reports of the last minute, to check and count receipts,
    /// to read a report's status through <c>web_report_status</c> (which runs with the owner's rights), to read the
    /// published incidents' public fields through the views of <see cref="PublicRegistrySql"/> and their counts per
    /// region and category through <see cref="PublicRegistryCountsSql.Counts"/> and per month through
    /// <see cref="PublicRegistryMonthsSql.Months"/>, and to
    /// enqueue the pipeline in Hangfire. No SELECT on submissions, reporters, files, raw items or messages; no
    /// UPDATE or DELETE but the receipts' attempt counters. Idempotent; run by <c>Admin migrate --public-role</c>.
    /// </summary>
    public static Task GrantToPublicRoleAsync(IServiceProvider services, string role, CancellationToken cancellationToken = default) =>
        GrantAsync(services, "--public-role", role, database => $"""
            GRANT CONNECT ON DATABASE "{database}" TO {role};
            GRANT USAGE ON SCHEMA public, {HangfireSetup.SchemaName} TO {role};
            GRANT SELECT ON "__EFMigrationsHistory", "DataProtectionKeys", "AppSecrets", "Regions", "Categories" TO {role};
            GRANT INSERT ON "InboundItems", "Submissions", "Attachments", "Blobs", "Reporters", "WebReceipts" TO {role};
            GRANT SELECT ("Id", "Channel", "ReceivedAt") ON "InboundItems" TO {role};
            GRANT SELECT ("Id", "Reference") ON "Submissions" TO {role};
            GRANT SELECT ("Id") ON "Attachments", "Reporters" TO {role};
            GRANT SELECT, UPDATE ("FailedAttempts", "LockedUntil") ON "WebReceipts" TO {role};
            GRANT USAGE ON SEQUENCE {IntakeDbContext.ReferenceSequence} TO {role};
            GRANT USAGE ON SEQUENCE "InboundItems_Id_seq" TO {role};
            GRANT EXECUTE ON FUNCTION web_report_status(bigint) TO {role};
            GRANT SELECT ON {PublicRegistrySql.PublicIncidents}, {PublicRegistrySql.State}, {PublicRegistryCountsSql.Counts},
                {PublicRegistryMonthsSql.Months} TO {role};
            GRANT SELECT, INSERT, UPDATE ON {HangfireSetup.SchemaName}.job, {HangfireSetup.SchemaName}.state,
                {HangfireSetup.SchemaName}.jobparameter, {HangfireSetup.SchemaName}.jobqueue TO {role};
            GRANT USAGE ON ALL SEQUENCES IN SCHEMA {HangfireSetup.SchemaName} TO {role};
            """, cancellationToken);

    private static async Task GrantAsync(IServiceProvider services, string option, string role, Func<string, string> sql, CancellationToken cancellationToken)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(role, "^[a-z_][a-z0-9_]{0,62}$"))
        {
            throw new StartupException($"{option}: {role} is not a plain PostgreSQL role name (lower-case letters, digits, _).");
        }

        var connectionString = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var database = connection.Database.Replace("\"", "\"\"", StringComparison.Ordinal);
        await using var grant = new NpgsqlCommand(sql(database), connection);
        try
        {
            await grant.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedObject)
        {
            throw new StartupException($"{option}: {e.MessageText}; create the role first (scripts/lib/common.sh does for run.sh).");
        }
    }

    /// <summary>The owner (or a superuser) may create in the database; an application role may not.</summary>
    private static async Task<bool> MayChangeSchemaAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT has_database_privilege(current_database(), 'CREATE')", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Seeds the reference lists once, into empty tables; later edits by Editors are kept.</summary>
    private static async Task SeedReferenceListsAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Categories.AnyAsync(cancellationToken))
        {
            db.Categories.AddRange(ReferenceData.Categories.Select(c => new Category
            {
                Code = c.Code, GroupCode = c.GroupCode, NameKk = c.NameKk, NameRu = c.NameRu, NameEn = c.NameEn,
                Urgent = c.Urgent, SortOrder = c.SortOrder,
            }));
        }

        if (!await db.Regions.AnyAsync(cancellationToken))
        {
            db.Regions.AddRange(ReferenceData.Regions.Select(r => new Region
            {
                Code = r.Code, NameKk = r.NameKk, NameRu = r.NameRu, NameEn = r.NameEn, Center = r.Center,
                Aliases = [.. r.Aliases], SortOrder = r.SortOrder,
            }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task EnsureDatabaseExistsAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = new NpgsqlConnection(connectionString);
            await probe.OpenAsync(cancellationToken);
            return;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Note: the database does not exist yet; create it from the maintenance database.
        }

        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        try
        {
            var name = target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Created database {Database}", target.Database);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it at the same moment.
        }
    }
}
