using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Language.Dedup;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Pipeline;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AdilSoz.Intake.Tests.Pipeline;

/// <summary>The pipeline through real Hangfire servers on PostgreSQL.</summary>
public sealed class PipelineIntegrationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Feb3 = new(2021, 2, 3, 9, 0, 0, TimeSpan.Zero);

    private IHost StartWorker()
    {
        var host = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.AddJobServer();
            b.AddPipelineJobs();
        });
        host.Start();
        return host;
    }

    private async Task<long> AddAsync(Channel channel, string text, DateTimeOffset receivedAt, string? subject = null)
    {
        await using var db = database.CreateDbContext();
        var s = new Submission { Channel = channel, Subject = subject, Text = text, ReceivedAt = receivedAt, UpdatedAt = DateTimeOffset.UtcNow };
        db.Submissions.Add(s);
        await db.SaveChangesAsync();
        return s.Id;
    }

    private async Task<List<Submission>> WaitProcessedAsync(IHost worker, IReadOnlyList<long> ids)
    {
        var client = worker.Services.GetRequiredService<IBackgroundJobClient>();
        foreach (var id in ids)
        {
            client.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None));
        }

        return await Poll.UntilAsync(async () =>
        {
            await using var db = database.CreateDbContext();
            return await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync();
        }, rows => rows.All(r => r.Status != SubmissionStatus.Received), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_telegram_report_and_two_mails_about_one_event_form_one_cluster_and_a_distractor_stays_apart()
    {
        using var worker = StartWorker();
        var telegram = await AddAsync(Channel.Telegram,
            "Сегодня утром на трассе Уральск – Атырау полиция задержала главного редактора «Уральской недели» Лукпана Ахмедьярова, " +
            "а через час его заместителя Рауля Упорова. Они ехали освещать освобождение Макса Бокаева.", Feb3);
        var kazakh = await AddAsync(Channel.Email,
            "Бүгін таңертең Орал – Атырау тасжолында полиция «Уральская неделя» газетінің бас редакторы Лұқпан Ахмедьяровты ұстады. " +
            "Бір сағаттан кейін оның орынбасары Рауль Упоровты да ұстады.", Feb3.AddHours(2), "Ахмедьяров ұсталды");
        var english = await AddAsync(Channel.Email,
            "Police detained Lukpan Akhmedyarov, editor-in-chief of Uralskaya Nedelya, on the Uralsk-Atyrau highway this morning; " +
            "his deputy Raul Uporov was detained an hour later. They were going to cover the release of Maks Bokayev.", Feb3.AddHours(3),
            "Uralskaya Nedelya editor detained");
        var distractor = await AddAsync(Channel.Telegram,
            "В Шымкенте 20 февраля полиция задержала оператора телеканала «Отырар» Дамира Сейткали во время съёмки митинга у акимата.",
            Feb3.AddDays(17));

        var rows = await WaitProcessedAsync(worker, [telegram, kazakh, english, distractor]);

        Assert.All(rows, r => Assert.Equal(SubmissionStatus.Pending, r.Status));
        var cluster = rows.Single(r => r.Id == telegram).ClusterId;
        Assert.NotNull(cluster);
        Assert.Equal(cluster, rows.Single(r => r.Id == kazakh).ClusterId);
        Assert.Equal(cluster, rows.Single(r => r.Id == english).ClusterId);
        Assert.NotEqual(cluster, rows.Single(r => r.Id == distractor).ClusterId);

        Assert.All(rows, r => Assert.True(r.Urgent, $"a detention is urgent ({r.Id})"));
        Assert.Equal("detention", rows.Single(r => r.Id == english).SuggestedCategory);
        Assert.Equal("west_kazakhstan", rows.Single(r => r.Id == kazakh).SuggestedRegion);
        Assert.Equal("kk", rows.Single(r => r.Id == kazakh).Language);

        await using var db = database.CreateDbContext();
        var link = await db.DuplicateLinks.Where(l => l.SubmissionId == english && l.Level == LinkLevel.SameEvent).FirstAsync();
        Assert.Contains("Akhmedyarov", link.Explanation, StringComparison.OrdinalIgnoreCase);
        Assert.False(await db.DuplicateLinks.AnyAsync(l => l.SubmissionId == distractor && l.Level == LinkLevel.SameEvent));
    }

    [Fact]
    public async Task The_same_report_sent_again_is_linked_as_a_duplicate_and_not_queued_twice()
    {
        using var worker = StartWorker();
        const string text = "В Костанае акимат отказал журналисту газеты «Наша газета» в предоставлении информации о закупках, запрос проигнорирован.";
        var first = await AddAsync(Channel.Email, text, Feb3);
        await WaitProcessedAsync(worker, [first]);
        var again = await AddAsync(Channel.Telegram, text + "  ", Feb3.AddHours(1));
        var rows = await WaitProcessedAsync(worker, [again]);

        var duplicate = Assert.Single(rows);
        Assert.Equal(SubmissionStatus.Ignored, duplicate.Status);
        Assert.Equal(first, duplicate.DuplicateOfId);
    }

    [Fact]
    public async Task Running_the_job_twice_changes_nothing()
    {
        using var worker = StartWorker();
        var id = await AddAsync(Channel.Email, "В Павлодаре аким подал иск о защите чести и достоинства к газете, требует 10 млн тенге.", Feb3);
        var before = Assert.Single(await WaitProcessedAsync(worker, [id]));

        await using (var scope = worker.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISubmissionPipelineJob>().ProcessAsync(id, CancellationToken.None);
        }

        await using var db = database.CreateDbContext();
        var after = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(before.ClusterId, after.ClusterId);
        Assert.Equal(
            await db.DedupKeys.CountAsync(k => k.SubmissionId == id),
            await db.DedupKeys.Where(k => k.SubmissionId == id).Select(k => k.Key).Distinct().CountAsync());
    }

    [Fact]
    public async Task A_job_that_ends_failed_leaves_its_submission_in_needs_attention()
    {
        using var worker = StartWorker();
        var id = await AddAsync(Channel.Email, "Текст", Feb3);
        var client = worker.Services.GetRequiredService<IBackgroundJobClient>();
        // Held back an hour so the server does not run it; then it fails after its last retry was used.
        var jobId = client.Create<ISubmissionPipelineJob>(j => j.ProcessAsync(id, CancellationToken.None), new ScheduledState(TimeSpan.FromHours(1)));
        using (var connection = worker.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            connection.SetJobParameter(jobId, "RetryCount", "6");
        }

        client.ChangeState(jobId, new FailedState(new TimeoutException("simulated")));

        var row = await Poll.UntilAsync(async () =>
        {
            await using var db = database.CreateDbContext();
            return await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
        }, s => s.Status == SubmissionStatus.NeedsAttention, TimeSpan.FromSeconds(60));
        Assert.Equal(SubmissionStatus.NeedsAttention, row.Status);
        Assert.Contains("failed after all retries", row.AttentionReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_workers_share_the_work_and_process_each_submission_once()
    {
        using var a = StartWorker();
        using var b = StartWorker();
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        await using var last = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM hangfire.job", conn);
        var lastJobBefore = (long)(await last.ExecuteScalarAsync())!;
        var ids = new List<long>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add(await AddAsync(Channel.Email, $"Сообщение номер {i}: в городе {i} произошёл случай номер {i * 7919} с журналистом {i}.", Feb3.AddMinutes(i)));
        }

        var rows = await WaitProcessedAsync(a, ids);
        Assert.All(rows, r => Assert.NotEqual(SubmissionStatus.Received, r.Status));

        // The pipeline's jobs were run by two servers, one of each Worker (their intake servers). Jobs of other queues
        // that may run meanwhile (the recurring intake sweep, an alert through the outbox) run on the Workers' other
        // servers and are not counted.
        await using var servers = new NpgsqlCommand(
            $"""
            SELECT count(DISTINCT s.data::json->>'ServerId') FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
            WHERE s.name = 'Processing' AND s.jobid > {lastJobBefore} AND j.invocationdata::text LIKE '%{nameof(ISubmissionPipelineJob)}%'
            """, conn);
        Assert.Equal(2L, await servers.ExecuteScalarAsync());
        await using var links = new NpgsqlCommand(
            "SELECT count(*) FROM \"DuplicateLinks\" GROUP BY \"SubmissionId\", \"OtherId\" HAVING count(*) > 1", conn);
        Assert.Null(await links.ExecuteScalarAsync());
    }
}
