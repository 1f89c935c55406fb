using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Tests.Pipeline;

/// <summary><c>Worker dedup rebuild</c>: the keys come back as the pipeline wrote them, and a second run changes nothing.</summary>
public sealed class DedupRebuildTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private async Task<List<(long SubmissionId, long Key)>> KeysAsync()
    {
        await using var db = database.CreateDbContext();
        return [.. (await db.DedupKeys.AsNoTracking().Select(k => new { k.SubmissionId, k.Key }).ToListAsync())
            .Select(k => (k.SubmissionId, k.Key)).Order()];
    }

    [Fact]
    public async Task Rebuilding_restores_the_keys_and_running_it_again_changes_nothing()
    {
        using var worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.AddJobServer();
            b.AddPipelineJobs();
        });
        var start = new DateTimeOffset(2021, 2, 3, 9, 0, 0, TimeSpan.Zero);
        string[] texts =
        [
            "В Уральске полиция задержала редактора газеты «Уральская неделя» Лукпана Ахмедьярова на трассе.",
            "Police detained Lukpan Akhmedyarov, editor of Uralskaya Nedelya, on the Uralsk highway.",
            "В Шымкенте неизвестные напали на оператора телеканала «Отырар» Дамира Сейткали у акимата.",
            "В Шымкенте неизвестные напали на оператора телеканала «Отырар» Дамира Сейткали у акимата.",
        ];
        long[] ids;
        await using (var db = database.CreateDbContext())
        {
            var rows = texts.Select((t, i) => new Submission { Channel = Channel.Email, Text = t, ReceivedAt = start.AddHours(i), UpdatedAt = start }).ToList();
            db.Submissions.AddRange(rows);
            await db.SaveChangesAsync();
            ids = [.. rows.Select(r => r.Id)];
        }

        await using (var scope = worker.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISubmissionPipelineJob>().ProcessManyAsync(ids, CancellationToken.None);
        }

        var written = await KeysAsync();
        Assert.NotEmpty(written);
        Assert.DoesNotContain(written, k => k.SubmissionId == ids[3]);

        // Keys lost and a stale one, as after a change of key kinds.
        await using (var db = database.CreateDbContext())
        {
            await db.DedupKeys.Where(k => k.SubmissionId == ids[0]).ExecuteDeleteAsync();
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "DedupKeys" ("SubmissionId", "Key", "ReceivedAt") VALUES ({ids[1]}, 42, now())""");
            // And one of a submission deleted while its keys were being written (there is no foreign key to refuse it).
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "DedupKeys" ("SubmissionId", "Key", "ReceivedAt") VALUES ({ids.Max() + 1000}, 42, now())""");
        }

        var first = await DedupCommand.RunAsync(["rebuild", "--page", "2", $"--ConnectionStrings:Intake={database.ConnectionString}"]);
        Assert.Equal(0, first);
        Assert.Equal(written, await KeysAsync());

        Assert.Equal(0, await DedupCommand.RunAsync(["rebuild", $"--ConnectionStrings:Intake={database.ConnectionString}"]));
        Assert.Equal(written, await KeysAsync());
        await using var check = database.CreateDbContext();
        Assert.Equal(SubmissionStatus.Ignored, (await check.Submissions.SingleAsync(s => s.Id == ids[3])).Status);
    }

    [Fact]
    public async Task An_unknown_subcommand_is_refused()
    {
        Assert.Equal(2, await DedupCommand.RunAsync(["rebuld"]));
    }
}
