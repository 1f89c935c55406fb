using System.Diagnostics;
using System.Globalization;
using System.Net;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Tests.Operations;

/// <summary>
/// The Bot and the Worker as real processes: what an orchestrator probes (/healthz, /readyz) and what
/// Prometheus scrapes (/metrics) on the Bot's site and on the Worker's health listener: Telegram updates
/// counted by the Bot, an outbound mail that cannot be sent counted by the Worker, the queue depth.
/// </summary>
public sealed class ProcessProbeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Bot_and_worker_report_ready_and_their_metrics_count_what_arrived()
    {
        await using var api = await BotApiStandIn.StartAsync();
        var digest = new OutboundMessage
        {
            IdempotencyKey = "probe-" + Guid.NewGuid().ToString("N"), Channel = Channel.Email, Kind = OutboundKind.Digest,
            Recipient = "editors@adilsoz.test", Subject = "Digest", Body = "3 reports waiting", CreatedAt = DateTimeOffset.UtcNow,
        };
        await using (var db = database.CreateDbContext())
        {
            for (var i = 0; i < 2; i++)
            {
                db.Submissions.Add(new Submission
                {
                    Channel = Channel.Email, Status = SubmissionStatus.Pending, Text = "report " + i,
                    ReceivedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                });
            }

            db.Submissions.Add(new Submission
            {
                Channel = Channel.Email, Status = SubmissionStatus.NeedsAttention, Text = "broken",
                ReceivedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            db.OutboundMessages.Add(digest);
            await db.SaveChangesAsync();
        }

        var bot = $"http://127.0.0.1:{ProbeClient.FreePort()}";
        var worker = $"http://127.0.0.1:{ProbeClient.FreePort()}";
        var common = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Intake"] = database.ConnectionString,
            ["Telegram__BotToken"] = api.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl,
            ["Worker__JobWorkers"] = "2",
        };
        using var botProcess = Start("Bot", new Dictionary<string, string?>(common) { ["ASPNETCORE_URLS"] = bot });
        // SMTP on a port where nothing listens: the digest's sending fails (and is retried later).
        using var workerProcess = Start("Worker", new Dictionary<string, string?>(common)
        {
            ["Health__Urls"] = worker, ["Smtp__Host"] = "127.0.0.1", ["Smtp__Port"] = ProbeClient.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None", ["Smtp__From"] = "intake@adilsoz.test",
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var botReady = await Poll.UntilAsync(() => ProbeClient.GetAsync(http, bot + "/readyz"), r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(150));
            Assert.True(botReady.Status == HttpStatusCode.OK, $"bot /readyz: {(int)botReady.Status} {botReady.Body}");
            Assert.Contains("database: ok", botReady.Body, StringComparison.Ordinal);
            Assert.Contains("telegram: ok", botReady.Body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await ProbeClient.GetAsync(http, bot + "/healthz")).Status);

            var workerReady = await Poll.UntilAsync(() => ProbeClient.GetAsync(http, worker + "/readyz"), r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(150));
            Assert.True(workerReady.Status == HttpStatusCode.OK, $"worker /readyz: {(int)workerReady.Status} {workerReady.Body}");
            Assert.Contains("job-server: ok", workerReady.Body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await ProbeClient.GetAsync(http, worker + "/healthz")).Status);

            var before = ProbeClient.Value((await ProbeClient.GetAsync(http, bot + "/metrics")).Body, "adilsoz_reports_received_total", "channel=\"telegram\"");
            Assert.Equal(0, before);
            api.EnqueueText(7701, "/start");
            api.EnqueueText(7702, "В Уральске задержали журналиста");
            api.EnqueueText(7703, "/help");
            var scraped = await Poll.UntilAsync(() => ProbeClient.GetAsync(http, bot + "/metrics"),
                r => ProbeClient.Value(r.Body, "adilsoz_reports_received_total", "channel=\"telegram\"") >= 3, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));
            Assert.Equal(3, ProbeClient.Value(scraped.Body, "adilsoz_reports_received_total", "channel=\"telegram\""));

            using (var client = PostgresDatabase.CreateHost(database.ConnectionString))
            {
                client.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<IOutboundJob>(j => j.SendAsync(digest.Id, CancellationToken.None));
            }

            var workerMetrics = (await Poll.UntilAsync(() => ProbeClient.GetAsync(http, worker + "/metrics"),
                r => ProbeClient.Value(r.Body, "adilsoz_outbound_failures_total") >= 1, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500))).Body;
            // Every failed attempt counts, and the digest is retried: one or more by the time of the scrape.
            Assert.True(ProbeClient.Value(workerMetrics, "adilsoz_outbound_failures_total") >= 1, workerMetrics);
            Assert.Equal(2, ProbeClient.Value(workerMetrics, "adilsoz_queue_depth", "status=\"pending\""));
            Assert.Equal(1, ProbeClient.Value(workerMetrics, "adilsoz_queue_depth", "queue=\"submissions\",status=\"needs_attention\""));
        }
        finally
        {
            Stop(botProcess);
            Stop(workerProcess);
        }

        // Once the Worker is gone its listener is gone too: the orchestrator sees it down, not "ready".
        Assert.Equal((HttpStatusCode)0, (await ProbeClient.GetAsync(http, worker + "/readyz")).Status);
    }

    private static Process Start(string host, Dictionary<string, string?> environment)
    {
        var process = Process.Start(HostProcess.StartInfo(host, environment))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }
}
