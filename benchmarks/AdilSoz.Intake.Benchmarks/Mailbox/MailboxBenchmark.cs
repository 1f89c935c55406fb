using System.Diagnostics;
using System.Globalization;
using AdilSoz.Intake.Benchmarks.Bot;
using AdilSoz.Intake.Benchmarks.Dedup;
using AdilSoz.Intake.Benchmarks.Pipeline;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Mail;
using AdilSoz.Intake.Worker.Pipeline;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using Npgsql;

namespace AdilSoz.Intake.Benchmarks.Mailbox;

/// <summary>
/// Intake as a user sees it: a backlog of mail in a real Dovecot drained by one Worker host (stored,
/// parsed, in the queue, acknowledged through a real SMTP server), beside a raw IMAP read of the same
/// mail; and live reports, each stored and woken up as the channels do, beside the batched pipeline's own
/// rate, and the mail path one stage at a time (<see cref="MailStagesBenchmark"/>). Usage: <c>mailbox [--mails 1000] [--live 2000] [--producers 4] [--stages 1000]</c>.
/// </summary>
public static class MailboxBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mails = Arg(args, "--mails", 1000);
        var live = Arg(args, "--live", 2000);
        var producers = Arg(args, "--producers", 4);
        var stages = Arg(args, "--stages", mails);
        var server = BenchDatabase.Server();
        Console.WriteLine($"mailbox benchmark: {Environment.ProcessorCount} cores, load average {LoadAverage()} at start (the machine may be shared)");
        try
        {
            if (mails > 0)
            {
                await MailboxRowAsync(server, mails);
            }

            if (stages > 0)
            {
                Console.WriteLine($"the same path one stage at a time, {stages} mails, one thread, nothing else running:");
                await MailStagesBenchmark.RunAsync(server, stages);
            }

            if (live > 0)
            {
                await LiveRowAsync(server, live, producers);
            }

            Console.WriteLine($"load average at the end: {LoadAverage()}");
            return 0;
        }
        finally
        {
            await BenchDatabase.DropAsync(server);
        }
    }

    /// <summary>
    /// The backlog row, twice with one Worker: started on a full mailbox (its code compiled as it runs, its pools
    /// opened, its job server starting), then, running and warm, a second backlog of as many mails moved into the
    /// inbox with one IMAP MOVE, as a mail server back from an outage or a mass event delivers it.
    /// </summary>
    private static async Task MailboxRowAsync(string server, int count)
    {
        var cs = await BenchDatabase.CreateAsync(server);
        var dovecot = new DovecotServer();
        var smtp = new SmtpCapture();
        await dovecot.InitializeAsync();
        await smtp.InitializeAsync();
        try
        {
            var reports = new SyntheticReports(7).Generate(count * 2, 30).ToList();
            await AppendAsync(dovecot, reports.Take(count).ToList(), 0);
            var (floor, bytes) = await RawReadAsync(dovecot);
            Console.WriteLine($"raw IMAP read (UID FETCH BODY.PEEK[] of {count} mails, {bytes / 1024} KiB): {floor.TotalMilliseconds,8:F0} ms = {count / floor.TotalSeconds,8:F0} mails/s   load {LoadAverage()}");

            await MoveBacklogAsync(dovecot);
            IHost? worker = null;
            try
            {
                Console.WriteLine("a Worker started on the backlog:");
                await DrainAsync(cs, smtp, count, floor, () =>
                {
                    worker = StartMailWorker(cs, dovecot, smtp);
                    return Task.CompletedTask;
                });

                // Note: the runtime recompiles the hot code, optimised, in the background for a while after the
                // first backlog; the pause lets it finish, as it has in a Worker that has run for an hour. And as
                // autovacuum would have by then, the tables are analysed: planned as empty, the lookups of a
                // chunk's reporters and earlier reports read whole tables.
                await AppendAsync(dovecot, reports.Skip(count).ToList(), count);
                await using (var analyze = new NpgsqlConnection(cs))
                {
                    await analyze.OpenAsync();
                    await BenchDatabase.ExecuteAsync(analyze, "ANALYZE");
                }

                await Task.Delay(TimeSpan.FromSeconds(3));
                Console.WriteLine("the same Worker, running, a second backlog moved into the inbox at once:");
                await DrainAsync(cs, smtp, count, floor, () => MoveBacklogAsync(dovecot));
            }
            finally
            {
                worker?.Dispose();
            }
        }
        finally
        {
            await smtp.DisposeAsync();
            await dovecot.DisposeAsync();
            await BenchDatabase.DropAsync(server);
        }
    }

    /// <summary>Starts the clock, does <paramref name="start"/>, and waits until <paramref name="count"/> more reports are pending and acknowledged.</summary>
    private static async Task DrainAsync(string cs, SmtpCapture smtp, int count, TimeSpan floor, Func<Task> start)
    {
        var database = new NpgsqlConnectionStringBuilder(cs).Database!;
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        const string Pending = """SELECT count(*) FROM "Submissions" WHERE "Status" = 'Pending'""";
        var expectedPending = await CountAsync(conn, Pending) + count;
        var expectedSent = smtp.Messages.Count + count;
        var startedAt = DateTime.UtcNow;

        using var counter = new DatabaseCounter();
        using var process = Process.GetCurrentProcess();
        var cpu = (Own: process.TotalProcessorTime, Postgres: ProcessCpu.Postgres(database), Dovecot: ProcessCpu.Dovecot(), Machine: ProcessCpu.Machine());
        var sw = Stopwatch.StartNew();
        await start();
        TimeSpan? pending = null;
        var atPending = counter.Snapshot();
        while (pending is null || smtp.Messages.Count < expectedSent)
        {
            if (pending is null && await CountAsync(conn, Pending) >= expectedPending)
            {
                pending = sw.Elapsed;
                atPending = counter.Snapshot();
            }

            await Task.Delay(20);
        }

        var acknowledged = sw.Elapsed;
        process.Refresh();
        var used = (Own: process.TotalProcessorTime - cpu.Own, Postgres: ProcessCpu.Postgres(database) - cpu.Postgres,
            Dovecot: ProcessCpu.Dovecot() - cpu.Dovecot, Machine: ProcessCpu.Machine() - cpu.Machine);
        var times = $"""SELECT max("ReceivedAt"), max("ProcessedAt") FROM "InboundItems" WHERE "ReceivedAt" >= '{startedAt:O}'""";
        await using (var command = new NpgsqlCommand(times, conn))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            var started = startedAt + (DateTime.UtcNow - startedAt - acknowledged);
            Console.WriteLine($"  of which: all stored and moved after {(reader.GetDateTime(0) - started).TotalSeconds,6:F1} s, all parsed into submissions after {(reader.GetDateTime(1) - started).TotalSeconds,6:F1} s");
        }

        Console.WriteLine($"  mailbox → all {count} pending, 1 Worker:     {pending.Value.TotalSeconds,8:F1} s = {count / pending.Value.TotalSeconds,8:F1} mails/s   load {LoadAverage()}");
        Console.WriteLine($"  mailbox → all {count} acknowledged (SMTP):   {acknowledged.TotalSeconds,8:F1} s = {count / acknowledged.TotalSeconds,8:F1} mails/s");
        Console.WriteLine($"  ratio to the raw read: {floor.TotalSeconds / pending.Value.TotalSeconds * 100,6:F2} %");
        var all = counter.Snapshot();
        Console.WriteLine($"  per mail, through EF (Hangfire's own statements not counted): {atPending.RoundTrips / (double)count:F1} database round trips and "
            + $"{atPending.Commits / (double)count:F1} commits until pending; {all.RoundTrips / (double)count:F1} and {all.Commits / (double)count:F1} until acknowledged");
        Console.WriteLine($"  CPU per mail until acknowledged: {used.Own.TotalMilliseconds / count:F2} ms the Worker (with the SMTP server and this benchmark), "
            + $"{used.Postgres.TotalMilliseconds / count:F2} ms PostgreSQL, {used.Dovecot.TotalMilliseconds / count:F2} ms Dovecot; "
            + $"the machine {used.Machine.TotalMilliseconds / count:F2} ms ({used.Machine.TotalSeconds / acknowledged.TotalSeconds / Environment.ProcessorCount * 100:F0} % of its {Environment.ProcessorCount} cores busy)");
    }

    /// <summary>The folder the backlog waits in before it is moved into the inbox.</summary>
    private const string Backlog = "Backlog";

    private static async Task MoveBacklogAsync(DovecotServer dovecot)
    {
        using var client = await dovecot.ConnectAsync();
        var backlog = await client.GetFolderAsync(Backlog);
        await backlog.OpenAsync(FolderAccess.ReadWrite);
        var uids = await backlog.SearchAsync(MailKit.Search.SearchQuery.All);
        await backlog.MoveToAsync(uids, client.Inbox);
        await client.DisconnectAsync(true);
    }

    private static async Task LiveRowAsync(string server, int count, int producers)
    {
        var cs = await BenchDatabase.CreateAsync(server);
        var reports = new SyntheticReports(11).Generate(count * 2 + 50, 60).ToList();
        using var workers = PipelineBenchmark.StartWorkers(cs, 1);
        var worker = workers[0];

        var warm = await PipelineBenchmark.InsertAsync(cs, reports.Take(50));
        await PipelineBenchmark.DirectAsync(worker, warm, 50);
        var direct = await PipelineBenchmark.InsertAsync(cs, reports.Skip(50).Take(count));
        var d = await PipelineBenchmark.DirectAsync(worker, direct, 50);
        Console.WriteLine($"batched pipeline (ProcessManyAsync in a loop, batches of 50): {count / d.TotalSeconds,8:F0} reports/s   load {LoadAverage()}");

        // Live intake: each report stored in its own transaction, then one wake-up, as the channels do.
        var wakeUp = worker.Services.GetRequiredService<PipelineWakeUp>();
        var queue = new Queue<SyntheticReport>(reports.Skip(50 + count).Take(count));
        var ids = new List<long>();
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                SyntheticReport? next;
                lock (queue)
                {
                    if (!queue.TryDequeue(out next))
                    {
                        return;
                    }
                }

                var id = (await PipelineBenchmark.InsertAsync(cs, [next with { ReceivedAt = DateTimeOffset.UtcNow }]))[0];
                wakeUp.Received();
                lock (ids)
                {
                    ids.Add(id);
                }
            }
        })));
        var stored = sw.Elapsed;
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var min = ids.Min();
        var max = ids.Max();
        while (await CountAsync(conn, $"""SELECT count(*) FROM "Submissions" WHERE "Id" BETWEEN {min} AND {max} AND "Status" = 'Received'""") > 0)
        {
            await Task.Delay(20);
        }

        var t = sw.Elapsed;
        var jobs = await CountAsync(conn, "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ISubmissionPipelineJob%'");
        Console.WriteLine($"live intake ({producers} producers, a wake-up per report) → all {count} pending, 1 Worker: {t.TotalSeconds,6:F1} s = {count / t.TotalSeconds,8:F0} reports/s ({stored.TotalSeconds:F1} s to store them; {jobs} pipeline jobs)   load {LoadAverage()}");
        workers.Dispose();
        await BenchDatabase.DropAsync(server);
    }

    /// <summary>Appends the reports as mails <paramref name="first"/> on to the backlog folder (created if need be).</summary>
    private static async Task AppendAsync(DovecotServer dovecot, List<SyntheticReport> reports, int first)
    {
        using var client = await dovecot.ConnectAsync();
        var personal = client.GetFolder(client.PersonalNamespaces[0]);
        var target = (await personal.GetSubfoldersAsync()).FirstOrDefault(f => f.Name == Backlog)
            ?? await personal.CreateAsync(Backlog, true) ?? throw new InvalidOperationException($"{Backlog} could not be created");

        await target.OpenAsync(FolderAccess.ReadWrite);
        for (var i = 0; i < reports.Count; i++)
        {
            using var message = Mail(reports[i], first + i, dovecot.Username);
            await target.AppendAsync(new AppendRequest(message, MessageFlags.None));
        }

        await client.DisconnectAsync(true);
    }

    /// <summary>A report as a reporter would mail it: report <paramref name="n"/> from a sender of its own.</summary>
    internal static MimeMessage Mail(SyntheticReport report, int n, string to)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress($"Reporter {n}", $"reporter{n}@example.org"));
        message.To.Add(new MailboxAddress("Adil Soz", to));
        message.Subject = report.Text.Length > 60 ? report.Text[..60] : report.Text;
        message.MessageId = $"bench-{n}@example.org";
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new TextPart("plain") { Text = report.Text };
        return message;
    }

    /// <summary>The floor: every message's bytes of the backlog with one FETCH of the whole set on one connection.</summary>
    private static async Task<(TimeSpan Elapsed, long Bytes)> RawReadAsync(DovecotServer dovecot)
    {
        using var client = await dovecot.ConnectAsync();
        var sw = Stopwatch.StartNew();
        var inbox = (ImapFolder)await client.GetFolderAsync(Backlog);
        await inbox.OpenAsync(FolderAccess.ReadOnly);
        var uids = await inbox.SearchAsync(MailKit.Search.SearchQuery.All);
        long bytes = 0;
        await inbox.GetStreamsAsync(uids, async (_, _, _, stream, ct) =>
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            bytes += buffer.Length;
        });
        var elapsed = sw.Elapsed;
        await client.DisconnectAsync(true);
        return (elapsed, bytes);
    }

    private static IHost StartMailWorker(string cs, DovecotServer dovecot, SmtpCapture smtp)
    {
        var builder = WorkerBuilder(cs, smtp, dovecot);
        builder.AddIntakeDefaults();
        builder.AddJobServer();
        builder.AddPipelineJobs();
        builder.AddMailIntake();
        var host = builder.Build();
        host.Start();
        return host;
    }

    /// <summary>A Worker host's settings: the database, the SMTP capture, and the mailbox when one is given (else none is watched).</summary>
    internal static HostApplicationBuilder WorkerBuilder(string cs, SmtpCapture smtp, DovecotServer? mailbox)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
        var settings = BenchDatabase.Settings(cs);
        if (mailbox is not null)
        {
            settings["Mailbox:Host"] = mailbox.Host;
            settings["Mailbox:Port"] = mailbox.Port.ToString(CultureInfo.InvariantCulture);
            settings["Mailbox:Security"] = "None";
            settings["Mailbox:Username"] = mailbox.Username;
            settings["Mailbox:Password"] = mailbox.Password;
        }

        settings["Smtp:Host"] = smtp.Host;
        settings["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Smtp:Security"] = "None";
        settings["Digest:TimeZone"] = "UTC";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    private static async Task<long> CountAsync(NpgsqlConnection conn, string sql) =>
        Convert.ToInt64(await BenchDatabase.ScalarAsync(conn, sql), CultureInfo.InvariantCulture);

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
