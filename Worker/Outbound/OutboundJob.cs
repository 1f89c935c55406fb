using System.Globalization;
using AdilSoz.Intake.Data;
using AdilSoz.Intake.Intake;
using AdilSoz.Intake.Jobs;
using AdilSoz.Intake.Security;
using AdilSoz.Intake.Telegram;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace AdilSoz.Intake.Worker.Outbound;

/// <summary>
/// Sends one queued outbound message exactly once. Mail gets its Message-ID stored before the first
/// attempt (a retry after a crash reuses it, so a receiver sees one message); the row stays locked
/// while it is sent, so the job run twice sends once; a failure leaves it Queued and Hangfire retries
/// with backoff. Anonymous and unreachable reporters are not written to (Suppressed).
/// </summary>
public sealed class OutboundJob(
    IntakeDbContext db,
    IdentityProtector protector,
    MailSender mail,
    IServiceProvider services,
    IOptions<TelegramOptions> telegram,
    ILogger<OutboundJob> logger) : IOutboundJob
{
    public async Task SendAsync(long outboundMessageId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();

        // Phase 1: decide and fix the provider message id, committed before anything is sent.
        var ready = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var message = await LockAsync(outboundMessageId, ct);
            if (message is null || message.Status != OutboundStatus.Queued)
            {
                return false;
            }

            message.Attempts++;
            var reason = await SuppressionReasonAsync(message, ct);
            if (reason is not null)
            {
                message.Status = OutboundStatus.Suppressed;
                message.Error = reason;
                logger.LogInformation("Outbound message {OutboundMessageId} suppressed: {Reason}", message.Id, reason);
            }
            else if (message.Channel == Channel.Email && message.ProviderMessageId is null)
            {
                message.ProviderMessageId = MailSender.NewMessageId(message, mail.FromAddress);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return reason is null;
        }, cancellationToken);
        if (!ready)
        {
            return;
        }

        // Phase 2: send while holding the row lock; mark Sent in the same transaction.
        try
        {
            await strategy.ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var message = await LockAsync(outboundMessageId, ct);
                if (message is null || message.Status != OutboundStatus.Queued)
                {
                    return;
                }

                var status = message.Channel switch
                {
                    Channel.Email => await mail.SendAsync(message, ct),
                    Channel.Telegram => await SendTelegramAsync(message, ct),
                    _ => OutboundStatus.Suppressed,
                };
                message.Status = status;
                message.Error = status == OutboundStatus.Suppressed ? message.Error ?? "The channel cannot deliver to this reporter." : null;
                message.SentAt = status == OutboundStatus.Sent ? DateTimeOffset.UtcNow : null;
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                logger.LogInformation("Outbound message {OutboundMessageId} {Status}", message.Id, status);
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Operations.IntakeMetrics.OutboundFailed();
            await db.OutboundMessages.Where(o => o.Id == outboundMessageId && o.Status == OutboundStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Error, Truncate($"{e.GetType().Name}: {e.Message}")), CancellationToken.None);
            logger.LogWarning("Outbound message {OutboundMessageId} not sent yet ({Error}); it stays queued and is retried", outboundMessageId, e.GetType().Name);
            throw;
        }
    }

    private Task<OutboundMessage?> LockAsync(long id, CancellationToken ct) =>
        db.OutboundMessages.FromSql($"""SELECT * FROM "OutboundMessages" WHERE "Id" = {id} FOR UPDATE""").SingleOrDefaultAsync(ct);

    private async Task<string?> SuppressionReasonAsync(OutboundMessage message, CancellationToken ct)
    {
        if (message.Kind == OutboundKind.ModeratorAlert)
        {
            return telegram.Value.ModeratorChatId is null ? "No moderators' chat is configured (Telegram:ModeratorChatId)." : null;
        }

        if (message.Recipient is not null)
        {
            return message.Channel == Channel.Email ? null : "Staff messages go by mail only.";
        }

        if (message.ReporterId is not { } reporterId)
        {
            return "The reporter is anonymous (no one to write to).";
        }

        var reporter = await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reporterId, ct);
        return reporter switch
        {
            null => "The reporter no longer exists.",
            { Unreachable: true } => "The reporter is unreachable (blocked the bot or the address bounced).",
            { ContactEncrypted: null } => "The reporter's contact was deleted.",
            _ => null,
        };
    }

    private async Task<OutboundStatus> SendTelegramAsync(OutboundMessage message, CancellationToken ct)
    {
        if (services.GetService<ITelegramBotClient>() is not { } bot)
        {
            throw new InvalidOperationException("Telegram:BotToken is not set: the Telegram message stays queued.");
        }

        if (message.Kind == OutboundKind.ModeratorAlert)
        {
            var sentAlert = await bot.SendMessage(telegram.Value.ModeratorChatId!.Value, message.Body, cancellationToken: ct);
            message.ProviderMessageId = sentAlert.MessageId.ToString(CultureInfo.InvariantCulture);
            return OutboundStatus.Sent;
        }

        var reporter = await db.Reporters.SingleAsync(r => r.Id == message.ReporterId, ct);
        var chatId = long.Parse(protector.Unprotect(reporter.ContactEncrypted)!, CultureInfo.InvariantCulture);
        try
        {
            var sent = await bot.SendMessage(chatId, message.Body, cancellationToken: ct);
            message.ProviderMessageId = sent.MessageId.ToString(CultureInfo.InvariantCulture);
            return OutboundStatus.Sent;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            reporter.Unreachable = true;
            message.Error = "The reporter blocked the bot.";
            return OutboundStatus.Suppressed;
        }
    }

    private static string Truncate(string value) => value.Length <= 1000 ? value : value[..1000];
}
