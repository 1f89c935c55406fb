using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using static AdilSoz.Intake.Tests.WebForm.PublicRegistryCountsTests;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>
/// The public counts by month, region and category (<c>public_incident_months</c>, read by the chart by month) are kept
/// as the incidents change: after every kind of write in SQL and the migration that starts them from the incidents
/// already there, they equal a count of the published incidents themselves, and the counts per region and category
/// still do too.
/// </summary>
public sealed class PublicRegistryMonthsTests
{
    private const string Recount = """
        SELECT to_char(date_trunc('month', "OccurredOn"), 'YYYY-MM') || '/' || coalesce("RegionCode", '-') || '/' || coalesce("CategoryCode", '-') || '=' || count(*)
          FROM "Incidents" WHERE "PublishedAt" IS NOT NULL GROUP BY date_trunc('month', "OccurredOn"), "RegionCode", "CategoryCode" ORDER BY 1
        """;

    private const string Kept = """
        SELECT to_char("Month", 'YYYY-MM') || '/' || coalesce("RegionCode", '-') || '/' || coalesce("CategoryCode", '-') || '=' || "Published"
          FROM public_incident_months ORDER BY 1
        """;

    private const string RecountByRegion = """
        SELECT coalesce("RegionCode", '-') || '/' || coalesce("CategoryCode", '-') || '=' || count(*)
          FROM "Incidents" WHERE "PublishedAt" IS NOT NULL GROUP BY "RegionCode", "CategoryCode" ORDER BY 1
        """;

    private const string KeptByRegion = """
        SELECT coalesce("RegionCode", '-') || '/' || coalesce("CategoryCode", '-') || '=' || "Published"
          FROM public_incident_counts ORDER BY 1
        """;

