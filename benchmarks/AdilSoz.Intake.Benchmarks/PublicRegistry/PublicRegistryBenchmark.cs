using System.Diagnostics;
using System.Globalization;
using AdilSoz.Intake.Benchmarks.Dedup;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Registry;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdilSoz.Intake.Benchmarks.PublicRegistry;

/// <summary>
/// The public registry at scale: loads N published incidents (generate_series, in one statement) into the benchmark's
/// database and times, through <see cref="IntakeDbContext"/> and the public role's views, the database work of the
/// public pages as they query it: <c>/incidents</c> (the state for the validators, the first page of 21 rows newest
/// first, the latest month; then a page further on by keyset), one incident, <c>/map</c> (the state, then the counts
/// kept per region and category; then, with a period chosen, counted from the incidents), <c>/months</c> (the counts
/// kept per month: the latest month, then the 24 months up to it, for all and for one region and category; then, with
/// a period chosen, counted from the incidents) and the feed (the 50 latest publications). Prints p50/p95 of each and the load average.
/// </summary>
public static class PublicRegistryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var size = Option(args, "--size", 1_000_000);
        var requests = Option(args, "--requests", 50);
        var keep = args.Contains("--keep");
        var server = BenchDatabase.Server();
        Console.WriteLine($"public registry benchmark: {size:N0} published incidents, {requests} requests a page; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

        var connectionString = await BenchDatabase.CreateAsync(server);
        try
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                var load = Stopwatch.StartNew();
                await BenchDatabase.ExecuteAsync(connection, $"""
                    INSERT INTO "Incidents" ("Title", "OccurredOn", "DatePrecision", "RegionCode", "Settlement", "CategoryCode", "Summary",
                                             "Narrative", "IsPublic", "PublishedAt", "Victims", "Outlets", "Links", "CreatedAt", "UpdatedAt")
                    SELECT 'Incident ' || n || ': a journalist was detained while filming',
                           DATE '2000-01-01' + (n % 9000),
                           'Day',
                           (SELECT array_agg("Code" ORDER BY "Code") FROM "Regions")[1 + n % (SELECT count(*) FROM "Regions")],
                           'Town ' || (n % 500),
                           (SELECT array_agg("Code" ORDER BY "Code") FROM "Categories")[1 + n % (SELECT count(*) FROM "Categories")],
                           'Police held the reporter of outlet ' || (n % 300) || ' for several hours.',
                           'The reporter Aidos Example' || n || ' was held; the editor protested.',
                           true, TIMESTAMPTZ '2026-01-01' + n * INTERVAL '1 second',
                           jsonb_build_array(jsonb_build_object('Name', 'Aidos Example' || n, 'Role', 'journalist', 'Outlet', 'Outlet ' || (n % 300),
                                                                'MayBeNamed', n % 2 = 0)),
                           ARRAY['Outlet ' || (n % 300)], ARRAY[]::text[], now(), now()
                      FROM generate_series(1, {size}) AS n
                    """);
                await BenchDatabase.ExecuteAsync(connection, "VACUUM ANALYZE \"Incidents\"");
                Console.WriteLine($"  loaded {size:N0} incidents in {load.Elapsed.TotalSeconds:0.0} s (with VACUUM ANALYZE); load average {LoadAverage()}");
            }

            var options = new DbContextOptionsBuilder<IntakeDbContext>().UseNpgsql(connectionString).Options;
            await using var db = new IntakeDbContext(options);
            var cursorDate = await db.PublicIncidents.OrderByDescending(i => i.OccurredOn).Skip(5_000).Select(i => i.OccurredOn).FirstAsync();
            var latest = await db.PublicIncidents.MaxAsync(i => i.OccurredOn);
            var yearBefore = latest.AddYears(-1);
            var someId = await db.PublicIncidents.OrderBy(i => i.Id).Skip(size / 2).Select(i => i.Id).FirstAsync();

            await Measure("/incidents (first page)", requests, async () =>
            {
                _ = await db.PublicRegistryState.AsNoTracking().SingleAsync();
                _ = await db.PublicIncidents.AsNoTracking().OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).Take(21).Select(PublicIncident.Shown).ToListAsync();
                _ = await db.PublicIncidents.MaxAsync(i => (DateOnly?)i.OccurredOn);
            });
            await Measure("/incidents (a later page)", requests, async () =>
            {
                _ = await db.PublicRegistryState.AsNoTracking().SingleAsync();
                _ = await db.PublicIncidents.AsNoTracking().Where(i => i.OccurredOn < cursorDate)
                    .OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).Take(21).Select(PublicIncident.Shown).ToListAsync();
                _ = await db.PublicIncidents.MaxAsync(i => (DateOnly?)i.OccurredOn);
            });
            await Measure("/incidents/{id}", requests, async () =>
            {
                _ = await db.PublicRegistryState.AsNoTracking().SingleAsync();
                _ = await db.PublicIncidents.AsNoTracking().Where(i => i.Id == someId).Select(PublicIncident.Shown).FirstOrDefaultAsync();
            });
            await Measure("/map", requests, async () =>
            {
                _ = await db.PublicRegistryState.AsNoTracking().SingleAsync();
                _ = await db.PublicIncidentCounts.AsNoTracking().ToListAsync();
            });
            await Measure("/map?from= (last year)", requests, async () =>
            {
                _ = await db.PublicRegistryState.AsNoTracking().SingleAsync();
                _ = await db.PublicIncidents.AsNoTracking().Where(i => i.OccurredOn >= yearBefore)
                    .GroupBy(i => new { i.RegionCode, i.CategoryCode }).Select(g => new { g.Key.RegionCode, g.Key.CategoryCode, Count = g.LongCount() }).ToListAsync();
            });
            var someRegion = await db.Regions.OrderBy(r => r.Code).Select(r => r.Code).FirstAsync();
            var someCategory = await db.Categories.OrderBy(c => c.Code).Select(c => c.Code).FirstAsync();
            await Measure("/months", requests, async () =>
            {
                _ = await db.PublicRegistryState.AsNoTracking().SingleAsync();
                await MonthsKeptAsync(db.PublicIncidentMonths.AsNoTracking());
            });
            await Measure("/months?region=&category=", requests, async () =>
            {
                _ = await db.PublicRegistryState.AsNoTracking().SingleAsync();
                await MonthsKeptAsync(db.PublicIncidentMonths.AsNoTracking().Where(c => c.RegionCode == someRegion && c.CategoryCode != null
                    && new List<string> { someCategory }.Contains(c.CategoryCode)));
            });
            await Measure("/months?from= (last year)", requests, async () =>
            {
                _ = await db.PublicRegistryState.AsNoTracking().SingleAsync();
                var incidents = db.PublicIncidents.AsNoTracking().Where(i => i.OccurredOn >= yearBefore);
                var last = await incidents.MaxAsync(i => (DateOnly?)i.OccurredOn) ?? latest;
                var end = new DateOnly(last.Year, last.Month, 1).AddMonths(1).AddDays(-1);
                _ = await incidents.Where(i => i.OccurredOn <= end)
                    .GroupBy(i => new { i.OccurredOn.Year, i.OccurredOn.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.LongCount() }).ToListAsync();
            });
            await Measure("/feeds/incidents.atom", requests, async () =>
            {
                _ = await db.PublicRegistryState.AsNoTracking().SingleAsync();
                _ = await db.PublicIncidents.AsNoTracking().OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Take(50).Select(PublicIncident.Shown).ToListAsync();
            });
        }
        finally
        {
            if (!keep)
            {
                await BenchDatabase.DropAsync(server);
            }
        }

        return 0;
    }

    /// <summary>The chart by month's kept counts: the latest month with incidents, then the 24 months up to it.</summary>
    private static async Task MonthsKeptAsync(IQueryable<PublicIncidentMonth> kept)
    {
        if (await kept.MaxAsync(c => (DateOnly?)c.Month) is { } last)
        {
            var first = last.AddMonths(-23);
            _ = await kept.Where(c => c.Month >= first && c.Month <= last)
                .GroupBy(c => c.Month).Select(g => new { g.Key, Count = g.Sum(c => c.Published) }).ToListAsync();
        }
    }

    private static async Task Measure(string page, int requests, Func<Task> request)
    {
        await request();
        var times = new List<double>();
        var before = LoadAverage();
        for (var n = 0; n < requests; n++)
        {
            var watch = Stopwatch.StartNew();
            await request();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {page,-28} p50 {Percentile(times, 0.50),8:0.0} ms   p95 {Percentile(times, 0.95),8:0.0} ms   (load average {before} → {LoadAverage()})"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
