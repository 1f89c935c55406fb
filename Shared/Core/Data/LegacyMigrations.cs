using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AdilSoz.Intake.Core.Data;

/// <summary>
/// The eight migrations that built the schema before it was squashed into the one <c>Initial</c>. Their
/// schema is the Initial's but for the order of columns and one default, so a database they built needs only
/// its history rewritten (and that default dropped): <c>Admin migrate --from-legacy</c>, run once with the
/// owner's connection string, does that; every other start refuses such a database with one line.
/// </summary>
public static class LegacyMigrations
{
    /// <summary>What the operator runs on a local database of <c>run.sh</c>.</summary>
    public const string Command = "./run.sh admin migrate --from-legacy";

    public static readonly IReadOnlyList<string> Ids =
    [
        "20261128210104_Initial",
        "20261128212729_IncidentSearch",
        "20261128213829_RegistryFilterIndexes",
        "20261128223312_StaffRecipientsAndRetention",
        "20261203185701_ForgedSenderAndErasureCodes",
        "20261203185740_EncryptSignaturesAndForwardOrigins",
        "20261203200049_StaffTwoFactorAndAccountLifecycle",
        "20261203200123_SessionKeyRingApart",
    ];

    private const string HistoryTable = "\"__EFMigrationsHistory\"";

    /// <summary>Stops a start on a database whose history still names a legacy migration.</summary>
    public static async Task ThrowIfLegacyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var history = await ReadHistoryAsync(connection, null, cancellationToken);
        if (history.Any(Ids.Contains))
        {
            throw new StartupException(
                $"This database was built by the migrations that came before the one Initial: run `{Command}` once " +
                "(or `Admin migrate --from-legacy` with its owner's connection string), then start again.");
        }
    }

    /// <summary>
    /// Replaces the history rows of the eight legacy migrations by the one row of <c>Initial</c>, in one
    /// transaction; refuses, changing nothing, unless the history is exactly those eight.
    /// </summary>
    /// <returns>The id of the Initial now in the history.</returns>
    public static async Task<string> ReplaceHistoryAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        string initial;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            initial = db.Database.GetMigrations().First();
        }

        var connectionString = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var history = await ReadHistoryAsync(connection, transaction, cancellationToken);
        if (!history.Order(StringComparer.Ordinal).SequenceEqual(Ids))
        {
            var found = history.Count == 0 ? "no migrations"
                : history.Contains(initial) ? $"already {initial}"
                : $"{history.Count} migrations ({history.Count(Ids.Contains)} of the eight)";
            throw new StartupException(
                $"migrate --from-legacy: the history of this database is not the eight legacy migrations (it has {found}); nothing was changed.");
        }

        await using (var replace = new NpgsqlCommand(
            $"DELETE FROM {HistoryTable}; INSERT INTO {HistoryTable} (\"MigrationId\", \"ProductVersion\") VALUES (@id, @version); " +
            // The one difference of schema besides the order of columns: the legacy migration that added the
            // column gave existing rows a default, which the Initial does not have.
            "ALTER TABLE \"AspNetUsers\" ALTER COLUMN \"MustChangePassword\" DROP DEFAULT",
            connection, transaction))
        {
            replace.Parameters.AddWithValue("id", initial);
            replace.Parameters.AddWithValue("version", ProductInfo.GetVersion());
            await replace.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return initial;
    }

    private static async Task<List<string>> ReadHistoryAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('public.{HistoryTable}') IS NOT NULL", connection, transaction))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return [];
            }
        }

        // Inside the rewrite's transaction the lock keeps a migrating process from reading the history half-way.
        var sql = transaction is null
            ? $"SELECT \"MigrationId\" FROM {HistoryTable}"
            : $"LOCK TABLE {HistoryTable} IN ACCESS EXCLUSIVE MODE; SELECT \"MigrationId\" FROM {HistoryTable}";
        await using var read = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
