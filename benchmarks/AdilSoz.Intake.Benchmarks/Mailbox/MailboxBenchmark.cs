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

    private static async Task MailboxRowAsync(string server, int count)
    {
        var cs = await BenchDatabase.CreateAsync(server);
        var dovecot = new DovecotServer();
        var smtp = new SmtpCapture();
        await dovecot.InitializeAsync();
        await smtp.InitializeAsync();
        try
        {
            var reports = new SyntheticReports(7).Generate(count, 30).ToList();
            await AppendAsync(dovecot, reports);

            var (floor, bytes) = await RawReadAsync(dovecot);
            Console.WriteLine($"raw IMAP read (UID FETCH BODY.PEEK[] of {count} mails, {bytes / 1024} KiB): {floor.TotalMilliseconds,8:F0} ms = {count / floor.TotalSeconds,8:F0} mails/s   load {LoadAverage()}");

            using var counter = new DatabaseCounter();
            using var worker = StartMailWorker(cs, dovecot, smtp);
            var sw = Stopwatch.StartNew();
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync();
            TimeSpan? pending = null;
            var atPending = counter.Snapshot();
            while (pending is null || smtp.Messages.Count < count)
            {
                if (pending is null && await CountAsync(conn, """SELECT count(*) FROM "Submissions" WHERE "Status" = 'Pending'""") >= count)
                {
                    pending = sw.Elapsed;
                    atPending = counter.Snapshot();
                }

                await Task.Delay(50);
            }

            var acknowledged = sw.Elapsed;
            var started = DateTimeOffset.UtcNow - acknowledged;
            var storedBy = (DateTime)(await BenchDatabase.ScalarAsync(conn, """SELECT max("ReceivedAt") FROM "InboundItems" """))!;
            var ingestedBy = (DateTime)(await BenchDatabase.ScalarAsync(conn, """SELECT max("ProcessedAt") FROM "InboundItems" """))!;
            Console.WriteLine($"of which: all stored and moved after {(storedBy - started.UtcDateTime).TotalSeconds,6:F1} s, all parsed into submissions after {(ingestedBy - started.UtcDateTime).TotalSeconds,6:F1} s");
            Console.WriteLine($"mailbox → all {count} pending, 1 Worker:     {pending.Value.TotalSeconds,8:F1} s = {count / pending.Value.TotalSeconds,8:F1} mails/s   load {LoadAverage()}");
            Console.WriteLine($"mailbox → all {count} acknowledged (SMTP):   {acknowledged.TotalSeconds,8:F1} s = {count / acknowledged.TotalSeconds,8:F1} mails/s");
            Console.WriteLine($"ratio to the raw read: {floor.TotalSeconds / pending.Value.TotalSeconds * 100,6:F2} %");
            var all = counter.Snapshot();
            Console.WriteLine($"per mail, through EF (Hangfire's own statements not counted): {atPending.RoundTrips / (double)count:F1} database round trips and "
                + $"{atPending.Commits / (double)count:F1} commits until pending; {all.RoundTrips / (double)count:F1} and {all.Commits / (double)count:F1} until acknowledged");
        }
        finally
        {
            await smtp.DisposeAsync();
            await dovecot.DisposeAsync();
            await BenchDatabase.DropAsync(server);
        }
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

    private static async Task AppendAsync(DovecotServer dovecot, List<SyntheticReport> reports)
    {
        using var client = await dovecot.ConnectAsync();
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite);
        for (var i = 0; i < reports.Count; i++)
        {
            using var message = Mail(reports[i], i, dovecot.Username);
            await inbox.AppendAsync(new AppendRequest(message, MessageFlags.None));
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

    /// <summary>The floor: every message's bytes with one FETCH of the whole set on one connection.</summary>
    private static async Task<(TimeSpan Elapsed, long Bytes)> RawReadAsync(DovecotServer dovecot)
    {
        using var client = await dovecot.ConnectAsync();
        var sw = Stopwatch.StartNew();
        var inbox = (ImapFolder)client.Inbox;
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
