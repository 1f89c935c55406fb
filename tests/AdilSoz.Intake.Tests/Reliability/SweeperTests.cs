using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Pipeline;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Tests.Reliability;

/// <summary>
/// The sweeper finds what a crash left between commit and enqueue even when it ran late (Workers
/// down or the intake queue busy for longer than its window): a received report and an
/// acknowledgement whose job never started, both ten minutes old, get their jobs again.
/// </summary>
public sealed class SweeperTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_late_sweep_still_enqueues_what_went_quiet_since_the_previous_sweep_and_nothing_older()
    {
        var now = DateTimeOffset.UtcNow;
        long report, old, ack;
        await using (var db = database.CreateDbContext())
        {
            var quiet = new Submission { Channel = Channel.Telegram, Text = "Журналисту угрожали", ReceivedAt = now.AddMinutes(-10), UpdatedAt = now.AddMinutes(-10) };
            var older = new Submission { Channel = Channel.Telegram, Text = "Старое сообщение", ReceivedAt = now.AddMinutes(-40), UpdatedAt = now.AddMinutes(-40) };
            db.Submissions.AddRange(quiet, older);
            var message = new OutboundMessage
            {
                IdempotencyKey = "ack:sweeper-test", Channel = Channel.Email, Kind = OutboundKind.Acknowledgement, Recipient = "editor@adilsoz.kz",
                Body = "received", CreatedAt = now.AddMinutes(-10),
            };
            db.OutboundMessages.Add(message);
            await db.SaveChangesAsync();
            (report, old, ack) = (quiet.Id, older.Id, message.Id);
        }

        using var host = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.AddPipelineJobs();
        });
        var storage = host.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        using (var state = connection.CreateWriteTransaction())
        {
            // The previous sweep ran 15 minutes ago: the next one comes late, long after its 3-minute window.
            state.SetRangeInHash(IntakeSweeper.StateKey, [new KeyValuePair<string, string>("SweptUntil", now.AddMinutes(-15).ToString("O"))]);
            state.Commit();
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IntakeSweeper>().RunAsync(CancellationToken.None);
        }

        var enqueued = storage.GetMonitoringApi().EnqueuedJobs(JobQueues.Intake, 0, 100)
            .Concat(storage.GetMonitoringApi().EnqueuedJobs(JobQueues.Notifications, 0, 100))
            .SelectMany(j => Ids(j.Value.Job.Args[0]).Select(id => (j.Value.Job.Type.Name, Id: id))).ToList();
        Assert.Contains((nameof(ISubmissionPipelineJob), report), enqueued);
        Assert.Contains((nameof(IOutboundJob), ack), enqueued);
        Assert.DoesNotContain(enqueued, j => j.Id == old && j.Name == nameof(ISubmissionPipelineJob));
        Assert.Equal(2, enqueued.Count);
    }

    /// <summary>A pipeline job takes a batch of ids (the sweeper enqueues them so); other jobs take one.</summary>
    private static long[] Ids(object argument) => argument switch
    {
        long one => [one],
        long[] many => many,
        _ => [],
    };
}
