using AdilSoz.Intake.Language.Dedup;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
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

// Lookups and key writes for a batch of new submissions in a fixed number of round trips: one batch of
// exact and candidate queries, one query for the candidates' fingerprints, one write of all keys.
public sealed partial class NearDuplicateIndex
{
    private const string ExactSql = """
        SELECT "Id", coalesce("ClusterId", "Id") FROM "Submissions"
        WHERE "TextHash" = @hash AND "Id" <> @exclude AND "ReceivedAt" >= @since ORDER BY "Id" LIMIT 1
        """;

    /// <summary>
    /// Looks every request up against what the database holds (the requests do not see each other:
    /// the caller compares a batch's members among themselves). Same candidates and verification as
    /// <see cref="FindAsync"/> and <see cref="FindExactAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<LookupResult>> FindManyAsync(IntakeDbContext db, IReadOnlyList<LookupRequest> requests, CancellationToken ct)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        var connection = await OpenAsync(db, ct);
        var exact = new (long Id, long Cluster)?[requests.Count];
        var candidates = new List<long>[requests.Count];
        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_bitmapscan = off"));
            foreach (var r in requests)
            {
                var hash = r.Fingerprint.ExactTextHash;
                var e = new NpgsqlBatchCommand(hash is null ? "SELECT NULL::bigint, NULL::bigint WHERE false" : ExactSql);
                if (hash is not null)
                {
                    e.Parameters.Add(new NpgsqlParameter<string>("hash", NpgsqlDbType.Text) { TypedValue = hash });
                    e.Parameters.Add(new NpgsqlParameter<long>("exclude", NpgsqlDbType.Bigint) { TypedValue = r.SubmissionId });
                    e.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("since", NpgsqlDbType.TimestampTz) { TypedValue = r.Since.ToUniversalTime() });
                }

                batch.BatchCommands.Add(e);
                batch.BatchCommands.Add(CandidatesCommand(r.Fingerprint, r.Since, r.SubmissionId));
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_bitmapscan = on"));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            // The reader skips the SET statements (no rows): it starts at the first request's exact query.
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

                await reader.NextResultAsync(ct);
                candidates[i] = [];
                while (await reader.ReadAsync(ct))
                {
                    candidates[i].Add(reader.GetInt64(0));
                }
            }
        }

        var ids = candidates.SelectMany(c => c).Distinct().ToArray();
        var known = new Dictionary<long, (Fingerprint Fingerprint, long Cluster)>();
        if (ids.Length > 0)
        {
            await using var command = new NpgsqlCommand(
                """SELECT "Id", "Fingerprint"::text, coalesce("ClusterId", "Id") FROM "Submissions" WHERE "Id" = ANY(@ids) AND "Fingerprint" IS NOT NULL""",
                connection);
            command.Parameters.Add(new NpgsqlParameter<long[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = ids });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                known[reader.GetInt64(0)] = (Fingerprint.FromJson(reader.GetString(1)), reader.GetInt64(2));
            }
        }

        var results = new List<LookupResult>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var near = new List<FoundSubmission>();
            foreach (var id in candidates[i])
            {
                if (known.TryGetValue(id, out var other) && DuplicateMatcher.Compare(requests[i].Fingerprint, other.Fingerprint, Thresholds) is { Level: not null } result)
                {
                    near.Add(new FoundSubmission(id, other.Cluster, result));
                }
            }

            var found = exact[i] is { } x ? new FoundSubmission(x.Id, x.Cluster, new MatchResult(1, LinkLevel.Exact, "same text")) : null;
            results.Add(new LookupResult(found, [.. near.OrderByDescending(n => n.Result.Score).ThenByDescending(n => n.SubmissionId)]));
        }

        return results;
    }

    /// <summary>Writes the keys of many submissions in one statement pair, replacing any they had.</summary>
    public async Task AddManyAsync(IntakeDbContext db, IReadOnlyList<(long SubmissionId, Fingerprint Fingerprint, DateTimeOffset ReceivedAt)> items, CancellationToken ct)
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
        await batch.ExecuteNonQueryAsync(ct);
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
}
