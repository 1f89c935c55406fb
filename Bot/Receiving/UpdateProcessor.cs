using System.Text;
using System.Text.Json;
using AdilSoz.Intake.Data;
using AdilSoz.Intake.Intake;
using AdilSoz.Intake.Security;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace AdilSoz.Intake.Bot.Receiving;

/// <summary>
/// Handles stored updates in order, one DI scope per update. Several Bot instances share the work:
/// each claims the next stored update with <c>FOR UPDATE SKIP LOCKED</c>. Updates left behind by a
/// crash are picked up at the next start. An update that cannot be understood, or that fails
/// repeatedly, lands in "needs attention" with its raw JSON kept; the bot goes on.
/// </summary>
public sealed class UpdateProcessor(IServiceScopeFactory scopes, ILogger<UpdateProcessor> logger) : BackgroundService
{
    private const int MaxAttempts = 5;
    private readonly SemaphoreSlim _signal = new(0);

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

    /// <summary>Processes one stored update; false when there is none.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
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

        var protector = scope.ServiceProvider.GetRequiredService<IdentityProtector>();
        Update? update = null;
        try
        {
            var json = Encoding.UTF8.GetString(protector.UnprotectRaw(item.RawEncrypted));
            update = JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options);
        }
        catch (JsonException)
        {
            // Handled below as an update that cannot be understood.
        }

        if (update is null)
        {
            MarkAttention(item, "The update could not be read as a Telegram update.");
        }
        else
        {
            try
            {
                await scope.ServiceProvider.GetRequiredService<ITelegramUpdateHandler>().HandleAsync(update, item.Id, ct);
                item.Status = InboundStatus.Processed;
                item.ProcessedAt = DateTimeOffset.UtcNow;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                scope.ServiceProvider.GetRequiredService<AfterCommit>().Discard();
                logger.LogWarning("Update {InboundItemId} failed ({Error}), attempt {Attempt}", item.Id, e.GetType().Name, item.Attempts + 1);
                db.ChangeTracker.Clear();
                db.Attach(item);
                item.Attempts++;
                if (item.Attempts >= MaxAttempts)
                {
                    MarkAttention(item, $"Handling failed {MaxAttempts} times ({e.GetType().Name}).");
                }
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        scope.ServiceProvider.GetRequiredService<AfterCommit>().Run();
        return true;
    }

    private static void MarkAttention(InboundItem item, string reason)
    {
        item.Status = InboundStatus.NeedsAttention;
        item.Error = reason;
        item.ProcessedAt = DateTimeOffset.UtcNow;
    }
}

/// <summary>What the Bot does with one update (the dialogue).</summary>
public interface ITelegramUpdateHandler
{
    Task HandleAsync(Update update, long inboundItemId, CancellationToken cancellationToken);
}
