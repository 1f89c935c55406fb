using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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

    private readonly WarningLog _warnings = new();

    private IHost CreateWorker() => PostgresDatabase.CreateHost(database.ConnectionString, b =>
    {
        b.Logging.AddProvider(_warnings);
        b.AddJobServer();
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
        var earlier = await AddAsync(6, 0);
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISubmissionPipelineJob>().ProcessManyAsync([.. earlier], CancellationToken.None);
        }

        var ids = await AddAsync(12, 10);
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISubmissionPipelineJob>().ProcessAsync(ids[^1], CancellationToken.None);
        }

        var rows = await RowsAsync([.. earlier, .. ids]);
        Assert.All(rows.Values, r => Assert.Equal(SubmissionStatus.Pending, r.Status));
        // All in one go: neither batch fell back to item by item.
        Assert.Empty(_warnings.Messages);
        // The Uralsk detention: the earlier Russian report, and the new Russian and English ones (found in
        // the database and within the batch), one cluster; the Shymkent assault apart.
        Assert.Equal(rows[earlier[0]].ClusterId, rows[ids[0]].ClusterId);
        Assert.Equal(rows[earlier[0]].ClusterId, rows[ids[1]].ClusterId);
        Assert.Equal(rows[earlier[0]].ClusterId, rows[ids[6]].ClusterId);
        Assert.NotEqual(rows[earlier[0]].ClusterId, rows[ids[2]].ClusterId);
        Assert.Equal(rows[earlier[2]].ClusterId, rows[ids[2]].ClusterId);
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
            Assert.Contains(_warnings.Messages, m => m.Contains("processing its items one by one", StringComparison.Ordinal));
            Assert.Equal(SubmissionStatus.NeedsAttention, rows[bad].Status);
            Assert.Contains("PostgresException", rows[bad].AttentionReason, StringComparison.Ordinal);
            Assert.Null(rows[bad].ClusterId);
            Assert.All(ids.Where(id => id != bad), id => Assert.True(rows[id].Status == SubmissionStatus.Pending, $"{id}: {rows[id].Status} {rows[id].AttentionReason}; {string.Join(" | ", _warnings.Messages)}"));

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

    [Fact]
    public async Task Two_drains_at_once_compare_reports_in_the_order_they_arrived()
    {
        // Batches of two, so that the two drains of a Worker take turns over one event's reports.
        using var worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.Configuration["Pipeline:BatchSize"] = "2";
            b.Logging.AddProvider(_warnings);
            b.AddJobServer();
            b.AddPipelineJobs();
        });
        // Events no other test of the class reports: each round's cluster can only start within the round.
        string[] events =
        [
            "В Атырау полицейские изъяли диктофон у корреспондента портала «Ак Жайык» Асель Нурлановой на митинге у облакимата.",
            "В Караганде суд оштрафовал главного редактора сайта «Новый вестник» Тимура Сагинтаева за статью о шахтёрах.",
            "В Таразе охрана завода не пустила журналиста телеканала «Жамбыл» Ерлана Бекова на пресс-конференцию о выбросах.",
        ];
        foreach (var (text, round) in events.Select((e, i) => (e, 300 + (100 * i))))
        {
            // Twelve reports of one event, none the same text: each is found through the index of those before it.
            List<long> ids;
            await using (var db = database.CreateDbContext())
            {
                var rows = Enumerable.Range(0, 12).Select(i => new Submission
                {
                    Channel = Channel.Email,
                    Text = text + $" Сообщение {round + i}.",
                    ReceivedAt = Feb3.AddMinutes(round + i),
                    UpdatedAt = DateTimeOffset.UtcNow,
                }).ToList();
                db.Submissions.AddRange(rows);
                await db.SaveChangesAsync();
                ids = [.. rows.Select(r => r.Id)];
            }

            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await using var scope = worker.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ISubmissionPipelineJob>().DrainAsync(CancellationToken.None);
            })));

            // Whichever drain took a batch, the cluster starts with the event's first report, as with one drain.
            var done = await RowsAsync(ids);
            Assert.All(ids, id => Assert.Equal(SubmissionStatus.Pending, done[id].Status));
            Assert.All(ids, id => Assert.True(done[id].ClusterId == ids[0], $"report {ids.IndexOf(id)} of round {round} is in cluster {done[id].ClusterId}, not {ids[0]}"));
        }

        Assert.Empty(_warnings.Messages);
    }
}

/// <summary>Keeps the warnings (and worse) the pipeline logs.</summary>
internal sealed class WarningLog : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("AdilSoz.Intake.Worker.Pipeline", StringComparison.Ordinal) ? new Logger(_messages) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                messages.Enqueue(formatter(state, exception));
            }
        }
    }
}
