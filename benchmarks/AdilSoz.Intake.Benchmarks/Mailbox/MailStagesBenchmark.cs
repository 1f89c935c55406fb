using System.Diagnostics;
using AdilSoz.Intake.Benchmarks.Bot;
using AdilSoz.Intake.Benchmarks.Dedup;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Mail;
using AdilSoz.Intake.Worker.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AdilSoz.Intake.Benchmarks.Mailbox;

/// <summary>
/// The mail path one stage at a time, each on one thread with nothing else running, so that a stage's cost
/// per mail is its own: storing the raw mails (chunks of 50), reading them into submissions (the ingest job's
/// method, a chunk per call), the pipeline (its drain), and sending the acknowledgements (the outbound job's
/// method, a chunk per connection) to the tests' SMTP capture. Each stage prints its rate, the process's CPU
/// per mail (the SMTP capture runs in this process too) and its PostgreSQL backends', the database round trips per mail through EF, and
/// what the runtime compiled meanwhile; all of it twice, the second time with the code compiled.
/// </summary>
internal static class MailStagesBenchmark
{
    public static async Task RunAsync(string server, int count)
    {
        var cs = await BenchDatabase.CreateAsync(server);
        _database = new Npgsql.NpgsqlConnectionStringBuilder(cs).Database;
        var smtp = new SmtpCapture();
        await smtp.InitializeAsync();
        try
        {
            using var host = BuildHost(cs, smtp);
            var mails = Mails(new SyntheticReports(9).Generate(count * 2, 30).ToList());

            // Twice: the first time the runtime still compiles the code as it runs (in a new process: some 9,000
            // methods again, optimised, over the first thousand mails); the second time it has done so.
            Console.WriteLine("  first pass (a new Worker's services; in a new process, with its code compiled as it runs):");
            await StagesAsync(host, mails.Take(count).ToList());
            Console.WriteLine("  second pass, the same Worker:");
            await StagesAsync(host, mails.Skip(count).ToList());
        }
        finally
        {
            await smtp.DisposeAsync();
            await BenchDatabase.DropAsync(server);
        }
    }

    private static async Task StagesAsync(IHost host, List<IncomingMail> mails)
    {
        var ids = new List<long>();
        await StageAsync("store (StoreManyAsync, chunks of 50)", mails.Count, async () =>
        {
            foreach (var chunk in mails.Chunk(MailboxSession.ChunkSize))
            {
                await using var scope = host.Services.CreateAsyncScope();
                var stored = await scope.ServiceProvider.GetRequiredService<MailStore>().StoreManyAsync(chunk, CancellationToken.None);
                ids.AddRange(stored.Select(s => s.InboundItemId));
            }
        });

        await StageAsync("ingest (ProcessManyAsync, chunks of 50)", mails.Count, async () =>
        {
            foreach (var chunk in ids.Chunk(MailboxSession.ChunkSize))
            {
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MailIngestJob>().ProcessManyAsync(chunk, CancellationToken.None);
            }
        });

        await StageAsync("pipeline (one drain, batches of 50)", mails.Count, async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISubmissionPipelineJob>().DrainAsync(CancellationToken.None);
        });

        List<long> queued;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            queued = await db.OutboundMessages.Where(o => o.Status == OutboundStatus.Queued).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
        }

        await StageAsync("acknowledgements (SendManyAsync, 50 a connection)", mails.Count, async () =>
        {
            foreach (var chunk in queued.Chunk(MailboxSession.ChunkSize))
            {
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IOutboundJob>().SendManyAsync(chunk, CancellationToken.None);
            }
        });
    }

    /// <summary>The benchmark's database: its PostgreSQL backends' CPU is counted beside this process's.</summary>
    private static string? _database;

    private static TimeSpan PostgresCpu() => _database is null ? TimeSpan.Zero : ProcessCpu.Postgres(_database);

    private static async Task StageAsync(string name, int count, Func<Task> stage)
    {
        using var counter = new DatabaseCounter();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var postgresCpu = PostgresCpu();
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var sw = Stopwatch.StartNew();
        await stage();
        var elapsed = sw.Elapsed;
        process.Refresh();
        var cpuPerMail = (process.TotalProcessorTime - cpu).TotalMilliseconds / count;
        var postgresPerMail = (PostgresCpu() - postgresCpu).TotalMilliseconds / count;
        var (roundTrips, commits, _, _) = counter.Snapshot();
        Console.WriteLine($"    {name,-50} {count / elapsed.TotalSeconds,6:F0} mails/s  {cpuPerMail,6:F2} ms CPU (+{postgresPerMail,4:F2} PostgreSQL), " +
            $"{roundTrips / (double)count,4:F1} round trips, {commits / (double)count,3:F1} commits per mail; " +
            $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted} methods, {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:F0} ms   load {MailboxBenchmark.LoadAverage()}");
    }

    /// <summary>The reports as raw mails, as the mailbox row appends them: each from its own sender.</summary>
    private static List<IncomingMail> Mails(List<SyntheticReport> reports)
    {
        var mails = new List<IncomingMail>(reports.Count);
        for (var i = 0; i < reports.Count; i++)
        {
            using var message = MailboxBenchmark.Mail(reports[i], i, "info@adilsoz.kz");
            using var buffer = new MemoryStream();
            message.WriteTo(buffer);
            var raw = buffer.ToArray();
            mails.Add(new IncomingMail($"stages:1:{i}", raw, raw.LongLength));
        }

        return mails;
    }

    /// <summary>A Worker's services without its job server or mailbox watcher: the stages are called directly.</summary>
    private static IHost BuildHost(string cs, SmtpCapture smtp)
    {
        var builder = MailboxBenchmark.WorkerBuilder(cs, smtp, mailbox: null);
        builder.AddIntakeDefaults();
        builder.AddPipelineJobs();
        builder.AddMailIntake();
        return builder.Build();
    }
}
