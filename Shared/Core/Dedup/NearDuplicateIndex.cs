using AdilSoz.Intake.Language.Dedup;
using System.Data;
using AdilSoz.Intake.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AdilSoz.Intake.Core.Dedup;

/// <summary>
/// The database side of near-duplicate detection: a submission's index keys live in DedupKeys
/// (index on Key, ReceivedAt). Candidates are the recent submissions sharing most keys with a new
/// one — each key contributes at most its <see cref="PerKeyLimit"/> (or <see cref="CombinedKeyLimit"/>) most recent rows, so a common key
/// cannot make the lookup slow — and each candidate is verified with <see cref="DuplicateMatcher"/>.
/// </summary>
public sealed partial class NearDuplicateIndex(MatchThresholds? thresholds = null)
{
    /// <summary>Rows read per single-token key: a key shared by more recent submissions than this says little anyway.</summary>
    public int PerKeyLimit { get; init; } = 32;

    /// <summary>
    /// Rows read per combined key (a name with a date or a region, a file): such a key is shared by few
    /// reports but those few are likely the answer, so it reads further back.
    /// </summary>
    public int CombinedKeyLimit { get; init; } = 96;

    /// <summary>Candidates (by number of shared keys) verified per lookup.</summary>
    public int MaxCandidates { get; init; } = 24;

    /// <summary>
    /// Candidates are received before the new submission plus this slack (a no-op for live intake; for a
    /// backfill of old mail it keeps the lookup about the mail's own time).
    /// </summary>
    public int UntilSlackDays { get; init; } = 30;

    public MatchThresholds Thresholds { get; } = thresholds ?? MatchThresholds.Default;

    // Each key brings at most its limit of recent rows; a candidate's weight is the sum over shared keys of
    // weight(kind) / (rows of that key), so a rare key (a surname on a date, a photo) counts more than a common
    // one, and a key that filled its limit (a first name, a common word) counts for a tenth of that.
    internal const string CandidatesSql = """
        SELECT h."SubmissionId", sum(h.w * CASE WHEN h.n >= h.lim THEN 0.1 ELSE 1.0 END / h.n) AS weight
        FROM unnest(@keys, @weights, @limits) AS k(key, w, lim)
        CROSS JOIN LATERAL (
            SELECT d."SubmissionId", k.w, k.lim, count(*) OVER () AS n FROM (
                SELECT d."SubmissionId" FROM "DedupKeys" d
                WHERE d."Key" = k.key AND d."ReceivedAt" >= @since AND d."ReceivedAt" <= @until
                ORDER BY d."ReceivedAt" DESC
                LIMIT k.lim) d) h
        WHERE h."SubmissionId" <> @exclude
        GROUP BY h."SubmissionId"
        ORDER BY weight DESC, h."SubmissionId" DESC
        LIMIT @top
        """;

