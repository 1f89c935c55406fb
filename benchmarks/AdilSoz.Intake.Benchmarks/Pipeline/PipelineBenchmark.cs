using System.Diagnostics;
using AdilSoz.Intake.Benchmarks.Dedup;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Pipeline;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AdilSoz.Intake.Benchmarks.Pipeline;

/// <summary>
/// Throughput and latency of the whole pipeline (received → pending with suggestions and dedup) on
/// real Hangfire servers and PostgreSQL, printed beside Hangfire's own no-op drain rate measured in
/// the same run. Usage: <c>pipeline [--count 2000] [--rate 20] [--seconds 30]</c>.
/// </summary>
public static class PipelineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Arg(args, "--count", 2000);
        var rate = Arg(args, "--rate", 20);
        var seconds = Arg(args, "--seconds", 30);
        var batch = Arg(args, "--batch", 50);
        var server = BenchDatabase.Server();
        var cs = await BenchDatabase.CreateAsync(server);
        Console.WriteLine($"pipeline benchmark: {Environment.ProcessorCount} cores, {count} submissions per throughput run");
        try
        {
            var reports = new SyntheticReports(42).Generate(count * 6 + batch + (rate * seconds), 60).ToList();
            var next = 0;
            Console.WriteLine($"suggestions + fingerprint, CPU only: {CpuMicroseconds(reports.Take(count).ToList()),8:F0} µs per submission");

            using (var one = StartWorkers(cs, 1))
            {
                var warm = await InsertAsync(cs, reports.Skip(next).Take(batch)); next += batch;
                await DirectAsync(one[0], warm, batch);
                var direct = await InsertAsync(cs, reports.Skip(next).Take(count)); next += count;
                var d = await DirectAsync(one[0], direct, batch);
                Console.WriteLine($"pipeline alone (no job system, batches of {batch}, one thread): {count / d.TotalSeconds,8:F0} submissions/s");
                var noop = await DrainAsync(cs, one[0], count, enqueue: c => c.Enqueue<NoopJob>(JobQueues.Intake, j => j.Run()));
                Console.WriteLine($"hangfire no-op drain, 1 worker:  {count / noop.TotalSeconds,8:F0} jobs/s");
                var ids = await InsertAsync(cs, reports.Skip(next).Take(count)); next += count;
                var t = await DrainAsync(cs, one[0], ids, 1);
                Console.WriteLine($"pipeline, 1 worker, a job per submission:  {count / t.TotalSeconds,8:F0} submissions/s");
                ids = await InsertAsync(cs, reports.Skip(next).Take(count)); next += count;
                t = await DrainAsync(cs, one[0], ids, batch);
                Console.WriteLine($"pipeline, 1 worker, a job per {batch} submissions: {count / t.TotalSeconds,8:F0} submissions/s");
                var pickup = await PickupAsync(cs, one[0], 200);
                Console.WriteLine($"job pickup (enqueue → start):    p50 {pickup.P50,6:F1} ms   p99 {pickup.P99,6:F1} ms");
                var latency = await SteadyAsync(cs, one[0], reports.Skip(next).Take(rate * seconds).ToList(), rate); next += rate * seconds;
                Console.WriteLine($"receipt → pending at {rate}/s:      p50 {latency.P50,6:F1} ms   p95 {latency.P95,6:F1} ms   ({rate * seconds} reports)");
            }

            using (var two = StartWorkers(cs, 2))
            {
                var noop = await DrainAsync(cs, two[0], count, enqueue: c => c.Enqueue<NoopJob>(JobQueues.Intake, j => j.Run()));
                Console.WriteLine($"hangfire no-op drain, 2 workers: {count / noop.TotalSeconds,8:F0} jobs/s");
                var ids = await InsertAsync(cs, reports.Skip(next).Take(count)); next += count;
                var t = await DrainAsync(cs, two[0], ids, 1);
                Console.WriteLine($"pipeline, 2 workers, a job per submission: {count / t.TotalSeconds,8:F0} submissions/s");
                ids = await InsertAsync(cs, reports.Skip(next).Take(count)); next += count;
                t = await DrainAsync(cs, two[0], ids, batch);
                Console.WriteLine($"pipeline, 2 workers, a job per {batch} submissions: {count / t.TotalSeconds,8:F0} submissions/s");
            }

            Console.WriteLine("(workers are Hangfire servers in this process, 20 threads each, on the same PostgreSQL)");
            return 0;
        }
        finally
        {
            await BenchDatabase.DropAsync(server);
        }
    }

    internal sealed class Workers(List<IHost> hosts) : IDisposable
    {
        public IHost this[int index] => hosts[index];

        public void Dispose()
        {
            foreach (var host in hosts)
            {
                host.StopAsync().GetAwaiter().GetResult();
                host.Dispose();
            }

            hosts.Clear();
        }
    }

    internal static Workers StartWorkers(string cs, int n)
    {
        var hosts = new List<IHost>();
        for (var i = 0; i < n; i++)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
            builder.Configuration.AddInMemoryCollection(BenchDatabase.Settings(cs));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddIntakeDefaults();
            builder.AddJobServer();
            builder.AddPipelineJobs();
            builder.Services.AddSingleton<NoopJob>();
            builder.Services.AddSingleton<PingJob>();
            var host = builder.Build();
            host.Start();
            hosts.Add(host);
        }

        return new Workers(hosts);
    }

    internal static async Task<List<long>> InsertAsync(string cs, IEnumerable<SyntheticReport> reports)
    {
        var ids = new List<long>();
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        foreach (var chunk in reports.Chunk(500))
        {
            await using var batch = new NpgsqlBatch(conn);
            foreach (var r in chunk)
            {
                var cmd = new NpgsqlBatchCommand("""
                    INSERT INTO "Submissions" ("Channel","Kind","Status","Text","ReceivedAt","UpdatedAt","MayNameReporter","Urgent","Language")
                    VALUES ('Email','Report','Received',$1,$2,now(),false,false,$3) RETURNING "Id"
                    """);
                cmd.Parameters.Add(new NpgsqlParameter { Value = r.Text });
                cmd.Parameters.Add(new NpgsqlParameter { Value = r.ReceivedAt.ToUniversalTime() });
                cmd.Parameters.Add(new NpgsqlParameter { Value = r.Language });
                batch.BatchCommands.Add(cmd);
            }

            await using var reader = await batch.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    ids.Add(reader.GetInt64(0));
                }
            }
            while (await reader.NextResultAsync());
        }

        return ids;
    }

    /// <summary>Enqueues a job per submission (as the channels do) or per <paramref name="batch"/> ids (as sweeps and imports do).</summary>
    private static async Task<TimeSpan> DrainAsync(string cs, IHost worker, List<long> ids, int batch)
    {
        var client = worker.Services.GetRequiredService<IBackgroundJobClient>();
        var sw = Stopwatch.StartNew();
        foreach (var chunk in ids.Chunk(batch))
        {
            if (chunk.Length == 1)
            {
                var id = chunk[0];
                client.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None));
            }
            else
            {
                client.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessManyAsync(chunk, CancellationToken.None));
            }
        }

        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var min = ids.Min();
        var max = ids.Max();
        while (true)
        {
            await using var cmd = new NpgsqlCommand($"""SELECT count(*) FROM "Submissions" WHERE "Id" BETWEEN {min} AND {max} AND "Status" = 'Received'""", conn);
            if ((long)(await cmd.ExecuteScalarAsync())! == 0)
            {
                return sw.Elapsed;
            }

            await Task.Delay(20);
        }
    }

    private static async Task<TimeSpan> DrainAsync(string cs, IHost worker, int count, Action<IBackgroundJobClient> enqueue)
    {
        var client = worker.Services.GetRequiredService<IBackgroundJobClient>();
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var before = new NpgsqlCommand("SELECT coalesce(max(id),0) FROM hangfire.job", conn);
        var first = (long)(await before.ExecuteScalarAsync())!;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            enqueue(client);
        }

        while (true)
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM hangfire.job WHERE id > {first} AND statename = 'Succeeded'", conn);
            if ((long)(await cmd.ExecuteScalarAsync())! >= count)
            {
                return sw.Elapsed;
            }

            await Task.Delay(20);
        }
    }

    private static double CpuMicroseconds(List<SyntheticReport> reports)
    {
        foreach (var r in reports.Take(20))
        {
            Work(r);
        }

        var sw = Stopwatch.StartNew();
        foreach (var r in reports)
        {
            Work(r);
        }

        return sw.Elapsed.TotalMicroseconds / reports.Count;

        static void Work(SyntheticReport r)
        {
            var s = AdilSoz.Intake.Language.Suggest.SuggestionEngine.Suggest(null, r.Text, null);
            _ = AdilSoz.Intake.Language.Dedup.Fingerprinter.Compute(new AdilSoz.Intake.Language.Dedup.DedupInput(0, r.Text, null, null, r.ReceivedAt, s.Region?.Code, s.Settlement?.Name, r.Files, s.Language?.Code));
        }
    }

    /// <summary>The pipeline's own cost: the job's batch method called in a loop, no Hangfire.</summary>
    internal static async Task<TimeSpan> DirectAsync(IHost worker, List<long> ids, int batch)
    {
        var sw = Stopwatch.StartNew();
        foreach (var chunk in ids.Chunk(batch))
        {
            await using var scope = worker.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISubmissionPipelineJob>().ProcessManyAsync(chunk, CancellationToken.None);
        }

        return sw.Elapsed;
    }

    private static async Task<(double P50, double P99)> PickupAsync(string cs, IHost worker, int n)
    {
        var client = worker.Services.GetRequiredService<IBackgroundJobClient>();
        var ping = worker.Services.GetRequiredService<PingJob>();
        var samples = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var started = ping.Expect(i);
            var t0 = Stopwatch.GetTimestamp();
            var k = i;
            client.Enqueue<PingJob>(JobQueues.Intake, j => j.Run(k));
            await started;
            samples.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            await Task.Delay(10);
        }

        samples.Sort();
        return (samples[samples.Count / 2], samples[(int)(samples.Count * 0.99)]);
    }

    private static async Task<(double P50, double P95)> SteadyAsync(string cs, IHost worker, List<SyntheticReport> reports, int rate)
    {
        var client = worker.Services.GetRequiredService<IBackgroundJobClient>();
        var ids = new List<long>();
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < reports.Count; i++)
        {
            var due = interval * i;
            if (due > sw.Elapsed)
            {
                await Task.Delay(due - sw.Elapsed);
            }

            // Receipt as the channel adapters do it: insert now, enqueue after the commit.
            var r = reports[i] with { ReceivedAt = DateTimeOffset.UtcNow };
            var id = (await InsertAsync(cs, [r]))[0];
            client.Enqueue<ISubmissionPipelineJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None));
            ids.Add(id);
        }

        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var samples = new List<double>();
        while (true)
        {
            await using var cmd = new NpgsqlCommand(
                $"""SELECT extract(epoch FROM "UpdatedAt" - "ReceivedAt") * 1000 FROM "Submissions" WHERE "Id" = ANY(@ids) AND "Status" <> 'Received'""", conn);
            cmd.Parameters.AddWithValue("ids", ids.ToArray());
            samples.Clear();
            await using (var reader = await cmd.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    samples.Add((double)reader.GetDecimal(0));
                }
            }

            if (samples.Count == ids.Count)
            {
                break;
            }

            await Task.Delay(50);
        }

        samples.Sort();
        return (samples[samples.Count / 2], samples[(int)(samples.Count * 0.95)]);
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}

/// <summary>A job that does nothing: Hangfire's own cost per job.</summary>
public sealed class NoopJob
{
    public void Run()
    {
    }
}

/// <summary>A job that reports when it starts, to time the pickup.</summary>
public sealed class PingJob
{
    private readonly Dictionary<int, TaskCompletionSource> _waiting = [];

    public Task Expect(int id)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiting)
        {
            _waiting[id] = tcs;
        }

        return tcs.Task;
    }

    public void Run(int id)
    {
        lock (_waiting)
        {
            if (_waiting.Remove(id, out var tcs))
            {
                tcs.SetResult();
            }
        }
    }
}
