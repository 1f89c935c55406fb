using AdilSoz.Intake.Core.Dedup;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Worker.Pipeline;

namespace AdilSoz.Intake.Worker.Hosting;

/// <summary>
/// <c>Worker dedup rebuild [--page N]</c>: recomputes the fingerprints and index keys of all processed
/// submissions (after a change of the key kinds or of the fingerprint). Idempotent; prints a progress
/// line every page and finally <c>rebuilt N submissions: keys before K, after K</c>.
/// </summary>
public static class DedupCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["rebuild", ..])
        {
            await Console.Error.WriteLineAsync("dedup: usage: Worker dedup rebuild [--page 1000]");
            return 2;
        }

        var page = 1000;
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--page" && i + 1 < args.Length && int.TryParse(args[i + 1], out var p) && p > 0)
            {
                page = p;
                i++;
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        var builder = IntakeDefaults.CreateCommandBuilder([.. rest]);
        builder.Services.AddSingleton(new NearDuplicateIndex());
        builder.Services.AddScoped<DedupKeysRebuild>();
        return await builder.RunCommandAsync(async services =>
        {
            await using var scope = services.CreateAsyncScope();
            var counts = await scope.ServiceProvider.GetRequiredService<DedupKeysRebuild>()
                .RunAsync(page, n => Console.WriteLine($"dedup rebuild: {n} submissions"), CancellationToken.None);
            Console.WriteLine($"rebuilt {counts.Submissions} submissions: keys before {counts.KeysBefore}, after {counts.KeysAfter}");
            return 0;
        });
    }
}
