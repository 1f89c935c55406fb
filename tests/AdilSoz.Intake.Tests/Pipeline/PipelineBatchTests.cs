using AdilSoz.Intake.Intake;
using AdilSoz.Intake.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AdilSoz.Intake.Tests.Pipeline;

/// <summary>Batches: one job takes the waiting submissions; a bad item is set aside and the rest go on.</summary>
public sealed class PipelineBatchTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Feb3 = new(2021, 2, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Texts =
    [
        "В Уральске полиция задержала редактора газеты «Уральская неделя» Лукпана Ахмедьярова на трассе.",
        "Police detained Lukpan Akhmedyarov, editor of Uralskaya Nedelya, on the Uralsk highway.",
        "В Шымкенте неизвестные напали на оператора телеканала «Отырар» Дамира Сейткали у акимата.",
        "Алматыда журналисті сотқа шақырды, аким ар-намысын қорғау туралы талап арыз берді.",
        "В Павлодаре аким подал иск о защите чести и достоинства к газете «Звезда Прииртышья».",
        "В Костанае акимат отказал журналисту «Нашей газеты» в информации о закупках.",
    ];

    private IHost CreateWorker() => PostgresDatabase.CreateHost(database.ConnectionString, b =>
    {
        b.AddIntakeWorker();
        b.AddPipelineJobs();
    });

    private async Task<List<long>> AddAsync(int n, int offset)
    {
        await using var db = database.CreateDbContext();
        var rows = Enumerable.Range(0, n).Select(i => new Submission
        {
            Channel = Channel.Email,
            Text = Texts[i % Texts.Length] + $" Сообщение {offset + i}.",
            ReceivedAt = Feb3.AddMinutes(offset + i),
            UpdatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        db.Submissions.AddRange(rows);
        await db.SaveChangesAsync();
        return [.. rows.Select(r => r.Id)];
    }

    private async Task<Dictionary<long, Submission>> RowsAsync(IEnumerable<long> ids)
    {
        await using var db = database.CreateDbContext();
        return await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id);
    }

    [Fact]
    public async Task A_job_for_one_submission_also_takes_the_others_that_are_waiting()
    {
        using var worker = CreateWorker();
        var ids = await AddAsync(12, 0);

        await using (var scope = worker.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISubmissionPipelineJob>().ProcessAsync(ids[^1], CancellationToken.None);
        }

        var rows = await RowsAsync(ids);
        Assert.All(rows.Values, r => Assert.Equal(SubmissionStatus.Pending, r.Status));
        // The English report of the Uralsk detention met the Russian one of the same batch.
        Assert.Equal(rows[ids[0]].ClusterId, rows[ids[1]].ClusterId);
        Assert.NotEqual(rows[ids[0]].ClusterId, rows[ids[2]].ClusterId);
    }

    [Fact]
    public async Task A_submission_that_fails_in_a_batch_needs_attention_and_the_others_go_on()
    {
        using var worker = CreateWorker();
        var ids = await AddAsync(6, 100);
        var bad = ids[2];
        // A real database error for one item only: its index keys cannot be written.
        await using (var conn = new NpgsqlConnection(database.ConnectionString))
        {
            await conn.OpenAsync();
            await using var trigger = new NpgsqlCommand($"""
                CREATE FUNCTION fail_one() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW."SubmissionId" = {bad} THEN RAISE EXCEPTION 'simulated'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER fail_one BEFORE INSERT ON "DedupKeys" FOR EACH ROW EXECUTE FUNCTION fail_one();
                """, conn);
            await trigger.ExecuteNonQueryAsync();
        }

        try
        {
            await using (var scope = worker.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ISubmissionPipelineJob>().ProcessManyAsync([.. ids], CancellationToken.None);
            }

            var rows = await RowsAsync(ids);
            Assert.Equal(SubmissionStatus.NeedsAttention, rows[bad].Status);
            Assert.Contains("PostgresException", rows[bad].AttentionReason, StringComparison.Ordinal);
            Assert.Null(rows[bad].ClusterId);
            Assert.All(ids.Where(id => id != bad), id => Assert.Equal(SubmissionStatus.Pending, rows[id].Status));

            await using var db = database.CreateDbContext();
            Assert.False(await db.DuplicateLinks.AnyAsync(l => l.SubmissionId == bad));
            Assert.True(await db.DedupKeys.AnyAsync(k => k.SubmissionId == ids[3]));
        }
        finally
        {
            await using var conn = new NpgsqlConnection(database.ConnectionString);
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP TRIGGER fail_one ON \"DedupKeys\"; DROP FUNCTION fail_one();", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task A_batch_job_run_twice_changes_nothing()
    {
        using var worker = CreateWorker();
        var ids = await AddAsync(4, 200);
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISubmissionPipelineJob>().ProcessManyAsync([.. ids], CancellationToken.None);
        }

        var before = await RowsAsync(ids);
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISubmissionPipelineJob>().ProcessManyAsync([.. ids], CancellationToken.None);
        }

        var after = await RowsAsync(ids);
        Assert.All(ids, id => Assert.Equal(before[id].UpdatedAt, after[id].UpdatedAt));
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.DuplicateLinks.GroupBy(l => new { l.SubmissionId, l.OtherId }).CountAsync(g => g.Count() > 1));
    }
}
