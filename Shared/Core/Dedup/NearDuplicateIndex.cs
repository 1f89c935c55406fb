using System.Data;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Language.Dedup;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AdilSoz.Intake.Core.Dedup;

/// <summary>A new submission to look up: its fingerprint and how far back to look.</summary>
public sealed record LookupRequest(long SubmissionId, Fingerprint Fingerprint, DateTimeOffset Since);

/// <summary>An earlier submission found for a new one, with the cluster it is in.</summary>
public sealed record FoundSubmission(long SubmissionId, long ClusterId, MatchResult Result);

/// <summary>What the index holds for one new submission: the exact duplicate (earliest), and the near ones, best first.</summary>
public sealed record LookupResult(FoundSubmission? Exact, IReadOnlyList<FoundSubmission> Near);

/// <summary>
/// The database side of duplicate detection. Exact duplicates are found by the normalised text's hash;
/// near ones through a submission's index keys in DedupKeys (index on Key, ReceivedAt): candidates are the
/// recent submissions sharing most keys with a new one — each key contributes at most its
/// <see cref="PerKeyLimit"/> (or <see cref="CombinedKeyLimit"/>) most recent rows, so a common key cannot
/// make the lookup slow — and each candidate is verified with <see cref="DuplicateMatcher"/>.
/// <para>
/// Every lookup takes a list of requests (one submission is a list of one) in one round trip: a batch of the
/// exact queries and the candidate queries, which return the candidates' fingerprints.
/// </para>
/// </summary>
public sealed class NearDuplicateIndex(MatchThresholds? thresholds = null)
{
    /// <summary>
    /// Rows read per single-token key: a key shared by more recent submissions than this says little anyway (it
    /// then counts a tenth). At a million reports nearly every single-token key (a first name, an outlet's word, a
    /// text band of common phrases) fills it, so the limit is most of a lookup's work: 32 read some 1,700 index
    /// entries a lookup, 16 half as many, each lookup's own time 2.4× less, with the same duplicates found.
    /// </summary>
    public int PerKeyLimit { get; init; } = 16;

    /// <summary>
    /// Rows read per combined key (a name with a date or a region, a file): such a key is shared by few
    /// reports but those few are likely the answer, so it reads further back.
    /// </summary>
    public int CombinedKeyLimit { get; init; } = 48;

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
    // one, and a key that filled its limit (a first name, a common word) counts for a tenth of that. The best
    // candidates come with their fingerprints and clusters (a submission deleted meanwhile drops out here).
    private const string CandidatesSql = """
        SELECT s."Id", s."Fingerprint"::text, coalesce(s."ClusterId", s."Id")
        FROM (
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
            LIMIT @top) c
        JOIN "Submissions" s ON s."Id" = c."SubmissionId"
        WHERE s."Fingerprint" IS NOT NULL
        """;

    private const string ExactSql = """
        SELECT "Id", coalesce("ClusterId", "Id") FROM "Submissions"
        WHERE "TextHash" = @hash AND "Id" <> @exclude AND "ReceivedAt" >= @since ORDER BY "Id" LIMIT 1
        """;

    /// <summary>
    /// For each request, the earliest submission since its <see cref="LookupRequest.Since"/> with the same
    /// normalised text, and the submissions received since then (and before the fingerprint's own receipt
    /// plus <see cref="UntilSlackDays"/>) that reach at least the suggestion threshold, best first; never
    /// the request's own submission. The requests do not see each other: a caller looking up several new
    /// submissions at once compares them among themselves.
    /// </summary>
    public async Task<IReadOnlyList<LookupResult>> FindAsync(IntakeDbContext db, IReadOnlyList<LookupRequest> requests, CancellationToken ct)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        var connection = await OpenAsync(db, ct);
        var exact = new (long Id, long Cluster)?[requests.Count];
        var candidates = new List<(long Id, long Cluster)>[requests.Count];

        // A candidate of several requests (reports of one event in a batch) is read once.
        var fingerprints = new Dictionary<long, Fingerprint>();

