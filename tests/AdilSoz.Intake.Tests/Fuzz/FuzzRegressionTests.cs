using System.Diagnostics;

namespace AdilSoz.Intake.Tests.Fuzz;

/// <summary>Inputs the fuzzer found failing, kept as regression cases (each failed before its fix).</summary>
public sealed class FuzzRegressionTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static TheoryData<MailRecipe, FuzzOutcome> Mails => new()
    {
        // U+0000 in subject, file name and body: PostgreSQL refused the submission, the job failed for ever.
        { new MailRecipe(10, MailMutation.ControlCharacters, 454457, 1058037885), FuzzOutcome.Processed },
        // A header of several hundred KB took seconds per message.
        { new MailRecipe(16, MailMutation.HugeHeader, 489428, 763117979), FuzzOutcome.Processed },
        { new MailRecipe(0, MailMutation.HugeHeader, 170784, 309268360), FuzzOutcome.Processed },
        // A flipped byte made U+0000 reach a stored field past the first fix (found at input 26,000 of the by-hand run).
        { new MailRecipe(7, MailMutation.FlipBytes, 760673, 2093879359), FuzzOutcome.Processed },
    };

    public static TheoryData<UpdateRecipe, FuzzOutcome> Updates => new()
    {
        // A message without "chat": NullReferenceException in the handler, five failed attempts.
        { new UpdateRecipe(8, UpdateMutation.MissingField, 586283, 1078772285), FuzzOutcome.NeedsAttention },
        // update_id of the wrong type: the store itself threw, so the poller could never move past it.
        { new UpdateRecipe(2, UpdateMutation.WrongType, 433866, 1540201176), FuzzOutcome.NeedsAttention },
        // U+0000 in a forwarded message's text: the report text could not be stored.
        { new UpdateRecipe(6, UpdateMutation.ControlCharacters, 259888, 1634144334), FuzzOutcome.Processed },
        { new UpdateRecipe(2, UpdateMutation.ControlCharacters, 485832, 1059220283), FuzzOutcome.Processed },
        // A null entry in "photo": NullReferenceException in the dialogue, five failed attempts.
        { new UpdateRecipe(2, UpdateMutation.WrongType, 944565, 885501903), FuzzOutcome.Processed },
    };

    [Theory]
    [MemberData(nameof(Mails))]
    public async Task Mail_found_by_the_fuzzer(MailRecipe recipe, FuzzOutcome expected)
    {
        var raw = MailMutator.Build(recipe);
        var clock = Stopwatch.StartNew();
        // A hang guard only: how long the parser takes is printed, and measured by the fuzz runner.
        var (outcome, failure) = await Task.Run(() => FuzzTargets.Mail(raw)).WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"{recipe}: parsed in {clock.ElapsedMilliseconds} ms");
        Assert.Null(failure);
        Assert.Equal(expected, outcome);
    }

    [Theory]
    [MemberData(nameof(Updates))]
    public void Update_found_by_the_fuzzer(UpdateRecipe recipe, FuzzOutcome expected)
    {
        var (outcome, failure) = FuzzTargets.Update(UpdateMutator.Build(recipe));
        Assert.Null(failure);
        Assert.Equal(expected, outcome);
    }
}
