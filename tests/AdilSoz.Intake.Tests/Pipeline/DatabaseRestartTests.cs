using System.Collections.Concurrent;
using System.Diagnostics;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Pipeline;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Pipeline;

/// <summary>
/// The Worker picks up new jobs after the database dropped every connection, as a PostgreSQL restart
/// does. Hangfire.PostgreSql's LISTEN connection has been reported not to come back after a restart;
/// the 1 s poll (<see cref="HangfireSetup"/>) is the fallback this test holds to.
/// <para>
/// The restart is simulated without disturbing anything else on the shared server: every backend of
/// this class's own database is ended with <c>pg_terminate_backend</c> — to the Worker that is what a
/// restart looks like (each pooled connection, the listener's included, fails on its next use) — whereas
/// <c>pg_ctlcluster restart</c> would break every other test class (and every other user of the
/// cluster) running at the same time.
/// </para>
/// </summary>
public sealed class DatabaseRestartTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_job_enqueued_after_the_database_dropped_every_connection_is_picked_up_within_seconds()
    {
        using var worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.AddJobServer();
            b.AddPipelineJobs();
        });
        await worker.StartAsync();
        try
        {
            // The client stands for another process: its own connections, none pooled, so only the Worker meets dead ones.
            var options = new PostgreSqlStorageOptions { SchemaName = HangfireSetup.SchemaName, PrepareSchemaIfNecessary = false };
            var clientStorage = new PostgreSqlStorage(new NpgsqlConnectionFactory(
                new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString, options), options);
            var client = new BackgroundJobClient(clientStorage);

            var before = await PickupAsync(client, "before");
            var ended = await Reliability.Faults.TerminateConnectionsAsync(database);
            Assert.True(ended > 0, "the Worker had connections to end");

            var after = await PickupAsync(client, "after");
            var again = await PickupAsync(client, "again");
            output.WriteLine($"pickup before {before.TotalMilliseconds:F0} ms; {ended} backends ended; after {after.TotalMilliseconds:F0} ms; then {again.TotalMilliseconds:F0} ms");
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    private static async Task<TimeSpan> PickupAsync(BackgroundJobClient client, string tag)
    {
        var token = $"{tag}-{Guid.NewGuid():N}";
        var started = RestartProbeJob.Expect(token);
        var sw = Stopwatch.StartNew();
        client.Enqueue<RestartProbeJob>(JobQueues.Default, j => j.Run(token));
        // A hang guard: the pickup times are printed, not bounded.
        var done = await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(done == started, $"the job '{tag}' was not picked up within 60 s");
        return sw.Elapsed;
    }
}

/// <summary>A job that signals when it runs (by token), to time the pickup.</summary>
public sealed class RestartProbeJob
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Waiting = new();

    public static Task Expect(string token) =>
        Waiting.GetOrAdd(token, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Run(string token)
    {
        if (Waiting.TryRemove(token, out var tcs))
        {
            tcs.SetResult();
        }
    }
}
