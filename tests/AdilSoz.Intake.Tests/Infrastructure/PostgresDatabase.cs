using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database with the real migrations, made for one test class and dropped after it.
/// The server comes from <c>ADILSOZ_TEST_PG</c> (a connection string without a database), by default
/// the local cluster that <c>scripts/test.sh</c> starts.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private IHost? _host;

    public string Name { get; } = "test_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString { get; private set; } = "";

    /// <summary>Services of a host with <see cref="IntakeDefaults.AddIntakeDefaults"/>.</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("Not initialised.");

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("ADILSOZ_TEST_PG") is { Length: > 0 } s ? s
            : throw new InvalidOperationException("ADILSOZ_TEST_PG is not set: run ./scripts/test.sh, or set it to a PostgreSQL connection string (without a database) whose role may create databases.");

    public async Task InitializeAsync()
    {
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = Name }.ConnectionString;
        _host = CreateHost(ConnectionString);
        await IntakeDatabase.MigrateAsync(_host.Services);
    }

    /// <summary>
    /// A host with what every process runs on (<see cref="IntakeDefaults.AddIntakeDefaults"/>), its configuration
    /// pointing at this database, plus whatever <paramref name="configure"/> adds (as a Program.cs does).
    /// </summary>
    public static IHost CreateHost(string connectionString, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Intake"] = connectionString,
            // Test hosts run side by side: a few job threads each keep PostgreSQL's connections in check.
            ["Worker:JobWorkers"] = "4",
        });
        // The test's settings first: the defaults read some of them (the Telegram token) as they register.
        configure?.Invoke(builder);
        builder.AddIntakeDefaults();
        return builder.Build();
    }

    public IntakeDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<IntakeDbContext>().UseNpgsql(ConnectionString).Options);

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
