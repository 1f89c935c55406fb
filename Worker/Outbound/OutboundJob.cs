using System.Data.Common;
using System.Globalization;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Core.Telegram;
using AdilSoz.Intake.Core.Web;
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
    /// <summary>
    /// Sends a chunk's replies: the rows are locked and made ready in one transaction (phase 1 of
    /// <see cref="SendAsync"/> for all of them), the mails go through one SMTP connection, and each is marked
    /// Sending (committed) just before it is handed over, in the statement that records the one before it as
    /// Sent. A message that fails stays queued (or is counted sent, unconfirmed) as after a single send; the
    /// others go on, and the job then fails so that Hangfire retries the ones left queued.
    /// </summary>
    public async Task SendManyAsync(long[] outboundMessageIds, CancellationToken cancellationToken)
    {
        var (mails, others) = await PrepareManyAsync(outboundMessageIds, cancellationToken);
        Exception? failure = null;
        foreach (var id in others)
        {
            try
            {
                await SendAsync(id, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failure ??= e;
            }
        }

        if (mails.Count > 0)
        {
            failure = await SendMailsAsync(mails, cancellationToken) ?? failure;
        }

        if (failure is not null)
        {
            throw failure is OutboundNotSentException ? new OutboundNotSentException(failure.Message) : new OutboundNotSentException(failure.GetType().Name);
        }
    }

    /// <summary>Phase 1 for a batch: the mails ready to send (Message-IDs fixed, committed) and the ids of the others.</summary>
    private async Task<(List<OutboundMessage> Mails, List<long> Others)> PrepareManyAsync(long[] ids, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        db.Database.AutoSavepointsEnabled = false;
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = await db.OutboundMessages.FromSql($"""SELECT * FROM "OutboundMessages" WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE""").ToListAsync(ct);
            var reporterIds = rows.Where(r => r.Channel == Channel.Email && r.Status == OutboundStatus.Queued && r.Recipient is null && r.ReporterId is not null)
                .Select(r => r.ReporterId!.Value).Distinct().ToList();
            var reporters = reporterIds.Count == 0
                ? []
                : await db.Reporters.AsNoTracking().Where(r => reporterIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);

            var mails = new List<OutboundMessage>();
            var others = new List<long>();
            foreach (var message in rows)
            {
                if (message.Channel != Channel.Email)
                {
                    others.Add(message.Id);
                }
                else if (message.Status == OutboundStatus.Sending)
                {
                    CountUnconfirmed(message);
                }
                else if (message.Status == OutboundStatus.Queued)
                {
                    message.Attempts++;
                    var reporter = message.ReporterId is { } reporterId ? reporters.GetValueOrDefault(reporterId) : null;
                    if (SuppressionReason(message, reporter) is { } reason)
                    {
                        Suppress(message, reason);
                    }
                    else
                    {
                        message.ProviderMessageId ??= MailSender.NewMessageId(message, mail.FromAddress);
                        mails.Add(message);
                    }
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (mails, others);
        }, cancellationToken);
    }

    /// <summary>Sends ready mails through one connection; returns the first failure, after trying them all.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope",
        Justification = "The connection is kept from one mail to the next: disposed when it fails and in the finally.")]
    private async Task<Exception?> SendMailsAsync(List<OutboundMessage> mails, CancellationToken ct)
    {
        Dictionary<long, MailSender.Addressing> addressing;
        try
        {
            addressing = await mail.AddressingAsync(mails, ct);
        }
        catch (Exception e) when (e is NpgsqlException or DbException or InvalidOperationException)
        {
            var notSent = new OutboundNotSentException($"database: {e.GetType().Name}");
            foreach (var message in mails)
            {
                await PutBackAsync(message.Id, notSent);
            }

            return notSent;
        }

        Exception? failure = null;
        MailSender.TrackingSmtpClient? client = null;

        // The mail the server took last, recorded as Sent with the next one's Sending (or at the end).
        long? taken = null;
        try
        {
            foreach (var message in mails)
            {
                try
                {
                    using var mime = mail.Build(message, addressing.GetValueOrDefault(message.Id));
                    if (mime is null)
                    {
                        await FinishAsync(message.Id, OutboundStatus.Suppressed, "No address to write to.", null, fromQueued: true);
                        continue;
                    }

                    if (client is not { IsConnected: true })
                    {
                        client?.Dispose();
                        client = null;
                        try
                        {
                            client = await mail.ConnectAsync(message.Id, ct);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            throw new OutboundNotSentException(MailSender.Describe(e));
                        }
                    }

                    client.StartMessage();
                    var before = taken;
                    taken = null;
                    if (!await MarkSendingAsync(message.Id, before, ct))
                    {
                        continue;
                    }

                    try
                    {
                        await client.SendAsync(mime, ct);
                    }
                    catch (Exception e) when (MailSender.NotAccepted(client, e))
                    {
                        throw new OutboundNotSentException(MailSender.Describe(e));
                    }
                    catch (Exception e)
                    {
                        client.Dispose();
                        client = null;
                        await FinishAsync(message.Id, OutboundStatus.Unconfirmed, $"{UnconfirmedError} ({MailSender.Describe(e)})", null);
                        logger.LogWarning("Outbound message {OutboundMessageId}: the server may have taken it ({Error}); counted as sent, not sent again", message.Id, MailSender.Describe(e));
                        continue;
                    }

                    logger.LogInformation("Outbound message {OutboundMessageId} {Status}", message.Id, OutboundStatus.Sent);
                    taken = message.Id;
                }
                catch (OutboundNotSentException e)
                {
                    client?.Dispose();
                    client = null;
                    await PutBackAsync(message.Id, e);
                    failure ??= e;
                }
            }
        }
        finally
        {
            if (taken is { } last)
            {
                await FinishAsync(last, OutboundStatus.Sent, null, null);
            }

            if (client is not null)
            {
                await QuitAsync(client);
            }
        }

        return failure;
    }

    /// <summary>
    /// Marks the row Sending, committed, and in the same statement records the mail taken before it as Sent;
    /// false when another run took this one first.
    /// </summary>
    private async Task<bool> MarkSendingAsync(long id, long? taken, CancellationToken ct)
    {
        if (taken is not { } before)
        {
            return await MarkSendingAsync(id, ct);
        }

        List<long> changed;
        try
        {
            var (queued, sending, sent, unconfirmed) = (nameof(OutboundStatus.Queued), nameof(OutboundStatus.Sending), nameof(OutboundStatus.Sent), nameof(OutboundStatus.Unconfirmed));
            changed = await db.Database.SqlQuery<long>($"""
                UPDATE "OutboundMessages"
                SET "Status" = CASE WHEN "Id" = {id} THEN {sending} ELSE {sent} END,
                    "SentAt" = CASE WHEN "Id" = {id} THEN "SentAt" ELSE {clock.GetUtcNow()} END,
                    "Error" = CASE WHEN "Id" = {id} THEN "Error" ELSE NULL END
                WHERE ("Id" = {id} AND "Status" = {queued}) OR ("Id" = {before} AND "Status" IN ({sending}, {unconfirmed}))
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or DbException or InvalidOperationException)
        {
            // Nothing of this one was sent; the one before was, and its Sent is recorded with the usual retries.
            await FinishAsync(before, OutboundStatus.Sent, null, null);
            throw new OutboundNotSentException($"database: {e.GetType().Name}");
        }

        return changed.Contains(id);
    }

    /// <summary>The server certainly did not take it: the row is queued again and Hangfire retries with backoff.</summary>
    private async Task PutBackAsync(long id, OutboundNotSentException e)
    {
        Core.Operations.IntakeMetrics.OutboundFailed();
        try
        {
            await db.OutboundMessages.Where(o => o.Id == id && (o.Status == OutboundStatus.Queued || o.Status == OutboundStatus.Sending))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboundStatus.Queued).SetProperty(o => o.Error, e.Message), CancellationToken.None);
        }
        catch (Exception failed) when (failed is NpgsqlException or DbException or InvalidOperationException)
        {
            // Note: a row left Sending is counted sent, unconfirmed, by the retry; one left Queued is simply retried.
            logger.LogWarning("Outbound message {OutboundMessageId}: its failure could not be recorded ({Error})", id, failed.GetType().Name);
        }

        logger.LogWarning("Outbound message {OutboundMessageId} not sent yet ({Error}); it stays queued and is retried", id, e.Message);
    }

    private static async Task QuitAsync(MailSender.TrackingSmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or MailKit.Net.Smtp.SmtpProtocolException or MailKit.Net.Smtp.SmtpCommandException or OperationCanceledException)
        {
            // Note: QUIT after the last message's 250; every message sent is the server's already.
        }
        finally
        {
            client.Dispose();
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
                CountUnconfirmed(message);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return false;
            }

            if (message is null || message.Status != OutboundStatus.Queued)
            {
                return false;
            }

            message.Attempts++;
            var reporter = message.ReporterId is { } reporterId && message.Recipient is null && message.Kind != OutboundKind.ModeratorAlert
                ? await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reporterId, ct)
                : null;
            var reason = SuppressionReason(message, reporter);
            if (reason is not null)
            {
                Suppress(message, reason);
            }
            else if (message.ProviderMessageId is null && (message.Channel == Channel.Email || ByMailToo(message, reporter)))
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
                // A question to a web reporter who left a mail address also goes by mail (its Message-ID was fixed above).
                Channel.Web when queued.ProviderMessageId is not null => await SendMailAsync(queued, cancellationToken),
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
            await PutBackAsync(outboundMessageId, e);
            throw;
        }
    }

    /// <summary>
    /// Whether a message to a web reporter also goes by mail: a question, when the contact they left is a mail
    /// address. It is on the status page either way; a Telegram username or a phone number cannot be written to first.
    /// </summary>
    private bool ByMailToo(OutboundMessage message, Reporter? reporter) =>
        message is { Channel: Channel.Web, Kind: OutboundKind.Question }
        && reporter?.ContactEncrypted is { } contact && WebContact.MailAddress(protector.Unprotect(contact)) is not null;

    private void CountUnconfirmed(OutboundMessage message)
    {
        message.Status = OutboundStatus.Unconfirmed;
        message.Error = UnconfirmedError;
        message.SentAt = clock.GetUtcNow();
        logger.LogWarning("Outbound message {OutboundMessageId} was being sent when its run ended: counted as sent, not sent again", message.Id);
    }

    private void Suppress(OutboundMessage message, string reason)
    {
        message.Status = OutboundStatus.Suppressed;
        message.Error = reason;
        logger.LogInformation("Outbound message {OutboundMessageId} suppressed: {Reason}", message.Id, reason);
    }

    private const string UnconfirmedError = "Sending was interrupted: the server may not have received it. Counted as sent, not sent again.";

    /// <summary>Returns the final status; throws <see cref="OutboundNotSentException"/> when the server certainly did not take it.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope",
        Justification = "The mail and the connection are disposed by the using statement right after the try that makes them.")]
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

            client = await mail.ConnectAsync(message.Id, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new OutboundNotSentException(MailSender.Describe(e));
        }

        using (mime)
        using (client)
        {
            if (!await MarkSendingAsync(message.Id, ct))
            {
                return (OutboundStatus.Sending, null);
            }

            try
            {
                await MailSender.SendAsync(client, mime, ct);
            }
            catch (Exception e) when (MailSender.NotAccepted(client, e))
            {
                throw new OutboundNotSentException(MailSender.Describe(e));
            }
            catch (Exception e)
            {
                return await FinishAsync(message.Id, OutboundStatus.Unconfirmed, $"{UnconfirmedError} ({MailSender.Describe(e)})", null);
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

    /// <summary>Why the message is not to be sent, or null; <paramref name="reporter"/> is the message's reporter when it has one.</summary>
    private string? SuppressionReason(OutboundMessage message, Reporter? reporter)
    {
        if (message.Kind == OutboundKind.ModeratorAlert)
        {
            return telegram.Value.ModeratorChatId is null ? "No moderators' chat is configured (Telegram:ModeratorChatId)." : null;
        }

        if (message.Recipient is not null)
        {
            return message.Channel == Channel.Email ? null : "Staff messages go by mail only.";
        }

        if (message.ReporterId is null)
        {
            return "The reporter is anonymous (no one to write to).";
        }

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
