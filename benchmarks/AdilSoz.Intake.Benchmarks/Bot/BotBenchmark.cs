using System.Diagnostics;
using System.Globalization;
using AdilSoz.Intake.Benchmarks.Dedup;
using AdilSoz.Intake.Bot.Hosting;
using AdilSoz.Intake.Bot.Receiving;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Operations;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using Telegram.Bot;

namespace AdilSoz.Intake.Benchmarks.Bot;

/// <summary>
/// A new reporter's <c>/start</c> → the bot's first reply, through the real Bot host in long-polling mode
/// against the Bot API stand-in of the integration tests, beside the floor measured in the same run: a bare
/// echo loop (a Telegram.Bot client polling another stand-in and echoing each message). Prints p50/p95/max,
/// the cold first reply, and the database round trips and commits per update.
/// Usage: <c>bot [--chats 150] [--rate 5]</c>.
/// </summary>
public static class BotBenchmark
{
    private const long FirstUser = 7_100_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var chats = Arg(args, "--chats", 150);
        var rate = Arg(args, "--rate", 5);
        var server = BenchDatabase.Server();
        var cs = await BenchDatabase.CreateAsync(server);
        Console.WriteLine($"bot benchmark: {Environment.ProcessorCount} cores, {chats} new chats' /start at {rate}/s; load average {Load()}");
        try
        {
            var echo = await EchoAsync(chats, rate);
            Console.WriteLine($"echo loop (floor):       p50 {echo.P50,6:F1} ms   p95 {echo.P95,6:F1} ms   max {echo.Max,6:F1} ms   ({echo.CpuMs:F2} ms CPU per message, whole process)");
            Console.WriteLine($"  the slowest twentieth: {echo.Slowest}");
            var bot = await BotAsync(cs, chats, rate);
            Console.WriteLine($"bot, /start → reply:     p50 {bot.Latency.P50,6:F1} ms   p95 {bot.Latency.P95,6:F1} ms   max {bot.Latency.Max,6:F1} ms   " +
                $"(p95 = {bot.Latency.P95 / echo.P95:F1}× the echo loop; {bot.Latency.CpuMs:F2} ms CPU per update, whole process)");
            Console.WriteLine($"  the slowest twentieth: {bot.Latency.Slowest}");
            Console.WriteLine($"bot, cold first reply:   {bot.Cold,6:F1} ms (the first /start after the host started)");
            Console.WriteLine($"bot, per update:         {bot.RoundTrips:F1} database round trips, {bot.Commits:F1} commits " +
                $"({bot.Commands:F1} commands, {bot.Savepoints:F1} savepoint operations)");
            Console.WriteLine($"load average after: {Load()} (the machine may be shared; figures under load are noisy)");
            return 0;
        }
        finally
        {
            await BenchDatabase.DropAsync(server);
        }
    }

    /// <summary><paramref name="Slowest"/>: the slowest twentieth, as "#n x ms" in order of arrival (does the tail come at the start?).</summary>
    private sealed record Percentiles(double P50, double P95, double Max, string Slowest, double CpuMs = 0);

    private sealed record BotFigures(Percentiles Latency, double Cold, double RoundTrips, double Commits, double Commands, double Savepoints);

    /// <summary>The floor: what a reply costs when the bot does nothing but answer.</summary>
    private static async Task<Percentiles> EchoAsync(int chats, int rate)
    {
        await using var api = await BotApiStandIn.StartAsync();
        using var stop = new CancellationTokenSource();
        var client = new TelegramBotClient(new TelegramBotClientOptions(api.Token, api.BaseUrl));
        var loop = Task.Run(async () =>
        {
            int? offset = null;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    foreach (var update in await client.GetUpdates(offset, timeout: 25, cancellationToken: stop.Token))
                    {
                        offset = update.Id + 1;
                        if (update.Message is { Text: { } text } message)
                        {
                            await client.SendMessage(message.Chat.Id, text, cancellationToken: stop.Token);
                        }
                    }
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        });

        // One message first, so that the loop is warm: the floor is the steady cost of a round trip.
        var warm = api.EnqueueText(FirstUser - 1, "/start");
        await api.WaitForMessageAsync(FirstUser - 1, "/start");
        _ = warm;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var latencies = await SendStartsAsync(api, FirstUser, chats, rate);
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / chats;
        await stop.CancelAsync();
        await loop;
        return Summarize(latencies) with { CpuMs = used };
    }

    private static async Task<BotFigures> BotAsync(string connectionString, int chats, int rate)
    {
        await using var api = await BotApiStandIn.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(BenchDatabase.Settings(connectionString))
        {
            ["Telegram:BotToken"] = api.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Telegram:Mode"] = "Polling",
            ["Urls"] = "http://127.0.0.1:0",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // The Bot, composed as Bot/Program.cs composes it.
        builder.AddIntakeDefaults();
        builder.AddTelegramIntake();
        await using var app = builder.Build();
        app.MapTelegramWebhook();
        app.MapIntakeProbes();
        await IntakeDatabase.MigrateAsync(app.Services);
        await app.StartAsync();
        await api.WaitUntilAsync(() => api.Calls("getUpdates").Count > 0, TimeSpan.FromSeconds(60));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        const string Handled = "SELECT count(*) FROM \"InboundItems\" WHERE \"Channel\" = 'Telegram' AND \"Status\" <> 'Stored'";
        var handledBefore = (long)(await BenchDatabase.ScalarAsync(connection, Handled))!;
        using var counter = new DatabaseCounter();
        var before = counter.Snapshot();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var latencies = await SendStartsAsync(api, FirstUser + chats, chats, rate);

        // Every update handled to the end: the reply goes out inside the update's transaction and the commit follows,
        // so an update counts once its row is committed as handled. Polled with plain Npgsql, which the counter does not see.
        var deadline = Stopwatch.StartNew();
        while ((long)(await BenchDatabase.ScalarAsync(connection, Handled))! < handledBefore + chats && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        var after = counter.Snapshot();
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / chats;
        await app.StopAsync();
        double PerUpdate(long a, long b) => (double)(a - b) / chats;
        return new BotFigures(Summarize(latencies) with { CpuMs = used }, latencies[0],
            PerUpdate(after.RoundTrips, before.RoundTrips), PerUpdate(after.Commits, before.Commits),
            PerUpdate(after.Commands, before.Commands), PerUpdate(after.Savepoints, before.Savepoints));
    }

    /// <summary>
    /// Queues a new chat's <c>/start</c> every 1/<paramref name="rate"/> s and returns, per chat in order, the
    /// time from the queueing to the first sendMessage the stand-in answered for that chat.
    /// </summary>
    private static async Task<double[]> SendStartsAsync(BotApiStandIn api, long firstUser, int chats, int rate)
    {
        var sent = new DateTimeOffset[chats];
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < chats; i++)
        {
            var due = interval * i;
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            sent[i] = DateTimeOffset.UtcNow;
            api.EnqueueText(firstUser + i, "/start");
        }

        var ok = await api.WaitUntilAsync(() => Answered(api, firstUser, chats).Count == chats, TimeSpan.FromMinutes(2));
        if (!ok)
        {
            throw new TimeoutException($"Only {Answered(api, firstUser, chats).Count} of {chats} chats got a reply.");
        }

        var first = Answered(api, firstUser, chats);
        return [.. Enumerable.Range(0, chats).Select(i => (first[firstUser + i] - sent[i]).TotalMilliseconds)];
    }

    private static Dictionary<long, DateTimeOffset> Answered(BotApiStandIn api, long firstUser, int chats)
    {
        var first = new Dictionary<long, DateTimeOffset>();
        foreach (var call in api.Calls("sendMessage"))
        {
            if (call.StatusCode == 200 && ChatId(call) is { } chat && chat >= firstUser && chat < firstUser + chats)
            {
                first.TryAdd(chat, call.At);
            }
        }

        return first;
    }

    private static long? ChatId(BotApiCall call) =>
        call.Body["chat_id"]?.ToString() is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static Percentiles Summarize(double[] latencies)
    {
        var sorted = latencies.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        var slowest = latencies.Select((ms, i) => (ms, i)).OrderByDescending(x => x.ms).Take(Math.Max(1, latencies.Length / 20)).OrderBy(x => x.i)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"#{x.i + 1} {x.ms:F1}"));
        return new Percentiles(At(0.50), At(0.95), sorted[^1], string.Join(", ", slowest) + " ms");
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
