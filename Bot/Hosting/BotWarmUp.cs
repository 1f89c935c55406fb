using System.Text;
using System.Text.Json;
using AdilSoz.Intake.Bot.Dialogue;
using AdilSoz.Intake.Bot.Receiving;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;

namespace AdilSoz.Intake.Bot.Hosting;

/// <summary>
/// Runs the path of a first <c>/start</c> before the Bot takes updates, so that the first reporter does not
/// wait for the JIT, EF's first queries and saves, the JSON contracts of the Bot API and the texts (over half a
/// second on a cold process). Nothing is sent to a chat (only getMe is called) and nothing stays in the database: the
/// rehearsal's rows are written in a transaction that is rolled back. Registered before the receivers, whose start
/// waits for it.
/// </summary>
public sealed class BotWarmUp(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BotWarmUp> logger) : IHostedService
{
    /// <summary>
    /// The database path is rehearsed this often: past the runtime's 30 calls, after which a method is compiled again,
    /// optimised. Once, the first 15–30 reporters still met the first, quick compilation (the slowest twentieth of a
    /// 150-chat run all came from them; 12.5 ms of CPU an update over the run instead of 8.3, benchmark bot). About
    /// 0.2 s more at start.
    /// </summary>
    private const int Rehearsals = 60;

    private const string Start = """
        {"update_id":1,"message":{"message_id":1,"date":1767225600,"text":"/start",
         "entities":[{"type":"bot_command","offset":0,"length":6}],
         "from":{"id":1,"is_bot":false,"first_name":"Warm","language_code":"ru"},
         "chat":{"id":1,"type":"private","first_name":"Warm"}}}
        """;

    private const string Sent = """
        {"ok":true,"result":{"message_id":2,"date":1767225600,"text":"-","chat":{"id":1,"type":"private"},
         "from":{"id":2,"is_bot":true,"first_name":"Bot","username":"bot"}}}
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var started = clock.GetTimestamp();
            var update = UpdateProcessor.ReadUpdate(Encoding.UTF8.GetBytes(Start))!;
            var ev = TelegramEvents.FromUpdate(update)!;
            foreach (var language in Texts.BotTexts.Languages)
            {
                var result = new DialogueEngine().Handle(DialogueSnapshot.FromStored(null, null, language), ev, clock.GetUtcNow());
                foreach (var message in result.Messages)
                {
                    JsonSerializer.Serialize(
                        new SendMessageRequest { ChatId = 1, Text = message.Text ?? "-", ReplyMarkup = TelegramReplies.Markup(message) }, JsonBotAPI.Options);
                }
            }

            JsonSerializer.Deserialize<ApiResponse<Message>>(Sent, JsonBotAPI.Options);
            for (var i = 0; i < Rehearsals; i++)
            {
                await RehearseDatabaseAsync(cancellationToken);
            }

            // The one Bot API call that changes nothing: the client, its HTTP handler and the connection are ready.
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITelegramUpdateHandler>();
            await scope.ServiceProvider.GetRequiredService<ITelegramBotClient>().GetMe(cancellationToken);
            logger.LogInformation("Warmed up in {Milliseconds:F0} ms", clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A cold first reply is slower, not wrong: the Bot starts anyway.
            logger.LogWarning("Warm-up failed ({Error}); the first reply will be slower", e.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A newcomer's path: a stored update, the reporter created, the update and the dialogue state saved together, rolled back.</summary>
    private async Task RehearseDatabaseAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        db.Database.AutoSavepointsEnabled = false;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(cancel);
            var protector = scope.ServiceProvider.GetRequiredService<IdentityProtector>();
            var raw = protector.ProtectRaw(Encoding.UTF8.GetBytes(Start));
            protector.UnprotectRaw(raw);
            var item = new InboundItem
            {
                Channel = Channel.Telegram, SourceKey = "warm-up:" + Guid.NewGuid().ToString("N"), ContentSha256 = "", RawEncrypted = raw,
                ReceivedAt = clock.GetUtcNow(),
            };
            db.InboundItems.Add(item);
            item.Status = InboundStatus.Processed;
            var (reporter, _) = await scope.ServiceProvider.GetRequiredService<ReporterDirectory>()
                .FindOrCreateAsync(Channel.Telegram, "warm-up:" + Guid.NewGuid().ToString("N"), "0", "Warm", null, cancel, likelyNew: true);
            item.ReporterId = reporter.Id;
            db.DialogueStates.Add(new DialogueState { ReporterId = reporter.Id, UpdatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancel);
            await tx.RollbackAsync(cancel);
        }, ct);
    }
}
