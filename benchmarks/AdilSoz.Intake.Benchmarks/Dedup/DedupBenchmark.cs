using System.Diagnostics;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Dedup;
using AdilSoz.Intake.Language.Dedup;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AdilSoz.Intake.Benchmarks.Dedup;

/// <summary>
/// Near-duplicate lookup against 10k / 100k / 1M prior submissions (keys index + verification),
/// the exact-duplicate check, and pg_trgm similarity with a GIN index on the same texts.
/// </summary>
public static class DedupBenchmark
{
    private const int LoadBatch = 20_000;

    private sealed record Row(
        int Size, TimeSpan Load, TimeSpan Fingerprints, long Keys, TimeSpan KeyIndexBuild, long KeyIndexBytes,
        Stats Lookup, Stats Exact, double FingerprintMicros, double Recall, int FalseLinks, int Queries,
        TimeSpan TrgmIndexBuild, long TrgmIndexBytes, Stats Trgm, double TrgmRecall, int TrgmCount)
    {
        public string LoadAverage { get; init; } = "";

        public bool Reused { get; init; }
    }

    private sealed record Stats(double P50, double P99, double Mean)
    {
        public string Short => $"{P50:0.00} / {P99:0.00}";

        public static Stats Of(List<double> ms)
        {
            if (ms.Count == 0)
            {
                return new Stats(double.NaN, double.NaN, double.NaN);
            }

            ms.Sort();
            return new Stats(ms[(ms.Count - 1) / 2], ms[Math.Max(0, (int)Math.Ceiling(ms.Count * 0.99) - 1)], ms.Average());
        }
    }

    public static async Task<int> RunAsync(DedupBenchmarkOptions options)
    {
        Console.WriteLine($"dedup benchmark: sizes {string.Join(", ", options.Sizes)}; {options.Queries} queries (pg_trgm up to {options.TrgmQueries}, {options.TrgmBudgetSeconds} s budget); {Environment.ProcessorCount} cores; load average {LoadAverage()}");
        var reused = options.Reuse && options.Sizes.Length == 1 ? await BenchDatabase.SubmissionsAsync(options.Server) : null;
        var reuse = reused == options.Sizes[0];
        if (options.Reuse && !reuse)
        {
            Console.WriteLine($"  --reuse: the database holds {reused?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "no"} submissions, not {options.Sizes[0]:N0} of one size: loading it afresh");
        }

        var connectionString = reuse ? BenchDatabase.ConnectionString(options.Server) : await BenchDatabase.CreateAsync(options.Server);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await BenchDatabase.ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_trgm");

        var generator = new SyntheticReports(seed: 20210203);
        var eventOf = new List<long> { 0 };
        var rows = new List<Row>();
        long nextId = 1;
        try
        {
            foreach (var size in options.Sizes)
            {
                if (!reuse)
                {
                    await DropIndexesAsync(connection);
                }

                // Queries with a known answer: the first report of each pair is loaded, the second is asked.
                var pairs = Enumerable.Range(0, options.Queries).Select(_ => generator.Pair(365, lastDays: 30)).ToList();
                var toLoad = size - (eventOf.Count - 1);
                var load = Stopwatch.StartNew();
                var fingerprintTime = TimeSpan.Zero;
                long keys = 0;
                var reports = generator.Generate(Math.Max(0, toLoad - pairs.Count)).Concat(pairs.Select(p => p.First));
                var answers = new Dictionary<int, long>();
                var pairIndex = 0;
                foreach (var batch in reports.Chunk(LoadBatch))
                {
                    var firstId = nextId;

                    // A reused database already holds these reports under these ids (the generator is deterministic):
                    // they are generated again only to know each one's event and the answers' ids.
                    if (!reuse)
                    {
                        var fpWatch = Stopwatch.StartNew();
                        var fps = new Fingerprint[batch.Length];
                        Parallel.For(0, batch.Length, i => fps[i] = Fingerprinter.Compute(
                            new DedupInput(firstId + i, batch[i].Text, null, null, batch[i].ReceivedAt, null, null, batch[i].Files, null)));
                        fingerprintTime += fpWatch.Elapsed;
                        keys += await CopyAsync(connection, batch, fps, firstId);
                    }

                    for (var i = 0; i < batch.Length; i++)
                    {
                        eventOf.Add(batch[i].EventId);
                        if (pairIndex < pairs.Count && ReferenceEquals(batch[i], pairs[pairIndex].First))
                        {
                            answers[pairIndex++] = firstId + i;
                        }
                    }

                    nextId += batch.Length;
                    Console.Write($"\r  {(reuse ? "generated again" : "loaded")} {eventOf.Count - 1:N0} submissions ({load.Elapsed.TotalSeconds:0}s)   ");
                }

                load.Stop();
                Console.WriteLine();
                var (keyBuild, trgmBuild) = reuse
                    ? (TimeSpan.Zero, await BuildTrgmIndexAsync(connection, options.TrgmQueries > 0))
                    : await BuildIndexesAsync(connection, withTrgm: options.TrgmQueries > 0);
                var keyIndexBytes = (long)(await BenchDatabase.ScalarAsync(connection, "SELECT pg_relation_size('\"IX_DedupKeys_Key_ReceivedAt\"')"))!;
                var trgmBytes = options.TrgmQueries > 0
                    ? (long)(await BenchDatabase.ScalarAsync(connection, "SELECT pg_relation_size('ix_bench_submissions_text_trgm')"))!
                    : 0;
                var totalKeys = (long)(await BenchDatabase.ScalarAsync(connection, "SELECT count(*) FROM \"DedupKeys\""))!;
                await PrintMemoryAsync(connection, warm: !reuse && options.Warm);

                var loadBefore = LoadAverage();
                var row = await MeasureAsync(connectionString, connection, pairs, answers, eventOf, options);
                rows.Add(row with
                {
                    LoadAverage = $"{loadBefore} → {LoadAverage()}", Reused = reuse,
                    Size = eventOf.Count - 1, Load = load.Elapsed, Fingerprints = fingerprintTime, Keys = totalKeys,
                    KeyIndexBuild = keyBuild, KeyIndexBytes = keyIndexBytes, TrgmIndexBuild = trgmBuild, TrgmIndexBytes = trgmBytes,
                });
                Print(rows);
            }
        }
        finally
        {
            await connection.CloseAsync();
            if (!options.Keep)
            {
                await BenchDatabase.DropAsync(options.Server);
            }
        }

        return 0;
    }

