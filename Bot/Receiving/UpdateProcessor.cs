using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace AdilSoz.Intake.Bot.Receiving;

/// <summary>
/// Handles Telegram updates in order, one DI scope per update. An update just received is stored and
/// handled in one transaction, so its reply waits for no commit and the update costs one (<see cref="ReceiveAsync"/>);
/// when that is not possible (earlier updates still wait, the handler failed, the update cannot be
/// read) it is only stored, and taken from the store like updates left behind by a crash. Several Bot
/// instances share the stored work: each claims the next stored update with <c>FOR UPDATE SKIP LOCKED</c>.
/// An update that cannot be understood, or that fails repeatedly, lands in "needs attention" with its
/// raw JSON kept; the bot goes on.
/// </summary>
public sealed class UpdateProcessor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<UpdateProcessor> logger) : BackgroundService
{
    private const int MaxAttempts = 5;
    private readonly SemaphoreSlim _signal = new(0);

    // One update at a time in this instance, whether just received or taken from the store.
    private readonly SemaphoreSlim _turn = new(1, 1);

    // Stored updates may be waiting (true at start: a crash may have left some); while they are, a
    // received update is stored behind them rather than answered ahead of them.
    private bool _backlog = true;
    private int _failedInARow;

    private enum Outcome
    {
        /// <summary>Stored and handled in one transaction.</summary>
        Handled,

        /// <summary>Not handled now (earlier updates wait, it cannot be read, or it is a redelivery): to be stored.</summary>
        NotHandled,

        /// <summary>The handler failed and everything was rolled back: to be stored, one attempt counted.</summary>
        Failed,
    }

