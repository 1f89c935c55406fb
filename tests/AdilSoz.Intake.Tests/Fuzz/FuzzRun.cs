using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;

namespace AdilSoz.Intake.Tests.Fuzz;

/// <summary>Figures of one fuzz run.</summary>
public sealed record FuzzFigures(string Target, long Inputs, long Processed, long NeedsAttention, TimeSpan Elapsed, TimeSpan Slowest, string SlowestInput, long SlowRetried)
{
    public override string ToString() =>
        $"{Target}: {Inputs:N0} inputs in {Elapsed.TotalSeconds:0.0} s ({Inputs / Math.Max(0.001, Elapsed.TotalSeconds):N0}/s), " +
        $"processed {Processed:N0}, needs attention {NeedsAttention:N0}, slowest {Slowest.TotalMilliseconds:0} ms ({SlowestInput}), re-timed after a load spike {SlowRetried:N0}";
}

/// <summary>
/// Runs an FsCheck property over generated recipes with counting, a time bound per input (a watchdog
/// thread reports an input that runs past it as a hang) and figures for the report.
/// </summary>
public static class FuzzRun
{
    /// <summary>The by-hand run: <c>ADILSOZ_FUZZ_INPUTS</c> is set.</summary>
    public static bool ByHand => int.TryParse(Environment.GetEnvironmentVariable("ADILSOZ_FUZZ_INPUTS"), out var n) && n > 0;

    /// <summary>Inputs per target: <c>ADILSOZ_FUZZ_INPUTS</c> when set (the by-hand run), else <paramref name="ciDefault"/>.</summary>
    public static int Count(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("ADILSOZ_FUZZ_INPUTS"), out var n) && n > 0 ? n : ciDefault;

    /// <summary>Progress of a by-hand run, appended to artifacts/fuzz/progress.txt.</summary>
    public static void Progress(string line)
    {
        var folder = Environment.GetEnvironmentVariable("ADILSOZ_FUZZ_PROGRESS_DIR") is { Length: > 0 } dir ? dir : AdilSoz.Intake.Tests.Infrastructure.Artifacts.Folder("fuzz");
        Directory.CreateDirectory(folder);
        File.AppendAllText(Path.Combine(folder, "progress.txt"), $"{DateTimeOffset.UtcNow:HH:mm:ss} {line}{Environment.NewLine}");
    }

    /// <summary>Wall-clock budget per target in CI (the machine is shared); none in the by-hand run.</summary>
    public static TimeSpan? Budget(TimeSpan ci) => ByHand ? null : ci;

    /// <param name="build">Turns a recipe into the input (not timed).</param>
    /// <param name="run">The product code under test (timed against <paramref name="perInputLimit"/>).</param>
    public static FuzzFigures Check<T, TInput>(string target, Gen<T> recipes, int count, TimeSpan perInputLimit, Func<T, TInput> build, Func<TInput, (FuzzOutcome Outcome, string? Failure)> run, TimeSpan? budget = null)
        where T : notnull
    {
        long inputs = 0, processed = 0, attention = 0, retried = 0;
        var slowest = TimeSpan.Zero;
        var slowestInput = "";
        var current = default(T);
        var startedAt = 0L;
        var clock = Stopwatch.StartNew();
        var property = Prop.ForAll(Arb.From(recipes), recipe =>
        {
            if (budget is { } b && clock.Elapsed > b)
            {
                // Out of time (CI form): the remaining generated inputs are not run, nor counted.
                return;
            }

            current = recipe;
            var input = build(recipe);
            Volatile.Write(ref startedAt, clock.ElapsedTicks);
            var (outcome, failure) = run(input);
            var took = TimeSpan.FromTicks((long)((clock.ElapsedTicks - Volatile.Read(ref startedAt)) * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency)));
            Volatile.Write(ref startedAt, 0L);
            inputs++;
            _ = outcome == FuzzOutcome.Processed ? processed++ : attention++;
            if (took > slowest)
            {
                slowest = took;
                slowestInput = recipe.ToString() ?? "";
            }

            if (ByHand && inputs % 10_000 == 0)
            {
                Progress($"{target}: {inputs:N0} inputs, {clock.Elapsed.TotalSeconds:0} s, slowest {slowest.TotalMilliseconds:0} ms");
            }

            if (failure is not null)
            {
                throw new InvalidOperationException($"{recipe}: {failure}");
            }

            if (took > perInputLimit)
            {
                // The machine is shared: an input over the bound runs once more, alone, before it counts as too slow.
                var again = Stopwatch.StartNew();
                _ = run(input);
                took = again.Elapsed;
                retried++;
            }

            if (took > perInputLimit)
            {
                throw new TimeoutException($"{recipe}: took {took.TotalMilliseconds:0} ms, over the {perInputLimit.TotalMilliseconds:0} ms bound");
            }
        });

        var config = Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true);
        Exception? error = null;
        var worker = new Thread(() =>
        {
            try
            {
                property.Check(config);
            }
            catch (Exception e)
            {
                error = e;
            }
        }, 64 * 1024 * 1024) { IsBackground = true, Name = "fuzz " + target };
        worker.Start();
        var hangLimit = perInputLimit * 3;
        while (!worker.Join(TimeSpan.FromMilliseconds(200)))
        {
            var started = Volatile.Read(ref startedAt);
            if (started != 0 && TimeSpan.FromTicks((long)((clock.ElapsedTicks - started) * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency))) > hangLimit)
            {
                throw new TimeoutException($"{target}: input {current} runs for more than {hangLimit.TotalSeconds:0} s (a hang)");
            }
        }

        if (error is not null)
        {
            throw new InvalidOperationException($"{target}: failed after {inputs:N0} inputs: {error.Message}", error);
        }

        return new FuzzFigures(target, inputs, processed, attention, clock.Elapsed, slowest, slowestInput, retried);
    }
}