    private static async Task<Row> MeasureAsync(
        string connectionString, NpgsqlConnection connection, List<(SyntheticReport First, SyntheticReport Second)> pairs,
        Dictionary<int, long> answers, List<long> eventOf, DedupBenchmarkOptions options)
    {
        await using var db = new IntakeDbContext(new DbContextOptionsBuilder<IntakeDbContext>().UseNpgsql(connectionString).Options);
        var defaults = new NearDuplicateIndex();
        var index = new NearDuplicateIndex
        {
            PerKeyLimit = options.PerKeyLimit ?? defaults.PerKeyLimit,
            CombinedKeyLimit = options.CombinedKeyLimit ?? defaults.CombinedKeyLimit,
            MaxCandidates = options.MaxCandidates ?? defaults.MaxCandidates,
        };
        Console.WriteLine($"  rows read per key: {index.PerKeyLimit} (combined keys {index.CombinedKeyLimit}); candidates verified: {index.MaxCandidates}");
        var since = new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var queries = pairs.Select((p, i) => (Report: p.Second, Answer: answers[i], ExactText: p.First.Text)).ToList();
        var fingerprints = queries.Select(q => FingerprintOf(q.Report)).ToList();

        // Warm-up as in a running Worker: plans, and the code compiled optimised (after 30 calls and a pause), by lookups
        // of reports of other events (another seed), so that the measured lookups' own pages stay as the load left them.
        var others = new SyntheticReports(seed: 1);
        foreach (var (_, other) in Enumerable.Range(0, 60).Select(_ => others.Pair(365, lastDays: 30)))
        {
            await index.FindAsync(db, [new LookupRequest(-1, FingerprintOf(other), since)], CancellationToken.None);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));

        var fpMicros = new List<double>();
        foreach (var q in queries)
        {
            var sw = Stopwatch.StartNew();
            FingerprintOf(q.Report);
            fpMicros.Add(sw.Elapsed.TotalMilliseconds * 1000);
        }

        var readBefore = await IndexReadsAsync(connection);
        var pagesBefore = await PagesAsync(connection);