    public void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessNextAsync(stoppingToken))
                {
                    if (_failedInARow > 0)
                    {
                        // A failing update is tried again after a growing pause, not five times within milliseconds
                        // (which put it in "needs attention" during a Bot API hiccup).
                        await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, Math.Min(_failedInARow - 1, 6)))), stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError("Update processing loop failed ({Error})", e.GetType().Name);
            }

            await _signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Takes an update just received from Telegram (long polling or the webhook). When it returns, the update
    /// is committed — handled and stored, or stored for the processor — so its source may be acknowledged.
    /// A database failure throws, and nothing is acknowledged.
    /// </summary>
    public async Task ReceiveAsync(string rawJson, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            var outcome = _backlog ? Outcome.NotHandled : await StoreAndHandleAsync(rawJson, ct);
            if (outcome == Outcome.Handled)
            {
                return;
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<UpdateStore>().StoreAsync(rawJson, ct, attempts: outcome == Outcome.Failed ? 1 : 0);
            }

            _backlog = true;
            Signal();
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Processes one stored update; false when there is none.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();

            // Note: the context retries on transient failures, which EF allows for a user transaction only
            // as one retriable unit; a retry starts the update over from a clean change tracker.
            var strategy = db.Database.CreateExecutionStrategy();

            // The update's own savepoint (below) is what a failure rolls back to; EF's savepoint around every
            // SaveChanges inside the transaction would add two round trips per save before the reply goes out.
            db.Database.AutoSavepointsEnabled = false;
            var found = await strategy.ExecuteAsync(async cancel =>
            {
                db.ChangeTracker.Clear();
                scope.ServiceProvider.GetRequiredService<AfterCommit>().Discard();
                return await ProcessInTransactionAsync(scope.ServiceProvider, db, cancel);
            }, ct);
            if (!found)
            {
                _backlog = false;
            }

            return found;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// Stores a received update and handles it in the same transaction. A handler failure rolls back both
    /// (the caller then stores the update alone, one attempt counted); so does a redelivery of an update
    /// stored before.
    /// </summary>
    private async Task<Outcome> StoreAndHandleAsync(string rawJson, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<UpdateStore>();
        var item = store.NewItem(rawJson);
        var update = item.Status == InboundStatus.Stored ? ReadUpdate(Encoding.UTF8.GetBytes(rawJson)) : null;
        if (update is null)
        {
            // Stored alone: the processor puts it in needs attention with the reason.
            return Outcome.NotHandled;
        }

        var db = services.GetRequiredService<IntakeDbContext>();
        db.Database.AutoSavepointsEnabled = false;
        var afterCommit = services.GetRequiredService<AfterCommit>();
        var outcome = await db.Database.CreateExecutionStrategy().ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            afterCommit.Discard();
            await using var tx = await db.Database.BeginTransactionAsync(cancel);
            var now = clock.GetUtcNow();
            item.Id = 0;
            item.ReporterId = null;
            item.Status = InboundStatus.Processed;
            item.ProcessedAt = now;

            // Note: the item is inserted with the handler's first save, together with what the handler wrote, one
            // round trip less before the reply. A redelivery (the update stored before) fails that save before
            // any reply is sent, and everything is rolled back.
            db.InboundItems.Add(item);
            try
            {
                await services.GetRequiredService<ITelegramUpdateHandler>().HandleAsync(update, item, cancel);
                await db.SaveChangesAsync(cancel);
            }
            catch (DbUpdateException e) when (UpdateStore.IsAlreadyStored(e))
            {
                return Outcome.NotHandled;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("A received update failed ({Error}); stored for another attempt", e.GetType().Name);
                _failedInARow++;
                return Outcome.Failed;
            }

            await tx.CommitAsync(cancel);
            return Outcome.Handled;
        }, ct);
        if (outcome == Outcome.Handled)
        {
            _failedInARow = 0;
            Core.Operations.IntakeMetrics.ReportReceived(Channel.Telegram);
            await RunAfterCommitAsync(afterCommit, item.Id, ct);
        }
        else
        {
            afterCommit.Discard();
        }

        return outcome;
    }

    private async Task<bool> ProcessInTransactionAsync(IServiceProvider services, IntakeDbContext db, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = await db.InboundItems
            .FromSqlRaw("""
                SELECT * FROM "InboundItems"
                WHERE "Channel" = 'Telegram' AND "Status" = 'Stored'
                ORDER BY "Id" LIMIT 1 FOR UPDATE SKIP LOCKED
                """)
            .SingleOrDefaultAsync(ct);
        if (item is null)
        {
            return false;
        }

        var protector = services.GetRequiredService<IdentityProtector>();
        byte[]? raw = null;
        try
        {
            raw = protector.UnprotectRaw(item.RawEncrypted);
        }
        catch (CryptographicException)
        {
            // Handled below: without its key the update cannot be read (it would otherwise block the queue).
        }

        var update = raw is null ? null : ReadUpdate(raw);
        if (raw is null)
        {
            MarkAttention(item, "The stored update could not be decrypted (its data-protection key is missing).");
        }
        else if (update is null)
        {
            MarkAttention(item, "The update could not be read as a Telegram update.");
        }
        else
        {
            // Note: what a failed handler wrote is rolled back to here; the claim (row lock) stays.
            const string savepoint = "handler";
            await tx.CreateSavepointAsync(savepoint, ct);
            try
            {
                // Marked before the handler runs, so that the handler's own save carries it: the update is
                // done exactly when the transaction commits, and a failure below puts it back.
                item.Status = InboundStatus.Processed;
                item.ProcessedAt = clock.GetUtcNow();
                await services.GetRequiredService<ITelegramUpdateHandler>().HandleAsync(update, item, ct);
                _failedInARow = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                services.GetRequiredService<AfterCommit>().Discard();
                logger.LogWarning("Update {InboundItemId} failed ({Error}), attempt {Attempt}", item.Id, e.GetType().Name, item.Attempts + 1);
                await tx.RollbackToSavepointAsync(savepoint, ct);
                db.ChangeTracker.Clear();
                item.Status = InboundStatus.Stored;
                item.ProcessedAt = null;
                db.Attach(item);
                item.Attempts++;
                _failedInARow++;
                if (item.Attempts >= MaxAttempts)
                {
                    MarkAttention(item, $"Handling failed {MaxAttempts} times ({e.GetType().Name}).");
                }
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await RunAfterCommitAsync(services.GetRequiredService<AfterCommit>(), item.Id, ct);
        return true;
    }

    /// <summary>
    /// Enqueues the update's jobs, trying again for a few seconds when the database is briefly away (a
    /// restart, a cut connection): a report whose enqueue is lost waits for the Worker's sweeper, which
    /// takes a minute or more. Enqueued twice is harmless: the jobs are idempotent.
    /// </summary>
    private async Task RunAfterCommitAsync(AfterCommit afterCommit, long inboundItemId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                afterCommit.Run();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (attempt >= 5)
                {
                    // Note: the update is committed; the Worker's sweeper enqueues a received submission again.
                    logger.LogError("Enqueueing jobs after update {InboundItemId} failed ({Error})", inboundItemId, e.GetType().Name);
                    return;
                }

                logger.LogWarning("Enqueueing jobs after update {InboundItemId} failed ({Error}); trying again", inboundItemId, e.GetType().Name);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt)), ct);
            }
        }
    }

    /// <summary>
    /// The Telegram update in raw JSON bytes, or null when they are not one. Any failure of the reader
    /// (bad JSON, wrong types, numbers out of range, nesting too deep) means "cannot be understood":
    /// an exception here would leave the update at the head of the queue for ever.
    /// </summary>
    public static Update? ReadUpdate(byte[] raw)
    {
        try
        {
            var update = JsonSerializer.Deserialize<Update>(Encoding.UTF8.GetString(raw), JsonBotAPI.Options);
            return update is not null && IsComplete(update) ? update : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>
    /// The fields the dialogue relies on are there: the Bot API always sends them, so an update without
    /// them is damaged (the reader leaves a missing object null even where the type says it is not).
    /// </summary>
    private static bool IsComplete(Update update)
    {
        foreach (var message in new[] { update.Message, update.EditedMessage })
        {
            if (message is not null && (message.Chat is null || !IsComplete(message.ForwardOrigin)))
            {
                return false;
            }
        }

        return update.CallbackQuery is not { } query || (query.From is not null && (query.Message is null || query.Message.Chat is not null));
    }

    private static bool IsComplete(MessageOrigin? origin) => origin switch
    {
        MessageOriginChannel c => c.Chat is not null,
        MessageOriginChat c => c.SenderChat is not null,
        MessageOriginUser u => u.SenderUser is not null,
        _ => true,
    };

    private void MarkAttention(InboundItem item, string reason)
    {
        item.Status = InboundStatus.NeedsAttention;
        item.Error = reason;
        item.ProcessedAt = clock.GetUtcNow();
    }
}

/// <summary>What the Bot does with one update (the dialogue).</summary>
public interface ITelegramUpdateHandler
{
    /// <summary>
    /// Handles <paramref name="update"/> inside its transaction. <paramref name="item"/> is the update's inbound item,
    /// tracked by the scope's context: stored already, or added and inserted by the handler's first save (its
    /// <c>Id</c> is 0 until then). Every reply goes out after a save, so that a redelivered update, whose insert
    /// fails, sends nothing.
    /// </summary>
    Task HandleAsync(Update update, InboundItem item, CancellationToken cancellationToken);
}
