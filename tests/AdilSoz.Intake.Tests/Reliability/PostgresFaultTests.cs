using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Reliability;

/// <summary>
/// Every connection to the database cut several times while reports flow in (what a PostgreSQL
/// restart does to the processes, without restarting the cluster other test classes share): the
/// processes stay up, jobs resume within seconds, nothing is lost or doubled; then every job run a
/// second time changes nothing.
/// </summary>
public sealed class PostgresFaultTests(ITestOutputHelper output)
{
    private const int Reports = 40;

    [Fact]
    public async Task Database_connections_cut_mid_flow_lose_nothing_and_jobs_run_twice_change_nothing()
    {
        await using var world = await ReliabilityWorld.StartAsync();
        await world.StartHostsAsync();
        var sending = world.SendAtRateAsync(Reports, 8);
        await Poll.UntilAsync(world.TallyAsync, f => f.Stored >= 4, TimeSpan.FromSeconds(60));

        var terminated = 0;
        for (var i = 0; i < 4; i++)
        {
            terminated += await Faults.TerminateConnectionsAsync(world.Database);

            // Pacing the cuts over the flow.
            await Task.Delay(TimeSpan.FromMilliseconds(800));
        }

        var lastCut = DateTime.UtcNow;
        await sending;
        var figures = await world.WaitUntilSettledAsync(TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(120));
        var resumed = DateTime.UtcNow - lastCut;
        var report = $"{terminated} connections terminated in 4 cuts; settled {resumed.TotalSeconds:F1} s after the last cut\n{figures.Describe()}";
        output.WriteLine(report);

        Assert.True(world.Bot.Running && world.Worker.Running, "a lost database connection ended a process\n" + report);
        Assert.Equal((1, 1), (world.Bot.Starts, world.Worker.Starts));
        Assert.True(terminated > 4, report);
        Assert.True(figures.Lost == 0 && figures.Duplicated == 0 && figures.Pending == Reports, report);
        AssertOneDeliveryPerReport(world, report);
        // Note: a job whose state change was cut off waits for Hangfire's 30-second invisibility timeout (not 30
        // minutes). How long settling took is printed, not bounded: the settle wait above is the hang guard.

        // Hangfire delivers at least once: every job of the flow run again changes nothing.
        var again = await RunEveryJobAgainAsync(world);
        var after = await world.TallyAsync();
        output.WriteLine($"{again} jobs run a second time\n{after.Describe()}");
        Assert.Equal(figures.Stored, after.Stored);
        Assert.Equal(figures.Pending, after.Pending);
        Assert.Equal(0, after.Duplicated);
        Assert.Equal(figures.Acknowledged, after.Acknowledged);
        Assert.Equal(0, after.AcknowledgementsRepeated);
        AssertOneDeliveryPerReport(world, after.Describe());
    }

    /// <summary>Every mail report got exactly one acknowledgement from the SMTP server's side, and nothing else was delivered.</summary>
    private static void AssertOneDeliveryPerReport(ReliabilityWorld world, string report)
    {
        var deliveries = world.Smtp.Messages.GroupBy(m => m.InReplyTo ?? "").ToDictionary(g => g.Key, g => g.Count());
        var mails = world.Sent.Where(s => !s.Telegram).ToList();
        var notOnce = mails.Where(m => deliveries.GetValueOrDefault(m.MessageId!) != 1)
            .Select(m => $"{m.Token}: {deliveries.GetValueOrDefault(m.MessageId!)}").ToList();
        Assert.True(notOnce.Count == 0, $"reports not acknowledged exactly once: {string.Join(", ", notOnce)}\n{report}");
        Assert.True(world.Smtp.Messages.Count == mails.Count, $"{world.Smtp.Messages.Count} mails delivered for {mails.Count} reports\n{report}");
    }

    /// <summary>Enqueues the pipeline, mail-ingest and outbound job of every row again and waits until the Worker ran them all.</summary>
    private static async Task<int> RunEveryJobAgainAsync(ReliabilityWorld world)
    {
        // Note: not from the pool, whose connections the cuts ended.
        var unpooled = new NpgsqlConnectionStringBuilder(world.Database.ConnectionString) { Pooling = false }.ConnectionString;
        await using var db = new IntakeDbContext(new DbContextOptionsBuilder<IntakeDbContext>().UseNpgsql(unpooled).Options);
        var submissions = await db.Submissions.Select(s => s.Id).ToListAsync();
        var mails = await db.InboundItems.Where(i => i.Channel == Channel.Email).Select(i => i.Id).ToListAsync();
        var outbound = await db.OutboundMessages.Select(o => o.Id).ToListAsync();
        using var host = PostgresDatabase.CreateHost(unpooled);
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        var ids = new List<string>();
        ids.AddRange(submissions.Select(id => jobs.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None))));
        ids.AddRange(mails.Select(id => jobs.Enqueue<IMailIngestJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None))));
        ids.AddRange(outbound.Select(id => jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(id, CancellationToken.None))));

        var numbers = ids.Select(long.Parse).ToArray();
        var left = await Poll.UntilAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(unpooled);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM hangfire.job WHERE id = ANY(@ids) AND statename <> 'Succeeded'", connection);
            command.Parameters.AddWithValue("ids", numbers);
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }, n => n == 0, TimeSpan.FromSeconds(60));
        Assert.Equal(0, left);
        return ids.Count;
    }
}
