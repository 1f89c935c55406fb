using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdilSoz.Intake.Tests.Pipeline;

/// <summary>Live intake wakes one drain, not a job per report, and a report after a drain started is still taken.</summary>
public sealed class PipelineDrainTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Reports_stored_while_the_drain_waits_are_all_taken_by_that_one_drain_and_a_later_report_by_a_new_one()
    {
        using var worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.AddJobServer();
            b.AddPipelineJobs();
        });
        var wakeUp = worker.Services.GetRequiredService<PipelineWakeUp>();

        // The Worker's job server is not running yet: the first drain waits, so every later wake-up finds it waiting.
        var ids = new List<long>();
        for (var i = 0; i < 120; i++)
        {
            ids.Add(await AddAsync($"В Уральске полиция задержала редактора газеты «Уральская неделя», сообщение {i}."));
            wakeUp.Received();
        }

        Assert.Equal(1, await DrainJobsAsync());

        await worker.StartAsync();
        await Poll.UntilAsync(() => ReceivedAsync(ids), n => n == 0, Timeout, what: "all 120 reports out of Received");
        Assert.Equal(1, await DrainJobsAsync());

        // That drain has started (it took them), so the next report wakes a new one.
        var later = await AddAsync("В Шымкенте неизвестные напали на оператора телеканала «Отырар» у акимата.");
        wakeUp.Received();
        await Poll.UntilAsync(() => ReceivedAsync([later]), n => n == 0, Timeout, what: "the later report out of Received");
        Assert.Equal(2, await DrainJobsAsync());

        await using var db = database.CreateDbContext();
        var statuses = await db.Submissions.Where(s => ids.Contains(s.Id) || s.Id == later).Select(s => s.Status).ToListAsync();
        Assert.Equal(121, statuses.Count);
        Assert.All(statuses, s => Assert.True(s is SubmissionStatus.Pending or SubmissionStatus.Ignored, $"status {s}"));
        await worker.StopAsync();
    }

    private async Task<long> AddAsync(string text)
    {
        await using var db = database.CreateDbContext();
        var submission = new Submission
        {
            Channel = Channel.Telegram,
            Text = text,
            ReceivedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        return submission.Id;
    }

    private async Task<int> ReceivedAsync(List<long> ids)
    {
        await using var db = database.CreateDbContext();
        return await db.Submissions.CountAsync(s => ids.Contains(s.Id) && s.Status == SubmissionStatus.Received);
    }

    private async Task<long> DrainJobsAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM {HangfireSetup.SchemaName}.job WHERE invocationdata::text LIKE '%{nameof(ISubmissionPipelineJob.DrainAsync)}%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
