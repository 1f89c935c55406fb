using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdilSoz.Intake.Tests.Foundation;

public sealed class DatabaseFoundationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Two_hosts_migrating_an_empty_database_at_once_do_not_conflict()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        var cs = new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Database = name }.ConnectionString;
        using var a = PostgresDatabase.CreateHost(cs);
        using var b = PostgresDatabase.CreateHost(cs);
        try
        {
            await Task.WhenAll(IntakeDatabase.MigrateAsync(a.Services), IntakeDatabase.MigrateAsync(b.Services));

            await using var db = new IntakeDbContext(new DbContextOptionsBuilder<IntakeDbContext>().UseNpgsql(cs).Options);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(20, await db.Regions.CountAsync());
            Assert.Single(await db.AppSecrets.ToListAsync());
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'job'", conn);
            Assert.Equal(1L, await cmd.ExecuteScalarAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Database = "postgres" }.ConnectionString);
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task References_are_unique_and_ordered_under_concurrent_inserts()
    {
        const int writers = 8;
        const int perWriter = 40;
        var byWriter = await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < perWriter; i++)
            {
                await using var db = database.CreateDbContext();
                var s = new Submission
                {
                    Channel = Channel.Telegram, Text = "concurrent", ReceivedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                };
                db.Submissions.Add(s);
                await db.SaveChangesAsync();
                mine.Add(long.Parse(s.Reference.Split('-')[2], System.Globalization.CultureInfo.InvariantCulture));
            }

            return mine;
        })));

        await using var check = database.CreateDbContext();
        var rows = await check.Submissions.Where(s => s.Text == "concurrent").OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Reference }).ToListAsync();
        Assert.Equal(writers * perWriter, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.Reference).Distinct().Count());
        // Each writer sees its later reports get later references.
        Assert.All(byWriter, mine => Assert.Equal(mine.Order(), mine));
        Assert.All(rows, r => Assert.Matches(@"^AS-\d{4}-\d{5,}$", r.Reference));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // a /start: the creation is tried before the lookup
    public async Task Two_instances_meeting_a_new_reporter_at_once_make_one_reporter_and_both_transactions_commit(bool likelyNew)
    {
        await using var first = database.Services.CreateAsyncScope();
        await using var second = database.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<IntakeDbContext>();
        db1.Database.AutoSavepointsEnabled = false;
        db2.Database.AutoSavepointsEnabled = false;
        var protector = first.ServiceProvider.GetRequiredService<AdilSoz.Intake.Core.Security.IdentityProtector>();
        var identity = "race-" + Guid.NewGuid().ToString("N")[..8];

        await using var tx1 = await db1.Database.BeginTransactionAsync();
        await using var tx2 = await db2.Database.BeginTransactionAsync();
        var (one, oneIsNew) = await new ReporterDirectory(db1, protector, TimeProvider.System)
            .FindOrCreateAsync(Channel.Telegram, identity, identity, "@first", "kk", CancellationToken.None, likelyNew);

        // The second instance's creation waits for the first transaction, then finds its reporter.
        var racing = new ReporterDirectory(db2, protector, TimeProvider.System)
            .FindOrCreateAsync(Channel.Telegram, identity, identity, "@second", "ru", CancellationToken.None, likelyNew);
        await Task.Delay(200);
        Assert.False(racing.IsCompleted);
        await tx1.CommitAsync();
        var (two, twoIsNew) = await racing;

        // The second transaction is not aborted by the lost race: it still writes and commits.
        db2.DialogueStates.Add(new DialogueState { ReporterId = two.Id, UpdatedAt = DateTimeOffset.UtcNow });
        await db2.SaveChangesAsync();
        await tx2.CommitAsync();

        Assert.True(oneIsNew);
        Assert.False(twoIsNew);
        Assert.Equal(one.Id, two.Id);
        await using var check = database.CreateDbContext();
        var hash = protector.KeyHash(Channel.Telegram, identity);
        Assert.Equal("kk", Assert.Single(await check.Reporters.Where(r => r.KeyHash == hash).ToListAsync()).Language);
        Assert.True(await check.DialogueStates.AnyAsync(s => s.ReporterId == one.Id));

        // Coming back (another /start) finds the same reporter, in a transaction that goes on.
        await using var third = database.Services.CreateAsyncScope();
        var db3 = third.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await using var tx3 = await db3.Database.BeginTransactionAsync();
        var (back, backIsNew) = await new ReporterDirectory(db3, protector, TimeProvider.System)
            .FindOrCreateAsync(Channel.Telegram, identity, identity, "@third", "en", CancellationToken.None, likelyNew);
        Assert.False(backIsNew);
        Assert.Equal(one.Id, back.Id);
        Assert.Equal(1, await db3.Reporters.CountAsync(r => r.KeyHash == hash));
        await tx3.CommitAsync();
    }

    [Fact]
    public async Task Reporter_identities_are_not_stored_in_clear_text()
    {
        const string telegramUserId = "987654321";
        const string chatId = "987654321";
        const string username = "brave_reporter_kz";
        long id;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var directory = new ReporterDirectory(
                scope.ServiceProvider.GetRequiredService<IntakeDbContext>(),
                scope.ServiceProvider.GetRequiredService<AdilSoz.Intake.Core.Security.IdentityProtector>(),
                TimeProvider.System);
            var reporter = await directory.GetOrCreateAsync(Channel.Telegram, telegramUserId, chatId, username, "kk", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().SaveChangesAsync();
            id = reporter.Id;

            // The same person is recognised again through the keyed hash.
            var again = await directory.GetOrCreateAsync(Channel.Telegram, telegramUserId, chatId, username, "kk", CancellationToken.None);
            Assert.Equal(id, again.Id);
        }

        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT row_to_json(r)::text FROM \"Reporters\" r WHERE \"Id\" = @id", conn);
        cmd.Parameters.AddWithValue("id", id);
        var raw = (string)(await cmd.ExecuteScalarAsync())!;
        Assert.DoesNotContain(telegramUserId, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(username, raw, StringComparison.Ordinal);

        await using var scope2 = database.Services.CreateAsyncScope();
        var protector = scope2.ServiceProvider.GetRequiredService<AdilSoz.Intake.Core.Security.IdentityProtector>();
        var db2 = scope2.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var stored = await db2.Reporters.SingleAsync(r => r.Id == id);
        Assert.Equal(telegramUserId, protector.Unprotect(stored.IdentityEncrypted));
        Assert.Equal(username, protector.Unprotect(stored.DisplayNameEncrypted));
    }
}
