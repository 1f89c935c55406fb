using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AdilSoz.Intake.Benchmarks.Dedup;

/// <summary>
/// The benchmark's own database (adilsoz_bench, or ADILSOZ_BENCH_DB so that two runs on one server do not
/// drop each other's) with the real schema (applied by IntakeDatabase.MigrateAsync).
/// </summary>
internal static class BenchDatabase
{
    public static readonly string Name =
        Environment.GetEnvironmentVariable("ADILSOZ_BENCH_DB") is { Length: > 0 } name && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            ? name
            : "adilsoz_bench";

    /// <summary>
    /// The server: <c>ADILSOZ_BENCH_PG</c>, else the test role of <c>scripts/test.sh</c> (<c>ADILSOZ_TEST_PG</c>); a role
    /// that may create databases. There is no built-in password.
    /// </summary>
    public static string Server() =>
        Environment.GetEnvironmentVariable("ADILSOZ_BENCH_PG") is { Length: > 0 } bench ? bench
        : Environment.GetEnvironmentVariable("ADILSOZ_TEST_PG") is { Length: > 0 } test ? test
        : throw new InvalidOperationException("Set ADILSOZ_BENCH_PG to a PostgreSQL connection string of a role that may create databases.");

    /// <summary>
    /// Settings of a benchmark host: its database, and no key-encryption certificate (the reports are synthetic;
    /// no reporter's identity is ever stored here).
    /// </summary>
    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["ConnectionStrings:Intake"] = connectionString,
        ["DataProtection:AllowUnprotected"] = "true",
    };

    public static string ConnectionString(string server) =>
        new NpgsqlConnectionStringBuilder(server) { Database = Name, CommandTimeout = 0 }.ConnectionString;

    /// <summary>Submissions in the benchmark's database, or null when there is no such database (or no such table).</summary>
    public static async Task<long?> SubmissionsAsync(string server)
    {
        await using (var postgres = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString))
        {
            await postgres.OpenAsync();
            if (await ScalarAsync(postgres, $"SELECT 1 FROM pg_database WHERE datname = '{Name}'") is null)
            {
                return null;
            }
        }

        await using var connection = new NpgsqlConnection(ConnectionString(server));
        await connection.OpenAsync();
        return await ScalarAsync(connection, "SELECT to_regclass('\"Submissions\"') IS NOT NULL") is true
            ? (long)(await ScalarAsync(connection, "SELECT count(*) FROM \"Submissions\""))!
            : null;
    }

    public static async Task<string> CreateAsync(string server)
    {
        await DropAsync(server);
        var connectionString = ConnectionString(server);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
        builder.Configuration.AddInMemoryCollection(Settings(connectionString));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddIntakeLogging();
        builder.AddIntakeDatabase();
        using var host = builder.Build();
        await IntakeDatabase.MigrateAsync(host.Services);
        return connectionString;
    }

    public static async Task DropAsync(string server)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteScalarAsync();
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
