using AdilSoz.Intake.Worker.Pipeline;

namespace AdilSoz.Intake.Tests.Pipeline;

/// <summary>The pipeline batches of one Worker take the dedup lock in the order they were claimed.</summary>
public sealed class DedupTurnsTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_batch_waits_for_every_batch_claimed_before_it_and_not_for_those_after()
    {
        using var turns = new DedupTurns();
        var (_, first) = await turns.ClaimAsync(() => Task.FromResult(1), CancellationToken.None);
        var (_, second) = await turns.ClaimAsync(() => Task.FromResult(2), CancellationToken.None);
        var (_, third) = await turns.ClaimAsync(() => Task.FromResult(3), CancellationToken.None);

        await first.WaitAsync(CancellationToken.None).WaitAsync(Hang);
        var secondGoes = second.WaitAsync(CancellationToken.None);
        var thirdGoes = third.WaitAsync(CancellationToken.None);
        Assert.False(secondGoes.IsCompleted);

        // The third passing early (it never needed the lock) lets nobody ahead of their turn.
        third.Pass();
        Assert.False(secondGoes.IsCompleted);
        Assert.False(thirdGoes.IsCompleted);

        first.Pass();
        await secondGoes.WaitAsync(Hang);
        Assert.False(thirdGoes.IsCompleted);

        // A batch that failed before the lock gives up its turn when it is disposed.
        second.Dispose();
        await thirdGoes.WaitAsync(Hang);
    }

    [Fact]
    public async Task A_claim_that_fails_takes_no_turn_and_the_next_claim_goes_on()
    {
        using var turns = new DedupTurns();
        var (_, first) = await turns.ClaimAsync(() => Task.FromResult(1), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => turns.ClaimAsync<int>(() => throw new InvalidOperationException("the database went away"), CancellationToken.None));

        var (claimed, next) = await turns.ClaimAsync(() => Task.FromResult(3), CancellationToken.None).WaitAsync(Hang);
        Assert.Equal(3, claimed);
        var nextGoes = next.WaitAsync(CancellationToken.None);
        Assert.False(nextGoes.IsCompleted);
        first.Pass();
        await nextGoes.WaitAsync(Hang);
    }

    [Fact]
    public async Task Claims_run_one_at_a_time()
    {
        using var turns = new DedupTurns();
        var inside = 0;
        var most = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var (_, turn) = await turns.ClaimAsync(async () =>
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Delay(5);
                Interlocked.Decrement(ref inside);
                return i;
            }, CancellationToken.None);
            await turn.WaitAsync(CancellationToken.None);
            turn.Pass();
        }))).WaitAsync(Hang);
        Assert.Equal(1, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
