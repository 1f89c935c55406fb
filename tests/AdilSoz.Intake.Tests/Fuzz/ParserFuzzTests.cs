using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Fuzz;

/// <summary>
/// Mutated real-style mails and Telegram updates through the product's parsers, in process. CI runs a
/// bounded number; <c>ADILSOZ_FUZZ_INPUTS=1000000</c> runs the by-hand form (figures printed).
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    // A hang guard (an input over it runs again alone before it fails); the slowest input is printed.
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(30);

    [Fact]
    public void Mutated_mails_end_processed_or_in_needs_attention()
    {
        var figures = FuzzRun.Check("mail parser", FuzzGenerators.Mail, FuzzRun.Count(1_500), PerInput,
            MailMutator.Build, raw => FuzzTargets.Mail(raw), FuzzRun.Budget(TimeSpan.FromSeconds(6)));
        Report(figures);
        Assert.True(figures.Processed > 0 && figures.NeedsAttention > 0, "The mutations reach both outcomes.");
    }

    [Fact]
    public void Oversized_nested_and_bomb_mails_end_processed_or_in_needs_attention()
    {
        var figures = FuzzRun.Check("mail parser (heavy)", FuzzGenerators.HeavyMail, Math.Max(20, FuzzRun.Count(20) / 200), PerInput,
            MailMutator.Build, raw => FuzzTargets.Mail(raw), FuzzRun.Budget(TimeSpan.FromSeconds(3)));
        Report(figures);
    }

    [Fact]
    public void Mutated_updates_end_processed_or_in_needs_attention()
    {
        var figures = FuzzRun.Check("update reader and dialogue", FuzzGenerators.Update, FuzzRun.Count(3_000), PerInput,
            UpdateMutator.Build, FuzzTargets.Update, FuzzRun.Budget(TimeSpan.FromSeconds(6)));
        Report(figures);
        Assert.True(figures.Processed > 0 && figures.NeedsAttention > 0, "The mutations reach both outcomes.");
    }

    private void Report(FuzzFigures figures)
    {
        output.WriteLine(figures.ToString());
        Console.WriteLine("[fuzz] " + figures);
    }
}
