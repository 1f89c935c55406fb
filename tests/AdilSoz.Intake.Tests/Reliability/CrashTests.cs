using System.Globalization;
using AdilSoz.Intake.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Reliability;

/// <summary>
/// The Bot and the Worker, as real processes, killed with SIGKILL at random moments and restarted
/// while reports flow in through Telegram (the Bot API stand-in) and mail (Dovecot): every report
/// must end in the moderation queue exactly once, and every mail must get exactly one acknowledgement.
/// <c>ADILSOZ_FAULT_REPORTS</c> sets the number of reports (CI: 120; by hand: 1000),
/// <c>ADILSOZ_FAULT_RATE</c> the reports per second (default 8), <c>ADILSOZ_FAULT_SEED</c> the random seed.
/// Figures go to the test output and to <c>artifacts/reliability/crash-N.txt</c>.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Bot_and_Worker_killed_at_random_while_reports_flow_in_every_report_arrives_exactly_once()
    {
        var count = Setting("ADILSOZ_FAULT_REPORTS", 120);
        var rate = Setting("ADILSOZ_FAULT_RATE", 8);
        var seed = Setting("ADILSOZ_FAULT_SEED", Random.Shared.Next(1, 1_000_000));
        var random = new Random(seed);
        var started = DateTime.UtcNow;
        await using var world = await ReliabilityWorld.StartAsync();
        await world.StartHostsAsync();

        var sending = world.SendAtRateAsync(count, rate);
        var kills = new List<string>();
        var killing = Task.Run(async () =>
        {
            // Kill, at random moments while reports are being sent, one of the two (the first two kills hit each once).
            for (var i = 0; !sending.IsCompleted; i++)
            {
                // Note: for the long run the pauses are longer, so the restarted processes get going between kills.
                await Task.WhenAny(sending, Task.Delay(TimeSpan.FromMilliseconds(count > 200 ? random.Next(4_000, 12_000) : random.Next(1_000, 4_000))));
                if (sending.IsCompleted)
                {
                    break;
                }

                var target = i switch { 0 => world.Bot, 1 => world.Worker, _ => random.Next(2) == 0 ? world.Bot : world.Worker };
                var at = DateTime.UtcNow - started;
                await target.KillAsync();
                lock (kills)
                {
                    kills.Add(string.Create(CultureInfo.InvariantCulture, $"{(target == world.Bot ? "bot" : "worker")}@{at.TotalSeconds:F1}s"));
                }

                // Down for up to a second, as under a supervisor that restarts it.
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 1_000)));
                target.Start();
            }
        });
        var behind = await sending;
        await killing;
        var sentIn = DateTime.UtcNow - started;

        // A job taken by a killed Worker becomes visible again after Hangfire's 30-second invisibility timeout.
        var figures = await world.WaitUntilSettledAsync(TimeSpan.FromMinutes(count > 200 ? 15 : 4), TimeSpan.FromSeconds(100));
        var report = string.Join('\n',
            $"crash test: {count} reports at {rate}/s, seed {seed}; sender at worst {behind.TotalSeconds:F1} s behind",
            $"kills: bot {world.Bot.Kills}, worker {world.Worker.Kills} ({string.Join(' ', kills)})",
            $"sending took {sentIn.TotalSeconds:F0} s, settled after {(DateTime.UtcNow - started).TotalSeconds:F0} s",
            figures.Describe(),
            $"load average at the end: {LoadAverage()}");
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Artifacts.Folder("reliability"), $"crash-{count}.txt"), report + "\n");

        Assert.True(world.Bot.Kills >= 1 && world.Worker.Kills >= 1, report);
        Assert.Equal(count, figures.Sent);
        Assert.True(figures.Lost == 0, report);
        Assert.True(figures.Duplicated == 0, report);
        Assert.True(figures.Unknown == 0, report);
        Assert.True(figures.Pending == count, report);
        // A mail gets its acknowledgement once; where the Worker was killed while handing it to the server it is
        // counted sent unconfirmed (shown to monitors) and never sent a second time.
        Assert.True(figures.Acknowledged + figures.AcknowledgementsUnconfirmed == figures.SentMail && figures.AcknowledgementsRepeated == 0, report);
        Assert.True(world.Smtp.Messages.Count == figures.Acknowledged, report);
        Assert.True(figures.Confirmed == figures.SentTelegram, report);
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
}
