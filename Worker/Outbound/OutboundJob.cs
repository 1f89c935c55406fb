using System.Data.Common;
using System.Globalization;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Core.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace AdilSoz.Intake.Worker.Outbound;

/// <summary>
/// Sends one queued outbound message at most once. Mail gets its Message-ID fixed and committed before
/// anything is sent. Just before the message goes to the server (SMTP connected, Bot API called) the row
/// is marked <see cref="OutboundStatus.Sending"/> and committed; after the server took it, Sent. A retry
/// that finds a row still Sending cannot know whether the server took it (the Worker died, or the commit
/// of Sent was lost) and counts it sent (<see cref="OutboundStatus.Unconfirmed"/>): a missing message
/// can be noticed and sent again by a person, a second one confuses a reporter at risk. A failure that
/// proves the server did not take the message puts the row back to Queued and Hangfire retries with
/// backoff. Anonymous and unreachable reporters are not written to (Suppressed). Errors are stored and
/// logged as a status code or a fixed category: a server's text can quote the recipient's address.
/// </summary>
public sealed class OutboundJob(
    IntakeDbContext db,
    IdentityProtector protector,
    MailSender mail,
    IServiceProvider services,
    IOptions<TelegramOptions> telegram,
    TimeProvider clock,
    ILogger<OutboundJob> logger) : IOutboundJob
{
    /// <summary>The connection a <see cref="SendManyAsync"/> keeps open between its mails; null for a single send.</summary>
    private MailSender.TrackingSmtpClient? _shared;

    private bool _many;

    public async Task SendManyAsync(long[] outboundMessageIds, CancellationToken cancellationToken)
    {
        _many = true;
        Exception? failure = null;
        try
        {
            foreach (var id in outboundMessageIds)
            {
                try
                {
                    await SendAsync(id, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The others go on; this one stays queued (or is recorded as sent, unconfirmed) as after a single send.
                    failure ??= e;
                    DropShared();
                }
            }
        }
        finally
        {
            await CloseSharedAsync();
            _many = false;
        }

        if (failure is not null)
        {
            throw failure is OutboundNotSentException ? new OutboundNotSentException(failure.Message) : new OutboundNotSentException(failure.GetType().Name);
        }
    }

    public async Task SendAsync(long outboundMessageId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();

        // One save a transaction, nothing after a failed one: EF's savepoint around it would only add round trips.
        db.Database.AutoSavepointsEnabled = false;

        // Phase 1: decide and fix the provider message id, committed before anything is sent.
        var ready = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var message = await LockAsync(outboundMessageId, ct);
            if (message?.Status == OutboundStatus.Sending)
            {
                message.Status = OutboundStatus.Unconfirmed;
                message.Error = UnconfirmedError;
                message.SentAt = clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                logger.LogWarning("Outbound message {OutboundMessageId} was being sent when its run ended: counted as sent, not sent again", message.Id);
                return false;
            }

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

        db.ChangeTracker.Clear();
        var queued = await db.OutboundMessages.AsNoTracking().SingleAsync(o => o.Id == outboundMessageId, cancellationToken);
        try
        {
            var (status, error) = queued.Channel switch
            {
                Channel.Email => await SendMailAsync(queued, cancellationToken),
                Channel.Telegram => await SendTelegramAsync(queued, cancellationToken),
                // The reporter reads it on the report's status page (reference + receipt); nothing leaves the building.
                Channel.Web => await FinishAsync(queued.Id, OutboundStatus.Sent, null, null, fromQueued: true),
                _ => (OutboundStatus.Suppressed, "The channel cannot deliver to this reporter."),
            };
            logger.LogInformation("Outbound message {OutboundMessageId} {Status}", outboundMessageId, status);
            if (status == OutboundStatus.Unconfirmed)
            {
                logger.LogWarning("Outbound message {OutboundMessageId}: the server may have taken it ({Error}); counted as sent, not sent again", outboundMessageId, error);
            }
        }
        catch (OutboundNotSentException e)
        {
            Core.Operations.IntakeMetrics.OutboundFailed();
            await db.OutboundMessages.Where(o => o.Id == outboundMessageId && (o.Status == OutboundStatus.Queued || o.Status == OutboundStatus.Sending))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboundStatus.Queued).SetProperty(o => o.Error, e.Message), CancellationToken.None);
            logger.LogWarning("Outbound message {OutboundMessageId} not sent yet ({Error}); it stays queued and is retried", outboundMessageId, e.Message);
            throw;
        }
    }

    private void DropShared()
    {
        _shared?.Dispose();
        _shared = null;
    }

    private async Task CloseSharedAsync()
    {
        if (_shared is { } client)
        {
            try
            {
                await client.DisconnectAsync(true, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or MailKit.Net.Smtp.SmtpProtocolException or MailKit.Net.Smtp.SmtpCommandException or OperationCanceledException)
            {
                // Note: QUIT after the last message's 250; every message sent is the server's already.
            }

            DropShared();
        }
    }

    private const string UnconfirmedError = "Sending was interrupted: the server may not have received it. Counted as sent, not sent again.";

    /// <summary>Returns the final status; throws <see cref="OutboundNotSentException"/> when the server certainly did not take it.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope",
        Justification = "A single send disposes its connection in the finally; in a batch the connection is the job's (_shared), closed by SendManyAsync.")]
    private async Task<(OutboundStatus, string?)> SendMailAsync(OutboundMessage message, CancellationToken ct)
    {
        MimeKit.MimeMessage? mime;
        MailSender.TrackingSmtpClient client;
        try
        {
            mime = await mail.BuildAsync(message, ct);
            if (mime is null)
            {
                return await FinishAsync(message.Id, OutboundStatus.Suppressed, "No address to write to.", null, fromQueued: true);
            }

            client = _many && _shared is { IsConnected: true } shared ? shared : await mail.ConnectAsync(message.Id, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new OutboundNotSentException(MailSender.Describe(e));
        }

        if (_many)
        {
            // Note: the next mail of the batch goes over this connection; whether the server accepted a recipient
            // is tracked per message, so a failure of this one is judged on this one alone.
            _shared = client;
            client.StartMessage();
        }

        try
        {
            if (!await MarkSendingAsync(message.Id, ct))
            {
                return (OutboundStatus.Sending, null);
            }

            try
            {
                if (_many)
                {
                    await client.SendAsync(mime, ct);
                }
                else
                {
                    await MailSender.SendAsync(client, mime, ct);
                }
            }
            catch (Exception e) when (MailSender.NotAccepted(client, e))
            {
                throw new OutboundNotSentException(MailSender.Describe(e));
            }
            catch (Exception e)
            {
                DropShared();
                return await FinishAsync(message.Id, OutboundStatus.Unconfirmed, $"{UnconfirmedError} ({MailSender.Describe(e)})", null);
            }
        }
        finally
        {
            if (!_many)
            {
                client.Dispose();
            }
        }

        return await FinishAsync(message.Id, OutboundStatus.Sent, null, null);
    }

    private async Task<(OutboundStatus, string?)> SendTelegramAsync(OutboundMessage message, CancellationToken ct)
    {
        if (services.GetService<ITelegramBotClient>() is not { } bot)
        {
            throw new OutboundNotSentException("Telegram:BotToken is not set: the Telegram message stays queued.");
        }

        long chatId;
        if (message.Kind == OutboundKind.ModeratorAlert)
        {
            chatId = telegram.Value.ModeratorChatId!.Value;
        }
        else
        {
            var contact = await db.Reporters.AsNoTracking().Where(r => r.Id == message.ReporterId).Select(r => r.ContactEncrypted).SingleAsync(ct);
            chatId = long.Parse(protector.Unprotect(contact)!, CultureInfo.InvariantCulture);
        }

        if (!await MarkSendingAsync(message.Id, ct))
        {
            return (OutboundStatus.Sending, null);
        }

        try
        {
            var sent = await bot.SendMessage(chatId, message.Body, cancellationToken: ct);
            return await FinishAsync(message.Id, OutboundStatus.Sent, null, sent.MessageId.ToString(CultureInfo.InvariantCulture));
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403 && message.Kind != OutboundKind.ModeratorAlert)
        {
            await db.Reporters.Where(r => r.Id == message.ReporterId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Unreachable, true), CancellationToken.None);
            return await FinishAsync(message.Id, OutboundStatus.Suppressed, "The reporter blocked the bot.", null);
        }
        catch (ApiRequestException e)
        {
            // The Bot API answered with an error: the message was not sent.
            throw new OutboundNotSentException($"Bot API {e.ErrorCode}");
        }
        catch (RequestException e) when (e.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
        {
            throw new OutboundNotSentException($"Bot API unreachable ({((HttpRequestException)e.InnerException).HttpRequestError})");
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return await FinishAsync(message.Id, OutboundStatus.Unconfirmed, $"{UnconfirmedError} ({e.GetType().Name})", null);
        }
    }

    /// <summary>Marks the row Sending, committed; false when another run took it first.</summary>
    private async Task<bool> MarkSendingAsync(long id, CancellationToken ct)
    {
        try
        {
            return await db.OutboundMessages.Where(o => o.Id == id && o.Status == OutboundStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboundStatus.Sending), ct) == 1;
        }
        catch (Exception e) when (e is NpgsqlException or DbException or InvalidOperationException)
        {
            throw new OutboundNotSentException($"database: {e.GetType().Name}");
        }
    }

    /// <summary>
    /// Records the outcome. After the server took the message this is retried for a while: the fact is
    /// known here, and a row left Sending would only be counted sent, unconfirmed.
    /// </summary>
    private async Task<(OutboundStatus, string?)> FinishAsync(long id, OutboundStatus status, string? error, string? providerMessageId, bool fromQueued = false)
    {
        var now = clock.GetUtcNow();
        var sent = status is OutboundStatus.Sent or OutboundStatus.Unconfirmed;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.OutboundMessages
                    .Where(o => o.Id == id && (fromQueued ? o.Status == OutboundStatus.Queued : o.Status == OutboundStatus.Sending || o.Status == OutboundStatus.Unconfirmed))
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(o => o.Status, status)
                        .SetProperty(o => o.Error, error)
                        .SetProperty(o => o.SentAt, sent ? now : null)
                        .SetProperty(o => o.ProviderMessageId, o => providerMessageId ?? o.ProviderMessageId), CancellationToken.None);
                return (status, error);
            }
            catch (Exception e) when (attempt < 6 && e is NpgsqlException or DbException or InvalidOperationException)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), CancellationToken.None);
            }
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
            { Channel: Channel.Web, IdentityEncrypted: not null } => null,
            { ContactEncrypted: null } => "The reporter's contact was deleted.",
            _ => null,
        };
    }
}

/// <summary>The server certainly did not take the message; the text is a status code or a fixed category, never the server's words.</summary>
public sealed class OutboundNotSentException(string category) : Exception(category);
