using System.Net;
using AdilSoz.Intake.Bot.Hosting;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Operations;
using AdilSoz.Intake.Core.Telegram;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AdilSoz.Intake.Tests.Operations;

public sealed class ReadinessTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task The_database_check_tells_a_missing_database_from_one_without_its_migrations()
    {
        var empty = "test_" + Guid.NewGuid().ToString("N")[..16];
        var server = PostgresDatabase.ServerConnectionString;
        await using (var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString))
        {
            await c.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{empty}\"", c);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            Assert.Equal("the database does not answer", await ProblemAsync(new NpgsqlConnectionStringBuilder(server) { Database = "test_missing_" + Guid.NewGuid().ToString("N")[..8] }.ConnectionString));
            Assert.Matches("^[0-9]+ migration\\(s\\) not applied$", await ProblemAsync(new NpgsqlConnectionStringBuilder(server) { Database = empty }.ConnectionString));
            Assert.Null(await ProblemAsync(database.ConnectionString));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
            await c.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{empty}\" WITH (FORCE)", c);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task The_admin_site_answers_readyz_and_metrics_without_a_login()
    {
        using var app = new AdminApp(database);
        using var client = app.CreateClient();
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("database: ok", (await ready.Content.ReadAsStringAsync()).Trim());
        var metrics = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TelegramMode.Webhook, null, null)]
    [InlineData(TelegramMode.Polling, null, "no successful getUpdates yet")]
    [InlineData(TelegramMode.Polling, 10, null)]
    [InlineData(TelegramMode.Polling, 89, null)]
    [InlineData(TelegramMode.Polling, 91, "no successful getUpdates for over 90 s")]
    public async Task The_bot_is_ready_while_polling_answers_or_in_webhook_mode(TelegramMode mode, int? secondsSincePoll, string? problem)
    {
        var clock = new ManualClock();
        var check = new PollingReadiness(Options.Create(new TelegramOptions { BotToken = "1:x", Mode = mode }), clock);
        if (secondsSincePoll is { } s)
        {
            check.Polled();
            clock.Advance(TimeSpan.FromSeconds(s));
        }

        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(problem is null ? HealthStatus.Healthy : HealthStatus.Unhealthy, result.Status);
        Assert.Equal(problem, result.Description);
    }

    [Fact]
    public async Task The_worker_is_ready_only_while_each_of_its_queues_has_a_job_server_that_beats()
    {
        var options = new PostgreSqlStorageOptions { SchemaName = HangfireSetup.SchemaName, PrepareSchemaIfNecessary = true };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
        var check = new HangfireServerReadiness(storage, TimeProvider.System);
        async Task<string?> Problem()
        {
            var result = await check.CheckHealthAsync(new HealthCheckContext());
            return result.Status == HealthStatus.Healthy ? null : result.Description;
        }

        Assert.Equal("the job server has not started", await Problem());

        // The Worker's three servers: intake, pipeline, and the outbox with the digests and maintenance.
        var ours = HangfireServerReadiness.ServerName;
        string[][] queues = [[JobQueues.Intake], [JobQueues.Pipeline], [.. HangfireSetup.Queues.Except([JobQueues.Intake, JobQueues.Pipeline])]];
        var ids = queues.Select(_ => $"{ours}:{Guid.NewGuid()}").ToArray();
        using var connection = storage.GetConnection();
        for (var i = 0; i < ids.Length; i++)
        {
            connection.AnnounceServer(ids[i], new ServerContext { Queues = queues[i], WorkerCount = 1 });
        }

        // Another Worker's pipeline server does not stand in for ours.
        var other = $"worker:elsewhere:1:{Guid.NewGuid()}";
        connection.AnnounceServer(other, new ServerContext { Queues = [JobQueues.Pipeline], WorkerCount = 1 });
        try
        {
            Assert.Null(await Problem());

            await using (var db = new NpgsqlConnection(database.ConnectionString))
            {
                await db.OpenAsync();
                await using var stale = new NpgsqlCommand(
                    $"UPDATE \"{HangfireSetup.SchemaName}\".server SET lastheartbeat = now() - interval '5 minutes' WHERE id = @id", db);
                stale.Parameters.AddWithValue("id", ids[1]);
                Assert.Equal(1, await stale.ExecuteNonQueryAsync());
            }

            Assert.Equal("no heartbeat from the job server of the queue(s) pipeline", await Problem());

            connection.Heartbeat(ids[1]);
            Assert.Null(await Problem());
        }
        finally
        {
            foreach (var id in ids.Append(other))
            {
                connection.RemoveServer(id);
            }
        }
    }

    private static async Task<string?> ProblemAsync(string connectionString)
    {
        using var host = PostgresDatabase.CreateHost(connectionString);
        await using var scope = host.Services.CreateAsyncScope();
        var result = await new DatabaseReadyCheck(scope.ServiceProvider.GetRequiredService<IntakeDbContext>()).CheckHealthAsync(new HealthCheckContext());
        return result.Status == HealthStatus.Healthy ? null : result.Description;
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
