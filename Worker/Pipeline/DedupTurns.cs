namespace AdilSoz.Intake.Worker.Pipeline;

/// <summary>
/// The order in which this Worker's pipeline batches take the dedup lock: the order they were claimed in.
/// Two drains overlap — one computes its batch's suggestions and fingerprints while the other holds the lock —
/// yet a batch claimed later (later reports) is never compared before an earlier one, so a cluster starts
/// with its first report as it does with one drain. (Batches of two Workers take the lock as it comes.)
/// </summary>
public sealed class DedupTurns : IDisposable
{
    private readonly SemaphoreSlim _claiming = new(1, 1);
    private Task _last = Task.CompletedTask;

    /// <summary>Runs <paramref name="claim"/> alone and gives the batch its turn, behind every batch claimed before it.</summary>
    public async Task<(T Claimed, Turn Turn)> ClaimAsync<T>(Func<Task<T>> claim, CancellationToken ct)
    {
        await _claiming.WaitAsync(ct);
        try
        {
            var claimed = await claim();
            var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var turn = new Turn(_last, mine);
            _last = mine.Task;
            return (claimed, turn);
        }
        finally
        {
            _claiming.Release();
        }
    }

    public void Dispose() => _claiming.Dispose();

    /// <summary>
    /// A batch's place in line. <see cref="WaitAsync"/> returns once every batch claimed before it holds the lock or
    /// has given up its turn; <see cref="Pass"/> (or disposing) lets the next one go.
    /// </summary>
    public sealed class Turn(Task previous, TaskCompletionSource mine) : IDisposable
    {
        public Task WaitAsync(CancellationToken ct) => previous.WaitAsync(ct);

        public void Pass() => mine.TrySetResult();

        public void Dispose() => Pass();
    }
}
