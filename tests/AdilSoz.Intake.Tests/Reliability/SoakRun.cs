using System.Globalization;
using AdilSoz.Intake.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Reliability;

/// <summary>Runs only when <c>ADILSOZ_SOAK_SECONDS</c> is set (by <c>scripts/soak.sh</c>); skipped otherwise.</summary>
public sealed class SoakFactAttribute : FactAttribute
{
    public SoakFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ADILSOZ_SOAK_SECONDS")))
        {
            Skip = "Soak runs by hand: scripts/soak.sh --rate R --seconds T";
        }
    }
}

/// <summary>
/// The soak: real Bot and Worker processes, reports sent at a steady rate through both channels
/// (half Telegram, half mail) for a set time. Prints sent, received, queued, lost, duplicated, the
/// send → pending latency percentiles and the load average, to the test output and to
/// <c>artifacts/reliability/soak-latest.txt</c>. The rate is held when nothing is lost or doubled and
/// the queue drains within <see cref="HeldDrain"/> of the last report.
/// Settings: <c>ADILSOZ_SOAK_RATE</c> (reports/s), <c>ADILSOZ_SOAK_SECONDS</c>, <c>ADILSOZ_SOAK_WORKERS</c> (job threads).
/// </summary>
public sealed class SoakRun(ITestOutputHelper output)
{
    private static readonly TimeSpan HeldDrain = TimeSpan.FromSeconds(30);

    [SoakFact]
    public async Task Reports_at_a_steady_rate_through_both_channels_all_arrive_once()
    {
        var rate = double.TryParse(Environment.GetEnvironmentVariable("ADILSOZ_SOAK_RATE"), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 4;
        var seconds = CrashTests.Setting("ADILSOZ_SOAK_SECONDS", 60);
        var workers = CrashTests.Setting("ADILSOZ_SOAK_WORKERS", 8);
        var count = (int)Math.Round(rate * seconds);
        await using var world = await ReliabilityWorld.StartAsync(workers);
        await world.StartHostsAsync();
        var loadAtStart = CrashTests.LoadAverage();

        var sending = world.SendAtRateAsync(count, rate);
        var samples = new List<string>();
        var maxLoad = 0.0;
        var started = DateTime.UtcNow;
        while (!sending.IsCompleted)
        {
            await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(10)));
            var now = await world.TallyAsync();
            var load = CrashTests.LoadAverage();
            maxLoad = Math.Max(maxLoad, double.Parse(load.Split(' ')[0], CultureInfo.InvariantCulture));
            var line = string.Create(CultureInfo.InvariantCulture,
                $"t+{(DateTime.UtcNow - started).TotalSeconds:F0}s sent {now.Sent} pending {now.Pending} in flight {now.Sent - now.Pending} load {load}");
            samples.Add(line);
            output.WriteLine(line);
        }

        var behind = await sending;
        var lastSent = DateTime.UtcNow;
        var figures = await world.WaitUntilSettledAsync(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(100));
        var drain = DateTime.UtcNow - lastSent;
        var held = figures.Settled && figures.Lost == 0 && figures.Duplicated == 0 && drain <= HeldDrain && behind < TimeSpan.FromSeconds(2);
        var report = string.Join('\n',
            string.Create(CultureInfo.InvariantCulture, $"soak: {rate}/s for {seconds} s ({count} reports), {workers} job threads; {(held ? "HELD" : "NOT HELD")}"),
            string.Create(CultureInfo.InvariantCulture, $"sender at worst {behind.TotalSeconds:F1} s behind; queue drained {drain.TotalSeconds:F1} s after the last report"),
            figures.Describe().Replace("stored ", "received ", StringComparison.Ordinal),
            $"load average: start {loadAtStart}, max 1-min {maxLoad.ToString("F2", CultureInfo.InvariantCulture)}, end {CrashTests.LoadAverage()} (2 cores, shared with other builds)",
            "samples:",
            string.Join('\n', samples));
        output.WriteLine(report);
        var folder = Artifacts.Folder("reliability");
        await File.WriteAllTextAsync(Path.Combine(folder, "soak-latest.txt"), report + "\n");
        await File.AppendAllTextAsync(Path.Combine(folder, "soak-history.txt"), $"{DateTime.UtcNow:u}\n{report}\n\n");

        Assert.True(figures.Lost == 0 && figures.Duplicated == 0 && figures.Unknown == 0, report);
    }
}
