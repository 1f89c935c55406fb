using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>
/// The public registry's totals (<c>public_registry_state</c>) and counts per region and category
/// (<c>public_incident_counts</c>) are kept as the incidents change, whatever writes them: after every kind of write in
/// SQL, two writers at once, and the migration that starts them from the incidents already there, they equal a count
/// of the incidents themselves.
/// </summary>
public sealed class PublicRegistryCountsTests
{
    private const string Recount = """
        SELECT coalesce("RegionCode", '-') || '/' || coalesce("CategoryCode", '-') || '=' || count(*)
          FROM "Incidents" WHERE "PublishedAt" IS NOT NULL GROUP BY "RegionCode", "CategoryCode" ORDER BY 1
        """;

    private const string Kept = """
        SELECT coalesce("RegionCode", '-') || '/' || coalesce("CategoryCode", '-') || '=' || "Published"
          FROM public_incident_counts ORDER BY 1
        """;

    [Fact]
    public async Task Counts_and_state_equal_a_recount_after_inserts_moves_withdrawals_publications_deletions_and_truncation()
    {
        await WithDatabaseAsync(async database =>
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            var (published, changed) = await StateAsync(connection);
            Assert.Equal(0, published);

            // Sixty incidents in one statement: two in three published, some without region or category.
            await ExecuteAsync(connection, """
                INSERT INTO "Incidents" ("Title", "OccurredOn", "DatePrecision", "RegionCode", "CategoryCode", "Summary", "IsPublic",
                                         "PublishedAt", "Victims", "Outlets", "Links", "CreatedAt", "UpdatedAt")
                SELECT 'Incident ' || n, DATE '2021-01-01' + n, 'Day',
                       (ARRAY['almaty', 'kostanay', 'shymkent', NULL])[1 + n % 4], (ARRAY['detention', 'threat', NULL])[1 + n % 3],
                       '', true, CASE WHEN n % 3 <> 0 THEN TIMESTAMPTZ '2021-03-01' + n * INTERVAL '1 minute' END,
                       '[]', '{}', '{}', now(), TIMESTAMPTZ '2021-03-01'
                  FROM generate_series(1, 60) AS n
                """);
            (published, changed) = await AssertKeptAsync(connection, changed);
            Assert.Equal(40, published);

            // A change of unpublished incidents only leaves the state as it was (caches keep their copies).
            await ExecuteAsync(connection, """UPDATE "Incidents" SET "Summary" = 'checked' WHERE "PublishedAt" IS NULL""");
            Assert.Equal((published, changed), await StateAsync(connection));

            await ExecuteAsync(connection, """UPDATE "Incidents" SET "RegionCode" = 'atyrau' WHERE "Id" % 5 = 0""");
            (published, changed) = await AssertKeptAsync(connection, changed);

            // An edit of published incidents that leaves their timestamps alone still changes the state.
            await ExecuteAsync(connection, """UPDATE "Incidents" SET "Summary" = 'reworded' WHERE "PublishedAt" IS NOT NULL AND "Id" % 7 = 0""");
            (published, changed) = await AssertKeptAsync(connection, changed);

            await ExecuteAsync(connection, """UPDATE "Incidents" SET "PublishedAt" = NULL, "WithdrawnAt" = now() WHERE "PublishedAt" IS NOT NULL AND "Id" % 4 = 1""");
            (var afterWithdrawal, changed) = await AssertKeptAsync(connection, changed);
            Assert.True(afterWithdrawal < published);

            await ExecuteAsync(connection, """UPDATE "Incidents" SET "PublishedAt" = now(), "CategoryCode" = 'obstruction' WHERE "PublishedAt" IS NULL AND "Id" % 2 = 0""");
            (published, changed) = await AssertKeptAsync(connection, changed);
            Assert.True(published > afterWithdrawal);

            await ExecuteAsync(connection, """DELETE FROM "Incidents" WHERE "Id" % 3 = 1""");
            (published, changed) = await AssertKeptAsync(connection, changed);

            await ExecuteAsync(connection, """TRUNCATE "Incidents" CASCADE""");
            (published, _) = await AssertKeptAsync(connection, changed);
            Assert.Equal(0, published);
            Assert.Empty(await ListAsync(connection, Kept));
        });
    }

    [Fact]
    public async Task Two_Editors_publishing_at_once_are_both_counted()
    {
        await WithDatabaseAsync(async database =>
        {
            await using var first = new NpgsqlConnection(database.ConnectionString);
            await using var second = new NpgsqlConnection(database.ConnectionString);
            await first.OpenAsync();
            await second.OpenAsync();
            await ExecuteAsync(first, """
                INSERT INTO "Incidents" ("Title", "OccurredOn", "DatePrecision", "RegionCode", "CategoryCode", "Summary", "IsPublic",
                                         "Victims", "Outlets", "Links", "CreatedAt", "UpdatedAt")
                SELECT 'Incident ' || n, DATE '2021-01-01', 'Day', 'almaty', 'threat', '', true, '[]', '{}', '{}', now(), now()
                  FROM generate_series(1, 2) AS n
                """);
            var ids = await ListAsync(first, """SELECT "Id"::text FROM "Incidents" ORDER BY 1""");

            await using var one = await first.BeginTransactionAsync();
            await ExecuteAsync(first, $"""UPDATE "Incidents" SET "PublishedAt" = now() WHERE "Id" = {ids[0]}""", one);
            await using var other = await second.BeginTransactionAsync();
            // Waits for the first to end: both add to the same totals and counts.
            var waiting = ExecuteAsync(second, $"""UPDATE "Incidents" SET "PublishedAt" = now() WHERE "Id" = {ids[1]}""", other);
            await Task.Delay(500);
            Assert.False(waiting.IsCompleted, "the second publication waits for the first");
            await one.CommitAsync();
            await waiting;
            await other.CommitAsync();

            var (published, _) = await AssertKeptAsync(first, null);
            Assert.Equal(2, published);
            Assert.Equal(new[] { "almaty/threat=2" }, await ListAsync(first, Kept));
            Assert.Equal(new[] { "2021-01-01=2" }, await ListAsync(first, """SELECT "Month"::text || '=' || "Published" FROM public_incident_months"""));
        });
    }

    [Fact]
    public async Task The_migration_starts_the_counts_from_the_incidents_there_are_and_goes_back_to_counting_them()
    {
        await WithDatabaseAsync(async database =>
        {
            await using var db = database.CreateDbContext();
            var migrations = db.Database.GetMigrations().ToList();
            var counts = migrations.FindIndex(m => m.EndsWith("_PublicRegistryCounts", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[counts - 1]);

            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await ExecuteAsync(connection, """
                INSERT INTO "Incidents" ("Title", "OccurredOn", "DatePrecision", "RegionCode", "CategoryCode", "Summary", "IsPublic",
                                         "PublishedAt", "WithdrawnAt", "Victims", "Outlets", "Links", "CreatedAt", "UpdatedAt")
                SELECT 'Incident ' || n, DATE '2021-01-01', 'Day', (ARRAY['almaty', 'kostanay'])[1 + n % 2], 'threat', '', true,
                       CASE WHEN n <= 5 THEN TIMESTAMPTZ '2021-03-01' + n * INTERVAL '1 day' END,
                       CASE WHEN n = 7 THEN TIMESTAMPTZ '2021-04-01' END, '[]', '{}', '{}', now(), TIMESTAMPTZ '2021-03-01'
                  FROM generate_series(1, 8) AS n
                """);
            var counted = await StateAsync(connection);
            Assert.Equal((5L, (DateTimeOffset?)new DateTimeOffset(2021, 4, 1, 0, 0, 0, TimeSpan.Zero)), counted);

            await migrator.MigrateAsync(migrations[counts]);
            Assert.Equal(counted, await StateAsync(connection));
            Assert.Equal(await ListAsync(connection, Recount), await ListAsync(connection, Kept));
            Assert.Equal(new[] { "almaty/threat=2", "kostanay/threat=3" }, await ListAsync(connection, Kept));

            await ExecuteAsync(connection, """UPDATE "Incidents" SET "PublishedAt" = now() WHERE "PublishedAt" IS NULL AND "WithdrawnAt" IS NULL""");
            await AssertKeptAsync(connection, counted.ChangedAt);

            // Down again, the view counts the incidents as before, with the same answer.
            var kept = await StateAsync(connection);
            await migrator.MigrateAsync(migrations[counts - 1]);
            Assert.Equal(kept.Published, (await StateAsync(connection)).Published);
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM pg_class WHERE relname IN ('public_registry_totals', 'public_registry_counts')"));
        });
    }

    /// <summary>The kept counts equal a recount and the state's total their sum; ChangedAt moved on from <paramref name="before"/>.</summary>
    private static async Task<(long Published, DateTimeOffset? ChangedAt)> AssertKeptAsync(NpgsqlConnection connection, DateTimeOffset? before)
    {
        var recount = await ListAsync(connection, Recount);
        Assert.Equal(recount, await ListAsync(connection, Kept));
        var state = await StateAsync(connection);
        Assert.Equal(await ScalarAsync(connection, """SELECT count(*) FROM "Incidents" WHERE "PublishedAt" IS NOT NULL"""), state.Published);
        Assert.True(state.ChangedAt > (before ?? DateTimeOffset.MinValue), $"ChangedAt {state.ChangedAt:O} after {before:O}");
        return state;
    }

    private static async Task<(long Published, DateTimeOffset? ChangedAt)> StateAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""SELECT "Published", "ChangedAt" FROM public_registry_state""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var state = (reader.GetInt64(0), reader.IsDBNull(1) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(1));
        Assert.False(await reader.ReadAsync(), "one row");
        return state;
    }

    internal static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    internal static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task WithDatabaseAsync(Func<PostgresDatabase, Task> test)
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            await test(database);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