        // The load's garbage is the benchmark's own: the pass starts on a collected heap and counts only its own collections.
        GC.Collect();
        var gcBefore = (Pause: GC.GetTotalPauseDuration(), Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Allocated: GC.GetTotalAllocatedBytes(true));
        var lookup = new List<double>();
        var examples = 6;
        var found = 0;
        var falseLinks = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var sw = Stopwatch.StartNew();
            var results = (await index.FindAsync(db, [new LookupRequest(-1, fingerprints[i], since)], CancellationToken.None))[0].Near;
            lookup.Add(sw.Elapsed.TotalMilliseconds);
            if (results.Any(r => r.SubmissionId == queries[i].Answer && r.Result.Level is LinkLevel.SameEvent or LinkLevel.Exact))
            {
                found++;
            }
            else if (examples-- > 0)
            {
                Console.WriteLine($"  missed ({queries[i].Report.Language}): {Short(queries[i].Report.Text)} | best: {string.Join(" / ", results.Take(2).Select(r => r.Result.Explanation))}");
            }

            foreach (var wrong in results.Where(r => r.Result.Level is LinkLevel.SameEvent or LinkLevel.Exact && eventOf[(int)r.SubmissionId] != queries[i].Report.EventId))
            {
                // Every false link with both texts and both events, to judge whether the two could be told apart.
                falseLinks++;
                var stored = (string)(await BenchDatabase.ScalarAsync(connection, $"SELECT \"Text\" FROM \"Submissions\" WHERE \"Id\" = {wrong.SubmissionId}"))!;
                Console.WriteLine($"  false link {falseLinks}: {wrong.Result.Score} {wrong.Result.Explanation}");
                Console.WriteLine($"    asked   (event {queries[i].Report.EventId}, received {queries[i].Report.ReceivedAt:yyyy-MM-dd}): {queries[i].Report.Text}");
                Console.WriteLine($"    linked  (event {eventOf[(int)wrong.SubmissionId]}, submission {wrong.SubmissionId}): {stored}");
            }
        }

        Console.WriteLine($"  the single pass's garbage collections: {GC.CollectionCount(0) - gcBefore.Gen0} / {GC.CollectionCount(1) - gcBefore.Gen1} / {GC.CollectionCount(2) - gcBefore.Gen2} (gen 0 / 1 / 2), " +
            $"paused {(GC.GetTotalPauseDuration() - gcBefore.Pause).TotalMilliseconds:0.0} ms in all; heap {GC.GetTotalMemory(false) / 1048576} MB; " +
            $"{(GC.GetTotalAllocatedBytes(true) - gcBefore.Allocated) / queries.Count / 1024:N0} KB allocated a lookup");
        var readAfter = await IndexReadsAsync(connection);
        var pagesAfter = await PagesAsync(connection);
        Console.WriteLine($"  the single pass's pages a lookup: {(double)(pagesAfter.Hit - pagesBefore.Hit) / queries.Count:0} from PostgreSQL's memory, " +
            $"{(double)(pagesAfter.Read - pagesBefore.Read) / queries.Count:0} from the kernel (its page cache or the disk)");
        if (options.Passes > 1)
        {
            // On a shared machine one pass's p99 is mostly the scheduler's: each lookup's best of several passes is its own cost.
            var best = new List<double>(lookup);
            var passes = new List<string> { Stats.Of([.. lookup]).Short };
            for (var pass = 1; pass < options.Passes; pass++)
            {
                var times = new double[queries.Count];
                for (var i = 0; i < queries.Count; i++)
                {
                    var sw = Stopwatch.StartNew();
                    await index.FindAsync(db, [new LookupRequest(-1, fingerprints[i], since)], CancellationToken.None);
                    times[i] = sw.Elapsed.TotalMilliseconds;
                    best[i] = Math.Min(best[i], times[i]);
                }

                passes.Add(Stats.Of([.. times]).Short);
            }

            Console.WriteLine($"  each pass's p50 / p99: {string.Join(", ", passes)}");

            // Listed before Stats.Of sorts the times in place.
            var slowest = best.Select((ms, i) => (Ms: ms, Keys: DedupKeys.WeightedOf(fingerprints[i]))).OrderByDescending(x => x.Ms).Take(3)
                .Select(x => $"{x.Ms:0.0} ms with {x.Keys.Count} keys ({x.Keys.Values.Count(k => k.Combined)} combined)").ToList();
            // The single pass's slowest, in order of the pass, with the same lookup's best: a lookup far over its best
            // waited for something else (pages read from disk, the scheduler) that the later passes did not.
            var tail = lookup.Select((ms, i) => (Ms: ms, I: i)).OrderByDescending(x => x.Ms).Take(lookup.Count / 50 + 2).OrderBy(x => x.I)
                .Select(x => $"#{x.I + 1} {x.Ms:0.0} ms (best {best[x.I]:0.0})").ToList();
            Console.WriteLine($"  the single pass's slowest: {string.Join(", ", tail)}");
            var keysPerLookup = fingerprints.Average(fp => DedupKeys.WeightedOf(fp).Count);
            var stats = Stats.Of(best);
            Console.WriteLine($"  each lookup's best of {options.Passes} passes: p50 {stats.P50:0.00} / p99 {stats.P99:0.00} ms (load average {LoadAverage()}); " +
                $"{keysPerLookup:0} keys a lookup, the slowest: {string.Join(", ", slowest)}");
        }

        Console.WriteLine($"  per lookup: {(double)(readAfter.Tuples - readBefore.Tuples) / queries.Count:0} key index entries read, " +
            $"{(double)(readAfter.HeapFetches - readBefore.HeapFetches) / queries.Count:0} of them checked in the table (not yet all-visible)");

        var exact = new List<double>();
        foreach (var q in queries)
        {
            var hash = Fingerprinter.ExactTextHash(q.ExactText)!;
            // A fingerprint with the text's hash only: the lookup's exact query, its candidate query left without keys.
            var request = new LookupRequest(-1, new Fingerprint { ExactTextHash = hash, ReceivedAt = q.Report.ReceivedAt }, since);
            var sw = Stopwatch.StartNew();
            var original = (await index.FindAsync(db, [request], CancellationToken.None))[0].Exact;
            exact.Add(sw.Elapsed.TotalMilliseconds);
            if (original is null)
            {
                throw new InvalidOperationException("exact duplicate not found");
            }
        }

        var trgm = new List<double>();
        var trgmFound = 0;
        var trgmBudget = Stopwatch.StartNew();
        foreach (var q in queries.Take(options.TrgmQueries))
        {
            // pg_trgm takes seconds per query at scale: stop after the time budget (at least 3 queries).
            if (trgm.Count >= 3 && trgmBudget.Elapsed.TotalSeconds > options.TrgmBudgetSeconds)
            {
                break;
            }

            var sw = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(
                """SELECT "Id", similarity("Text", @q) AS s FROM "Submissions" WHERE "Text" % @q ORDER BY s DESC LIMIT 10""", connection)
            { CommandTimeout = 0 };
            command.Parameters.Add(new NpgsqlParameter<string>("q", NpgsqlDbType.Text) { TypedValue = q.Report.Text });
            var ids = new List<long>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    ids.Add(reader.GetInt64(0));
                }
            }

            trgm.Add(sw.Elapsed.TotalMilliseconds);
            if (ids.Contains(q.Answer))
            {
                trgmFound++;
            }
        }

        return new Row(0, default, default, 0, default, 0, Stats.Of(lookup), Stats.Of(exact), Stats.Of(fpMicros).P50,
            (double)found / queries.Count, falseLinks, queries.Count, default, 0, Stats.Of(trgm), trgm.Count == 0 ? double.NaN : (double)trgmFound / trgm.Count, trgm.Count);
    }

    private static Fingerprint FingerprintOf(SyntheticReport report) =>
        Fingerprinter.Compute(new DedupInput(-1, report.Text, null, null, report.ReceivedAt, null, null, report.Files, null));

    /// <summary>
    /// What a lookup reads at random — the key index, the submissions and their primary key and text-hash index — against
    /// PostgreSQL's memory (shared_buffers). A running system writes reports and keys through that memory, so a database
    /// that has the room holds these relations there; the benchmark's load writes them around it (COPY, an index built
    /// at the end), so with <c>warm</c> they are read once through it, by index, as a running system leaves them
    /// (<c>--cold</c> skips it: the lookups then read what is not cached from the kernel).
    /// </summary>
    private static async Task PrintMemoryAsync(NpgsqlConnection connection, bool warm)
    {
        const string relations = """('"IX_DedupKeys_Key_ReceivedAt"'), ('"Submissions"'), ('"PK_Submissions"'), ('"IX_Submissions_TextHash"')""";
        var bytes = (decimal)(await BenchDatabase.ScalarAsync(connection, $"SELECT sum(pg_relation_size(r::regclass)) FROM (VALUES {relations}) v(r)"))!;
        var buffers = (long)(await BenchDatabase.ScalarAsync(connection, "SELECT pg_size_bytes(current_setting('shared_buffers'))"))!;
        var prewarm = await BenchDatabase.ScalarAsync(connection, "SELECT current_setting('pg_prewarm.autoprewarm', true)") is string on ? on : "not loaded";
        Console.WriteLine($"  PostgreSQL's memory: shared_buffers {buffers / 1048576:N0} MB, autoprewarm {prewarm}; what a lookup reads at random: {bytes / 1048576:N0} MB");
        if (!warm)
        {
            return;
        }

        var sw = Stopwatch.StartNew();
        await BenchDatabase.ExecuteAsync(connection, "SET enable_seqscan = off; SET enable_bitmapscan = off");
        await BenchDatabase.ScalarAsync(connection, "SELECT count(*) FROM (SELECT \"Key\", \"ReceivedAt\" FROM \"DedupKeys\" ORDER BY \"Key\", \"ReceivedAt\") k");
        await BenchDatabase.ScalarAsync(connection, "SELECT count(\"Fingerprint\") FROM \"Submissions\" WHERE \"Id\" > 0");
        await BenchDatabase.ScalarAsync(connection, "SELECT count(*) FROM (SELECT \"TextHash\" FROM \"Submissions\" ORDER BY \"TextHash\") h");
        await BenchDatabase.ExecuteAsync(connection, "RESET enable_seqscan; RESET enable_bitmapscan");
        Console.WriteLine($"  read once through it by index, as a running system's inserts leave them ({sw.Elapsed.TotalSeconds:0} s)");
    }

    /// <summary>Pages of the submissions and the keys (tables and their indexes) found in PostgreSQL's memory and read from the kernel so far.</summary>
    private static async Task<(long Hit, long Read)> PagesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT sum(heap_blks_hit + coalesce(idx_blks_hit, 0))::bigint, sum(heap_blks_read + coalesce(idx_blks_read, 0))::bigint
            FROM pg_statio_user_tables WHERE relname IN ('Submissions', 'DedupKeys')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }

    /// <summary>
    /// Entries the key index has returned, and heap rows fetched through it, so far (the lookups' sessions report
    /// their counts once idle for at most ten seconds).
    /// </summary>
    private static async Task<(long Tuples, long HeapFetches)> IndexReadsAsync(NpgsqlConnection connection)
    {
        await Task.Delay(TimeSpan.FromSeconds(11));
        await BenchDatabase.ExecuteAsync(connection, "SELECT pg_stat_clear_snapshot()");
        await using var command = new NpgsqlCommand(
            """SELECT idx_tup_read, idx_tup_fetch FROM pg_stat_user_indexes WHERE indexrelname = 'IX_DedupKeys_Key_ReceivedAt'""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, SyntheticReport[] batch, Fingerprint[] fps, long firstId)
    {
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "Submissions" ("Id", "Reference", "Channel", "Kind", "Status", "Language", "Text", "ReceivedAt", "UpdatedAt", "MayNameReporter", "Urgent", "TextHash", "Fingerprint") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < batch.Length; i++)
            {
                var r = batch[i];
                await writer.StartRowAsync();
                await writer.WriteAsync(firstId + i, NpgsqlDbType.Bigint);

                // Note: the schema's default reference pads the sequence to 5 digits with lpad, which
                // truncates past 99,999; the benchmark writes its own references.
                await writer.WriteAsync($"BENCH-{firstId + i}", NpgsqlDbType.Varchar);
                await writer.WriteAsync(i % 3 == 0 ? "Email" : "Telegram", NpgsqlDbType.Varchar);
                await writer.WriteAsync("Report", NpgsqlDbType.Varchar);
                await writer.WriteAsync("Pending", NpgsqlDbType.Varchar);
                await writer.WriteAsync(r.Language, NpgsqlDbType.Varchar);
                await writer.WriteAsync(r.Text, NpgsqlDbType.Text);
                await writer.WriteAsync(r.ReceivedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(r.ReceivedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(fps[i].ExactTextHash, NpgsqlDbType.Text);
                await writer.WriteAsync(fps[i].ToJson(), NpgsqlDbType.Jsonb);
            }

            await writer.CompleteAsync();
        }

        long keys = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "DedupKeys" ("SubmissionId", "Key", "ReceivedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < batch.Length; i++)
            {
                foreach (var key in fps[i].IndexKeys())
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(firstId + i, NpgsqlDbType.Bigint);
                    await writer.WriteAsync(key, NpgsqlDbType.Bigint);
                    await writer.WriteAsync(batch[i].ReceivedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                    keys++;
                }
            }

            await writer.CompleteAsync();
        }

        return keys;
    }

    /// <summary>The key index and the secondary indexes are dropped for the bulk load and built after it, as a restore would.</summary>
    private static async Task DropIndexesAsync(NpgsqlConnection connection)
    {
        await BenchDatabase.ExecuteAsync(connection, """
            ALTER TABLE "DedupKeys" DROP CONSTRAINT IF EXISTS "PK_DedupKeys";
            DROP INDEX IF EXISTS "IX_DedupKeys_Key_ReceivedAt";
            DROP INDEX IF EXISTS "IX_Submissions_TextHash";
            DROP INDEX IF EXISTS ix_bench_submissions_text_trgm;
            """);
    }

    private static async Task<TimeSpan> BuildTrgmIndexAsync(NpgsqlConnection connection, bool withTrgm)
    {
        var sw = Stopwatch.StartNew();
        if (withTrgm)
        {
            await BenchDatabase.ExecuteAsync(connection, """CREATE INDEX IF NOT EXISTS ix_bench_submissions_text_trgm ON "Submissions" USING gin ("Text" gin_trgm_ops)""");
        }

        return sw.Elapsed;
    }

    private static async Task<(TimeSpan Keys, TimeSpan Trgm)> BuildIndexesAsync(NpgsqlConnection connection, bool withTrgm)
    {
        await BenchDatabase.ExecuteAsync(connection, "SET maintenance_work_mem = '512MB'");
        var sw = Stopwatch.StartNew();
        await BenchDatabase.ExecuteAsync(connection, """CREATE INDEX "IX_DedupKeys_Key_ReceivedAt" ON "DedupKeys" ("Key", "ReceivedAt") INCLUDE ("SubmissionId")""");
        var keys = sw.Elapsed;
        await BenchDatabase.ExecuteAsync(connection, """
            ALTER TABLE "DedupKeys" ADD CONSTRAINT "PK_DedupKeys" PRIMARY KEY ("SubmissionId", "Key");
            CREATE INDEX "IX_Submissions_TextHash" ON "Submissions" ("TextHash");
            """);
        sw.Restart();
        if (withTrgm)
        {
            await BenchDatabase.ExecuteAsync(connection, """CREATE INDEX ix_bench_submissions_text_trgm ON "Submissions" USING gin ("Text" gin_trgm_ops)""");
        }

        var trgm = sw.Elapsed;
        await BenchDatabase.ExecuteAsync(connection, """ANALYZE "Submissions"; ANALYZE "DedupKeys";""");
        return (keys, trgm);
    }

    private static void Print(List<Row> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| prior submissions | load average (lookups) | load (fingerprints) | keys | key index build | key index size | lookup+verify p50 / p99 | exact p50 / p99 | fingerprint p50 | same-event found | false links | pg_trgm GIN build | GIN size | pg_trgm p50 / p99 (n) | pg_trgm top-10 found | p50 ratio | p99 ratio |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            Console.WriteLine(
                $"| {r.Size:N0} | {r.LoadAverage} | {(r.Reused ? "reused" : $"{r.Load.TotalSeconds:0.0} s ({r.Fingerprints.TotalSeconds:0.0} s)")} | {r.Keys:N0} | {r.KeyIndexBuild.TotalSeconds:0.0} s | {Mb(r.KeyIndexBytes)} | " +
                $"{r.Lookup.P50:0.00} / {r.Lookup.P99:0.00} ms | {r.Exact.P50:0.000} / {r.Exact.P99:0.000} ms | {r.FingerprintMicros:0} µs | {r.Recall:P0} of {r.Queries} | {r.FalseLinks} | " +
                $"{r.TrgmIndexBuild.TotalSeconds:0.0} s | {Mb(r.TrgmIndexBytes)} | {r.Trgm.P50:0.0} / {r.Trgm.P99:0.0} ms ({r.TrgmCount}) | {r.TrgmRecall:P0} | " +
                $"{r.Trgm.P50 / r.Lookup.P50:0.0}x | {r.Trgm.P99 / r.Lookup.P99:0.0}x |");
        }

        Console.WriteLine();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Short(string text) => text.Length > 120 ? text[..120] + "…" : text;

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";
}
