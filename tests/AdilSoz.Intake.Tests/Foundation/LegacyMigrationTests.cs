using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace AdilSoz.Intake.Tests.Foundation;

/// <summary>
/// A database built before the migrations were squashed into one Initial has the same schema (compared with
/// <c>pg_dump --schema-only</c>) and the eight legacy ids in its history; each test makes one by writing that
/// history over a database migrated to the Initial.
/// </summary>
public sealed class LegacyMigrationTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_database_with_the_legacy_history_stops_at_start_with_one_line_naming_the_command()
    {
        await WithDatabaseAsync(async database =>
        {
            await WriteHistoryAsync(database, LegacyMigrations.Ids);

            var result = await HostProcess.RunAsync("Admin", Env(database), null, Limit, "migrate");

            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("`./run.sh admin migrate --from-legacy`", line, StringComparison.Ordinal);
            Assert.Equal(LegacyMigrations.Ids, await ReadHistoryAsync(database));
        });
    }

    [Fact]
    public async Task Migrate_from_legacy_replaces_the_history_by_the_Initial_and_keeps_the_data()
    {
        await WithDatabaseAsync(async database =>
        {
            // Written in SQL: the legacy schema has none of the columns later migrations add to the model.
            var reference = (string)(await ExecuteAsync(database, """
                INSERT INTO "Submissions" ("Channel", "Kind", "Status", "Text", "ReceivedAt", "UpdatedAt", "MayNameReporter", "Urgent")
                VALUES ('Email', 'Report', 'Received', 'kept across', now(), now(), false, false) RETURNING "Reference"
                """))!;

            await WriteHistoryAsync(database, LegacyMigrations.Ids);
            // The legacy migration that added this column left a default on it, which the Initial has not.
            await ExecuteAsync(database, """ALTER TABLE "AspNetUsers" ALTER COLUMN "MustChangePassword" SET DEFAULT false""");

            var converted = await HostProcess.RunAsync("Admin", Env(database), null, Limit, "migrate", "--from-legacy");

            Assert.True(converted.ExitCode == 0, converted.StdErr);
            await using (var db = database.CreateDbContext())
            {
                var initial = db.Database.GetMigrations().First();
                Assert.EndsWith("_Initial", initial, StringComparison.Ordinal);
                // The Initial replaced the eight, and the migrations that came after it were applied on top.
                Assert.Equal(db.Database.GetMigrations(), await ReadHistoryAsync(database));
                Assert.Contains(initial, converted.StdOut, StringComparison.Ordinal);
                Assert.Equal("kept across", (await db.Submissions.SingleAsync(s => s.Reference == reference)).Text);
                Assert.Equal(DBNull.Value, await ExecuteAsync(database,
                    "SELECT column_default FROM information_schema.columns WHERE table_name = 'AspNetUsers' AND column_name = 'MustChangePassword'"));
            }

            // The database now starts like any other.
            var started = await HostProcess.RunAsync("Admin", Env(database), null, Limit, "migrate");
            Assert.True(started.ExitCode == 0, started.StdErr);
        });
    }

    [Theory]
    [InlineData("seven of the eight", "7 migrations (7 of the eight)")]
    [InlineData("the current Initial", "already ")]
    [InlineData("none", "no migrations")]
    public async Task Migrate_from_legacy_refuses_any_other_history_and_changes_nothing(string history, string said)
    {
        await WithDatabaseAsync(async database =>
        {
            var before = history switch
            {
                "seven of the eight" => LegacyMigrations.Ids.Take(7).ToList(),
                "none" => [],
                _ => await ReadHistoryAsync(database),
            };
            await WriteHistoryAsync(database, before);

            var result = await HostProcess.RunAsync("Admin", Env(database), null, Limit, "migrate", "--from-legacy");

            Assert.Equal(1, result.ExitCode);
            var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("not the eight legacy migrations", line, StringComparison.Ordinal);
            Assert.Contains(said, line, StringComparison.Ordinal);
            Assert.Equal(before, await ReadHistoryAsync(database));
        });
    }

    private static async Task WithDatabaseAsync(Func<PostgresDatabase, Task> test)
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            // What the legacy migrations built is the Initial's schema, without what later migrations add.
            await using (var db = database.CreateDbContext())
            {
                await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
            }

            await test(database);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static Dictionary<string, string?> Env(PostgresDatabase database) => new()
    {
        ["ConnectionStrings__Intake"] = database.ConnectionString,
    };

    private static async Task WriteHistoryAsync(PostgresDatabase database, IEnumerable<string> ids)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var clear = new NpgsqlCommand("""DELETE FROM "__EFMigrationsHistory" """, connection, transaction))
        {
            await clear.ExecuteNonQueryAsync();
        }

        foreach (var id in ids)
        {
            await using var insert = new NpgsqlCommand("""INSERT INTO "__EFMigrationsHistory" VALUES (@id, '10.0.15')""", connection, transaction);
            insert.Parameters.AddWithValue("id", id);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task<object?> ExecuteAsync(PostgresDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<List<string>> ReadHistoryAsync(PostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("""SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1""", connection);
        await using var reader = await read.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