    [Fact]
    public async Task Month_counts_equal_a_recount_after_bulk_and_single_inserts_moves_publications_withdrawals_deletions_and_truncation()
    {
        await WithDatabaseAsync(async database =>
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();

            // A bulk load in one statement over ten months: two in three published, some without region or category.
            await ExecuteAsync(connection, """
                INSERT INTO "Incidents" ("Title", "OccurredOn", "DatePrecision", "RegionCode", "CategoryCode", "Summary", "IsPublic",
                                         "PublishedAt", "Victims", "Outlets", "Links", "CreatedAt", "UpdatedAt")
                SELECT 'Incident ' || n, DATE '2021-01-01' + n * 5, 'Day',
                       (ARRAY['almaty', 'kostanay', 'shymkent', NULL])[1 + n % 4], (ARRAY['detention', 'threat', NULL])[1 + n % 3],
                       '', true, CASE WHEN n % 3 <> 0 THEN TIMESTAMPTZ '2021-12-01' + n * INTERVAL '1 minute' END,
                       '[]', '{}', '{}', now(), TIMESTAMPTZ '2021-12-01'
                  FROM generate_series(1, 60) AS n
                """);
            var loaded = await AssertKeptAsync(connection);
            Assert.Equal(40, Total(loaded));
            Assert.True(loaded.Select(Month).Distinct().Count() >= 10, string.Join(", ", loaded));

            // One incident more, published, in a month of its own.
            await ExecuteAsync(connection, """
                INSERT INTO "Incidents" ("Title", "OccurredOn", "DatePrecision", "RegionCode", "CategoryCode", "Summary", "IsPublic",
                                         "PublishedAt", "Victims", "Outlets", "Links", "CreatedAt", "UpdatedAt")
                VALUES ('Single', DATE '2019-07-14', 'Day', 'atyrau', 'threat', '', true, now(), '[]', '{}', '{}', now(), now())
                """);
            Assert.Contains("2019-07/atyrau/threat=1", await AssertKeptAsync(connection));

            // Moved to another month: the count leaves the old month and reaches the new one; per region nothing moves.
            var byRegion = await ListAsync(connection, KeptByRegion);
            await ExecuteAsync(connection, """UPDATE "Incidents" SET "OccurredOn" = DATE '2019-08-02' WHERE "Title" = 'Single'""");
            var moved = await AssertKeptAsync(connection);
            Assert.Contains("2019-08/atyrau/threat=1", moved);
            Assert.DoesNotContain(moved, r => r.StartsWith("2019-07", StringComparison.Ordinal));
            Assert.Equal(byRegion, await ListAsync(connection, KeptByRegion));

            // Moved in month, region and category at once, and in region or category alone.
            await ExecuteAsync(connection, """UPDATE "Incidents" SET "OccurredOn" = "OccurredOn" + 40 WHERE "Id" % 5 = 0""");
            await AssertKeptAsync(connection);
            await ExecuteAsync(connection, """UPDATE "Incidents" SET "RegionCode" = 'atyrau' WHERE "Id" % 6 = 1""");
            await AssertKeptAsync(connection);
            await ExecuteAsync(connection, """UPDATE "Incidents" SET "CategoryCode" = 'obstruction', "OccurredOn" = DATE '2020-02-29' WHERE "Id" % 7 = 2""");
            await AssertKeptAsync(connection);

            // Withdrawn, published, deleted.
            var before = Total(await ListAsync(connection, Kept));
            await ExecuteAsync(connection, """UPDATE "Incidents" SET "PublishedAt" = NULL, "WithdrawnAt" = now() WHERE "PublishedAt" IS NOT NULL AND "Id" % 4 = 1""");
            var withdrawn = Total(await AssertKeptAsync(connection));
            Assert.True(withdrawn < before, $"{withdrawn} < {before}");
            await ExecuteAsync(connection, """UPDATE "Incidents" SET "PublishedAt" = now(), "OccurredOn" = DATE '2022-05-05' WHERE "PublishedAt" IS NULL AND "Id" % 2 = 0""");
            Assert.True(Total(await AssertKeptAsync(connection)) > withdrawn);
            await ExecuteAsync(connection, """DELETE FROM "Incidents" WHERE "Id" % 3 = 1""");
            await AssertKeptAsync(connection);

            await ExecuteAsync(connection, """TRUNCATE "Incidents" CASCADE""");
            Assert.Empty(await AssertKeptAsync(connection));
        });
    }

    [Fact]
    public async Task The_migration_starts_the_month_counts_from_the_incidents_there_are_and_gives_the_counts_per_region_back_on_the_way_down()
    {
        await WithDatabaseAsync(async database =>
        {
            await using var db = database.CreateDbContext();
            var migrations = db.Database.GetMigrations().ToList();
            var months = migrations.FindIndex(m => m.EndsWith("_PublicRegistryMonths", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[months - 1]);

            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await ExecuteAsync(connection, """
                INSERT INTO "Incidents" ("Title", "OccurredOn", "DatePrecision", "RegionCode", "CategoryCode", "Summary", "IsPublic",
                                         "PublishedAt", "Victims", "Outlets", "Links", "CreatedAt", "UpdatedAt")
                SELECT 'Incident ' || n, DATE '2021-01-20' + n * 7, 'Day', (ARRAY['almaty', 'kostanay'])[1 + n % 2], 'threat', '', true,
                       CASE WHEN n <= 5 THEN TIMESTAMPTZ '2021-03-01' + n * INTERVAL '1 day' END, '[]', '{}', '{}', now(), now()
                  FROM generate_series(1, 8) AS n
                """);

            await migrator.MigrateAsync(migrations[months]);
            Assert.Equal(
                new[] { "2021-01/kostanay/threat=1", "2021-02/almaty/threat=2", "2021-02/kostanay/threat=2" },
                await AssertKeptAsync(connection));
            await ExecuteAsync(connection, """UPDATE "Incidents" SET "PublishedAt" = now() WHERE "PublishedAt" IS NULL""");
            await AssertKeptAsync(connection);

            // Down again, the counts per region and category are still kept, and the month table is gone.
            await migrator.MigrateAsync(migrations[months - 1]);
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM pg_class WHERE relname IN ('public_registry_months', 'public_incident_months')"));
            await ExecuteAsync(connection, """UPDATE "Incidents" SET "RegionCode" = 'atyrau' WHERE "Id" % 2 = 0""");
            Assert.Equal(await ListAsync(connection, RecountByRegion), await ListAsync(connection, KeptByRegion));
        });
    }

    /// <summary>The kept month counts equal a recount, and so do the counts per region and category; returns the month counts.</summary>
    private static async Task<List<string>> AssertKeptAsync(NpgsqlConnection connection)
    {
        var kept = await ListAsync(connection, Kept);
        Assert.Equal(await ListAsync(connection, Recount), kept);
        Assert.Equal(await ListAsync(connection, RecountByRegion), await ListAsync(connection, KeptByRegion));
        return kept;
    }

    private static string Month(string row) => row[..7];

    private static long Total(IEnumerable<string> rows) => rows.Sum(r => long.Parse(r[(r.LastIndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}