        // Note: the planner estimates every key at the average number of rows and then prefers a bitmap
        // scan that reads all rows of a common key and sorts them; with bitmap scans off it walks the
        // (Key, ReceivedAt) index backwards and stops after the key's limit of rows. The setting is reset at the
        // end of the batch (SET LOCAL would do nothing outside a transaction); if a statement fails, the
        // transaction's rollback undoes it. The exact queries run before it: they want the planner's own choice
        // for the TextHash index. The statements are prepared (once per connection) whatever the connection string
        // says about automatic preparation (the processes' turns it on): planning the candidates' query took some
        // 0.4 ms, a sixth of a lookup.
        await using (var batch = new NpgsqlBatch(connection))
        {
            foreach (var r in requests)
            {
                batch.BatchCommands.Add(ExactCommand(r));
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET enable_bitmapscan = off"));
            foreach (var r in requests)
            {
                batch.BatchCommands.Add(CandidatesCommand(r.Fingerprint, r.Since, r.SubmissionId));
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand("RESET enable_bitmapscan"));
            await batch.PrepareAsync(ct);
            await using var reader = await batch.ExecuteReaderAsync(ct);
            // The reader skips the SET statements (no rows): the exact queries' results, then the candidates'.
            for (var i = 0; i < requests.Count; i++)
            {
                if (i > 0)
                {
                    await reader.NextResultAsync(ct);
                }

                if (await reader.ReadAsync(ct))
                {
                    exact[i] = (reader.GetInt64(0), reader.GetInt64(1));
                }
            }

            for (var i = 0; i < requests.Count; i++)
            {
                await reader.NextResultAsync(ct);
                candidates[i] = [];
                while (await reader.ReadAsync(ct))
                {
                    var id = reader.GetInt64(0);
                    if (!fingerprints.ContainsKey(id))
                    {
                        await using var json = await reader.GetStreamAsync(1, ct);
                        fingerprints[id] = Fingerprint.FromJson(json);
                    }

                    candidates[i].Add((id, reader.GetInt64(2)));
                }
            }
        }

        var results = new List<LookupResult>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var near = new List<FoundSubmission>();
            foreach (var (id, cluster) in candidates[i])
            {
                if (DuplicateMatcher.Compare(requests[i].Fingerprint, fingerprints[id], Thresholds) is { Level: not null } result)
                {
                    near.Add(new FoundSubmission(id, cluster, result));
                }
            }

            var found = exact[i] is { } x ? new FoundSubmission(x.Id, x.Cluster, new MatchResult(1, LinkLevel.Exact, "same text")) : null;
            results.Add(new LookupResult(found, [.. near.OrderByDescending(n => n.Result.Score).ThenByDescending(n => n.SubmissionId)]));
        }

        return results;
    }

    /// <summary>Writes the keys of the submissions in one statement pair, replacing any they had (running it twice changes nothing).</summary>
    public async Task AddAsync(IntakeDbContext db, IReadOnlyList<(long SubmissionId, Fingerprint Fingerprint, DateTimeOffset ReceivedAt)> items, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return;
        }

        var ids = new List<long>();
        var keys = new List<long>();
        var times = new List<DateTimeOffset>();
        foreach (var (id, fp, at) in items)
        {
            foreach (var key in fp.IndexKeys())
            {
                ids.Add(id);
                keys.Add(key);
                times.Add(at.ToUniversalTime());
            }
        }

        var connection = await OpenAsync(db, ct);
        await using var batch = new NpgsqlBatch(connection);
        var delete = new NpgsqlBatchCommand("""DELETE FROM "DedupKeys" WHERE "SubmissionId" = ANY(@ids)""");
        delete.Parameters.Add(new NpgsqlParameter<long[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. items.Select(i => i.SubmissionId)] });
        var insert = new NpgsqlBatchCommand(
            """INSERT INTO "DedupKeys" ("SubmissionId", "Key", "ReceivedAt") SELECT * FROM unnest(@ids, @keys, @at)""");
        insert.Parameters.Add(new NpgsqlParameter<long[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. ids] });
        insert.Parameters.Add(new NpgsqlParameter<long[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. keys] });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. times] });
        batch.BatchCommands.Add(delete);
        batch.BatchCommands.Add(insert);

        // Note: a batch without an explicit transaction runs as one implicit transaction in PostgreSQL.
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand ExactCommand(LookupRequest r)
    {
        // A submission without text has no exact duplicate; the empty query keeps one result set per request.
        if (r.Fingerprint.ExactTextHash is not { } hash)
        {
            return new NpgsqlBatchCommand("SELECT NULL::bigint, NULL::bigint WHERE false");
        }

        var command = new NpgsqlBatchCommand(ExactSql);
        command.Parameters.Add(new NpgsqlParameter<string>("hash", NpgsqlDbType.Text) { TypedValue = hash });
        command.Parameters.Add(new NpgsqlParameter<long>("exclude", NpgsqlDbType.Bigint) { TypedValue = r.SubmissionId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("since", NpgsqlDbType.TimestampTz) { TypedValue = r.Since.ToUniversalTime() });
        return command;
    }

    private NpgsqlBatchCommand CandidatesCommand(Fingerprint fp, DateTimeOffset since, long excludeId)
    {
        var weighted = DedupKeys.WeightedOf(fp);
        var keys = weighted.Keys.ToArray();
        var command = new NpgsqlBatchCommand(CandidatesSql);
        command.Parameters.Add(new NpgsqlParameter<long[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = keys });
        command.Parameters.Add(new NpgsqlParameter<float[]>("weights", NpgsqlDbType.Array | NpgsqlDbType.Real) { TypedValue = [.. keys.Select(k => weighted[k].Weight)] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("since", NpgsqlDbType.TimestampTz) { TypedValue = since.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("until", NpgsqlDbType.TimestampTz) { TypedValue = fp.ReceivedAt.ToUniversalTime().AddDays(UntilSlackDays) });
        command.Parameters.Add(new NpgsqlParameter<int[]>("limits", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. keys.Select(k => weighted[k].Combined ? CombinedKeyLimit : PerKeyLimit)] });
        command.Parameters.Add(new NpgsqlParameter<long>("exclude", NpgsqlDbType.Bigint) { TypedValue = excludeId });
        command.Parameters.Add(new NpgsqlParameter<int>("top", NpgsqlDbType.Integer) { TypedValue = MaxCandidates });
        return command;
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