    /// <summary>
    /// Submissions received since <paramref name="since"/> (and before the fingerprint's own receipt plus
    /// <see cref="UntilSlackDays"/>), other than <paramref name="excludeId"/>)
    /// that reach at least the suggestion threshold, best first.
    /// </summary>
    public async Task<IReadOnlyList<(long SubmissionId, MatchResult Result)>> FindAsync(
        IntakeDbContext db, Fingerprint fp, DateTimeOffset since, long excludeId, CancellationToken ct)
    {
        var weighted = DedupKeys.WeightedOf(fp);
        var keys = weighted.Keys.ToArray();
        var weights = keys.Select(k => weighted[k].Weight).ToArray();
        var limits = keys.Select(k => weighted[k].Combined ? CombinedKeyLimit : PerKeyLimit).ToArray();
        if (keys.Length == 0)
        {
            return [];
        }

        var connection = await OpenAsync(db, ct);
        var candidates = new List<long>(MaxCandidates);
        // Note: the planner estimates every key at the average number of rows and then prefers a bitmap
        // scan that reads all rows of a common key and sorts them; with bitmap scans off it walks the
        // (Key, ReceivedAt) index backwards and stops after the key's limit of rows. SET LOCAL lasts to the end of
        // the batch's implicit transaction, and is switched back for a caller's open transaction.
        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_bitmapscan = off"));
            var command = new NpgsqlBatchCommand(CandidatesSql);
            command.Parameters.Add(new NpgsqlParameter<long[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = keys });
            command.Parameters.Add(new NpgsqlParameter<float[]>("weights", NpgsqlDbType.Array | NpgsqlDbType.Real) { TypedValue = weights });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("since", NpgsqlDbType.TimestampTz) { TypedValue = since.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("until", NpgsqlDbType.TimestampTz) { TypedValue = fp.ReceivedAt.ToUniversalTime().AddDays(UntilSlackDays) });
            command.Parameters.Add(new NpgsqlParameter<int[]>("limits", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = limits });
            command.Parameters.Add(new NpgsqlParameter<long>("exclude", NpgsqlDbType.Bigint) { TypedValue = excludeId });
            command.Parameters.Add(new NpgsqlParameter<int>("top", NpgsqlDbType.Integer) { TypedValue = MaxCandidates });
            batch.BatchCommands.Add(command);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_bitmapscan = on"));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                candidates.Add(reader.GetInt64(0));
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var results = new List<(long, MatchResult)>();
        await using (var command = new NpgsqlCommand("""SELECT "Id", "Fingerprint"::text FROM "Submissions" WHERE "Id" = ANY(@ids) AND "Fingerprint" IS NOT NULL""", connection))
        {
            command.Parameters.Add(new NpgsqlParameter<long[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. candidates] });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var other = Fingerprint.FromJson(reader.GetString(1));
                var result = DuplicateMatcher.Compare(fp, other, Thresholds);
                if (result.Level is not null)
                {
                    results.Add((reader.GetInt64(0), result));
                }
            }
        }

        return results.OrderByDescending(r => r.Item2.Score).ThenByDescending(r => r.Item1).ToList();
    }

    /// <summary>The earliest submission since <paramref name="since"/> with the same normalised text, or null.</summary>
    public static async Task<long?> FindExactAsync(IntakeDbContext db, string textHash, DateTimeOffset since, long excludeId, CancellationToken ct)
    {
        var connection = await OpenAsync(db, ct);
        await using var command = new NpgsqlCommand(
            """SELECT "Id" FROM "Submissions" WHERE "TextHash" = @hash AND "Id" <> @exclude AND "ReceivedAt" >= @since ORDER BY "Id" LIMIT 1""",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string>("hash", NpgsqlDbType.Text) { TypedValue = textHash });
        command.Parameters.Add(new NpgsqlParameter<long>("exclude", NpgsqlDbType.Bigint) { TypedValue = excludeId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("since", NpgsqlDbType.TimestampTz) { TypedValue = since.ToUniversalTime() });
        return await command.ExecuteScalarAsync(ct) is long id ? id : null;
    }

    /// <summary>Writes the keys of a submission, replacing any it had (running it twice changes nothing).</summary>
    public async Task AddAsync(IntakeDbContext db, long submissionId, Fingerprint fp, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var connection = await OpenAsync(db, ct);
        await using var batch = new NpgsqlBatch(connection);
        var delete = new NpgsqlBatchCommand("""DELETE FROM "DedupKeys" WHERE "SubmissionId" = @id""");
        delete.Parameters.Add(new NpgsqlParameter<long>("id", NpgsqlDbType.Bigint) { TypedValue = submissionId });
        var insert = new NpgsqlBatchCommand(
            """INSERT INTO "DedupKeys" ("SubmissionId", "Key", "ReceivedAt") SELECT @id, k, @at FROM unnest(@keys) AS k""");
        insert.Parameters.Add(new NpgsqlParameter<long>("id", NpgsqlDbType.Bigint) { TypedValue = submissionId });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", NpgsqlDbType.TimestampTz) { TypedValue = receivedAt.ToUniversalTime() });
        insert.Parameters.Add(new NpgsqlParameter<long[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. fp.IndexKeys()] });
        batch.BatchCommands.Add(delete);
        batch.BatchCommands.Add(insert);

        // Note: a batch without an explicit transaction runs as one implicit transaction in PostgreSQL.
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static async Task<NpgsqlConnection> OpenAsync(IntakeDbContext db, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        return connection;
    }
}
