using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Privacy;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Pipeline;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AdilSoz.Intake.Tests.Foundation;

/// <summary>
/// Two Worker hosts in one process, on two databases (as test classes run side by side): each runs its
/// jobs through its own services, and the first one's disposal does not touch the second.
/// </summary>
public sealed class HangfireIsolationTests : IAsyncLifetime
{
    private readonly PostgresDatabase _first = new();
    private readonly PostgresDatabase _second = new();

    public Task InitializeAsync() => Task.WhenAll(_first.InitializeAsync(), _second.InitializeAsync());

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task A_disposed_host_leaves_the_jobs_of_the_host_still_running_to_that_host()
    {
        var firstLog = new LogCapture();
        var secondLog = new LogCapture();
        var first = Worker(_first, firstLog);
        using var second = Worker(_second, secondLog);
        try
        {
            await RunAsync(first, second, secondLog, firstLog);
        }
        finally
        {
            first.Dispose();
        }
    }

    private async Task RunAsync(IHost first, IHost second, LogCapture secondLog, LogCapture firstLog)
    {

        // The second host enqueues before either server runs (a command or a test may do so): its Hangfire
        // configuration is made first, the first host's after it.
        var client = second.Services.GetRequiredService<IBackgroundJobClient>();
        var early = await SubmitAsync(second, client, "Задержали журналиста в Таразе");
        await first.StartAsync();
        await second.StartAsync();
        await WaitPendingAsync(second, early);

        await first.StopAsync();
        first.Dispose();

        var late = await SubmitAsync(second, client, "На оператора напали у здания суда в Шымкенте");
        await WaitPendingAsync(second, late);
        await second.StopAsync();

        // Nothing in the second host's job history or log went through the disposed host.
        await using var connection = new NpgsqlConnection(_second.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name, coalesce(reason, '') || ' ' || coalesce(data::text, '') FROM hangfire.state", connection);
        var states = new List<(string Name, string Text)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                states.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Contains(states, s => s.Name == "Succeeded");
        Assert.DoesNotContain(states, s => s.Name is "Failed" || s.Text.Contains("ObjectDisposedException", StringComparison.Ordinal));
        var log = string.Join('\n', secondLog.Lines);
        Assert.DoesNotContain("ObjectDisposedException", log, StringComparison.Ordinal);

        // Each host's Hangfire server logs to that host.
        Assert.Contains(secondLog.Lines, l => l.Contains("Hangfire.BackgroundJobServer", StringComparison.Ordinal) && l.Contains("Starting Hangfire Server", StringComparison.Ordinal));
        Assert.Contains(firstLog.Lines, l => l.Contains("Hangfire.BackgroundJobServer", StringComparison.Ordinal) && l.Contains("Starting Hangfire Server", StringComparison.Ordinal));
    }

    private static IHost Worker(PostgresDatabase database, LogCapture log) => PostgresDatabase.CreateHost(database.ConnectionString, b =>
    {
        b.Logging.AddProvider(log);
        b.AddJobServer();
        b.AddPipelineJobs();
    });

    private static async Task<(long Id, string JobId)> SubmitAsync(IHost host, IBackgroundJobClient client, string text)
    {
        var connection = AdilSoz.Intake.Core.Data.IntakeDatabase.GetConnectionString(host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>());
        await using var db = new AdilSoz.Intake.Core.Data.IntakeDbContext(new DbContextOptionsBuilder<AdilSoz.Intake.Core.Data.IntakeDbContext>().UseNpgsql(connection).Options);
        var submission = new Submission { Channel = Channel.Email, Text = text, ReceivedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        var id = submission.Id;
        return (id, client.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None)));
    }

    private static async Task WaitPendingAsync(IHost host, (long Id, string JobId) submitted)
    {
        var connection = AdilSoz.Intake.Core.Data.IntakeDatabase.GetConnectionString(host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>());
        await Poll.UntilAsync(
            async () =>
            {
                await using var db = new AdilSoz.Intake.Core.Data.IntakeDbContext(new DbContextOptionsBuilder<AdilSoz.Intake.Core.Data.IntakeDbContext>().UseNpgsql(connection).Options);
                return await db.Submissions.Where(s => s.Id == submitted.Id).Select(s => s.Status).SingleAsync();
            },
            s => s == SubmissionStatus.Pending,
            TimeSpan.FromSeconds(60),
            what: $"the pipeline job of submission {submitted.Id} on the second host",
            explain: () => JobStates.DescribeAsync(host.Services.GetRequiredService<JobStorage>(), submitted.JobId));
    }
}
