using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Worker.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AdilSoz.Intake.Worker.Outbound;

/// <summary>
/// Builds and sends the mail of an outbound message with MailKit from its subject and body, threaded to the
/// report's mail: acknowledgements and notices to a reporter as automatic replies (<see cref="AcknowledgementComposer"/>),
/// other messages as they are; staff messages (digest, hearing reminder) go to their
/// <see cref="OutboundMessage.Recipient"/>. A single message gets a connection of its own; a batch shares one
/// (<see cref="OutboundJob.SendManyAsync"/>).
/// </summary>
public sealed class MailSender(
    IntakeDbContext db,
    IdentityProtector protector,
    IOptions<SmtpOptions> smtp,
    IOptions<MailboxOptions> mailbox,
    TimeProvider clock,
    ILogger<MailSender> logger)
{
    public MailboxAddress FromAddress => MailboxAddress.Parse(smtp.Value.From is { Length: > 0 } from ? from : mailbox.Value.Address);

    /// <summary>A Message-ID for an outbound mail; it carries the reference so replies thread even without headers.</summary>
    public static string NewMessageId(OutboundMessage message, MailboxAddress from)
    {
        var domain = from.Address[(from.Address.LastIndexOf('@') + 1)..];
        var prefix = message.Subject is { } subject && MailParser.ReferencePattern().Match(subject) is { Success: true } m
            ? m.Value.ToLowerInvariant()
            : $"out-{message.Id}";
        return $"{prefix}.{Guid.NewGuid():N}@{domain}";
    }

    /// <summary>The mail of an outbound message, with its fixed Message-ID; null when there is no address to write to.</summary>
    public async Task<MimeMessage?> BuildAsync(OutboundMessage message, CancellationToken ct) =>
        Build(message, (await AddressingAsync([message], ct)).GetValueOrDefault(message.Id));

    /// <summary>
    /// What the mails of these messages need besides their rows, in two queries whatever their number: the
    /// reporter's address and name (decrypted), the report's reference and the Message-ID of the mail it came in.
    /// </summary>
    public async Task<Dictionary<long, Addressing>> AddressingAsync(IReadOnlyCollection<OutboundMessage> messages, CancellationToken ct)
    {
        var reporterIds = messages.Where(m => m.Recipient is null && m.ReporterId is not null).Select(m => m.ReporterId!.Value).Distinct().ToList();
        var submissionIds = messages.Where(m => m.SubmissionId is not null).Select(m => m.SubmissionId!.Value).Distinct().ToList();
        var reporters = reporterIds.Count == 0
            ? []
            : await db.Reporters.AsNoTracking().Where(r => reporterIds.Contains(r.Id))
                .Select(r => new { r.Id, r.ContactEncrypted, r.DisplayNameEncrypted, r.Language }).ToDictionaryAsync(r => r.Id, ct);
        var originals = submissionIds.Count == 0
            ? []
            : await (from s in db.Submissions.AsNoTracking()
                     where submissionIds.Contains(s.Id)
                     join i in db.InboundItems on s.InboundItemId equals i.Id into items
                     from i in items.DefaultIfEmpty()
                     select new { s.Id, s.Reference, MessageId = i == null || i.PurgedAt != null ? null : i.MessageId })
                .ToDictionaryAsync(o => o.Id, ct);

        var addressing = new Dictionary<long, Addressing>();
        foreach (var message in messages)
        {
            var reporter = message.ReporterId is { } reporterId ? reporters.GetValueOrDefault(reporterId) : null;
            var original = message.SubmissionId is { } submissionId ? originals.GetValueOrDefault(submissionId) : null;
            addressing[message.Id] = new Addressing(
                message.Recipient ?? protector.Unprotect(reporter?.ContactEncrypted),
                message.Recipient is null ? protector.Unprotect(reporter?.DisplayNameEncrypted) : null,
                original?.Reference,
                original?.MessageId,
                reporter?.Language);
        }

        return addressing;
    }

    /// <summary>The mail of an outbound message with its fixed Message-ID; null when there is no address to write to.</summary>
    public MimeMessage? Build(OutboundMessage message, Addressing? addressing)
    {
        if (addressing?.To is not { Length: > 0 } to || !MailboxAddress.TryParse(to, out var address))
        {
            return null;
        }

        var messageId = message.ProviderMessageId ?? NewMessageId(message, FromAddress);
        if (message.Kind is OutboundKind.Acknowledgement or OutboundKind.Notice && message.Recipient is null)
        {
            // The automatic reply to a mail report: its text was written when the report was read.
            return AcknowledgementComposer.Mail(FromAddress, new MailboxAddress(addressing.DisplayName ?? "", address.Address),
                message.Subject ?? addressing.Reference ?? "", message.Body, addressing.InReplyTo, messageId, clock.GetUtcNow());
        }

        var mime = new MimeMessage();
        mime.From.Add(FromAddress);
        mime.To.Add(address);
        mime.Subject = message.Subject ?? addressing.Reference ?? "";
        mime.Date = clock.GetUtcNow();
        mime.MessageId = messageId;
        if (message.Recipient is null && addressing.InReplyTo is { } inReplyTo)
        {
            mime.InReplyTo = inReplyTo;
            mime.References.Add(inReplyTo);
        }

        if (message.Recipient is not null)
        {
            mime.Headers.Add("Auto-Submitted", "auto-generated");
        }

        var text = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.Base64 };
        // A web reporter's question also stands on the status page; the mail says so, never with the receipt.
        text.SetText("utf-8", message.Channel == Channel.Web ? message.Body + "\n\n" + ReporterMail.AlsoOnStatusPage(addressing.Language) : message.Body);
        mime.Body = text;
        return mime;
    }

    /// <summary>Where a mail goes and what it answers; <see cref="To"/> is null when there is no one to write to.</summary>
    public sealed record Addressing(string? To, string? DisplayName, string? Reference, string? InReplyTo, string? Language = null);

    /// <summary>
    /// A connected (and authenticated) client. Nothing has been sent when this fails; without
    /// <c>Smtp:Host</c> it throws, and the mail stays queued.
    /// </summary>
    public async Task<TrackingSmtpClient> ConnectAsync(long outboundMessageId, CancellationToken ct)
    {
        var o = smtp.Value;
        if (!o.Enabled)
        {
            logger.LogWarning("Smtp:Host is not set: outbound mail {OutboundMessageId} stays queued and is retried later", outboundMessageId);
            throw new InvalidOperationException("Smtp:Host is not set; the mail stays queued.");
        }

        var client = new TrackingSmtpClient { Timeout = 60_000 };
        try
        {
            await client.ConnectAsync(o.Host!, o.EffectivePort, o.Security switch
            {
                MailSecurity.None => SecureSocketOptions.None,
                MailSecurity.StartTls => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.SslOnConnect,
            }, ct);
            if (!string.IsNullOrEmpty(o.Username))
            {
                await client.AuthenticateAsync(o.Username, o.Password ?? "", ct);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends over a connected client. Once the server has taken the message, a failure to say goodbye
    /// changes nothing: the mail is sent.
    /// </summary>
    public static async Task SendAsync(TrackingSmtpClient client, MimeMessage mime, CancellationToken ct)
    {
        await client.SendAsync(mime, ct);
        try
        {
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // Note: QUIT after the server's 250 for the data; the message is the server's already.
        }
    }

    /// <summary>
    /// Whether an exception from <see cref="SendAsync"/> proves the server did not take the message: it
    /// answered a command with an error, or the connection failed before any recipient was accepted (so
    /// no message data was on its way). Otherwise the outcome is unknown.
    /// </summary>
    public static bool NotAccepted(TrackingSmtpClient client, Exception e) => e is SmtpCommandException || !client.RecipientAccepted;

    /// <summary>An SMTP failure in words without the server's text (which can quote the recipient's address).</summary>
    public static string Describe(Exception e) => e switch
    {
        SmtpCommandException c => $"SMTP {(int)c.StatusCode} ({c.ErrorCode})",
        SmtpProtocolException => "SMTP protocol error",
        AuthenticationException => "SMTP authentication failed",
        InvalidOperationException when e.Message.StartsWith("Smtp:Host is not set", StringComparison.Ordinal) => e.Message,
        _ => e.GetType().Name,
    };

    /// <summary>An SMTP client that notes when the server accepted a recipient: from then on message data may be on its way.</summary>
    public sealed class TrackingSmtpClient : SmtpClient
    {
        public bool RecipientAccepted { get; private set; }

        /// <summary>A new message on a kept connection: nothing of it has been accepted yet.</summary>
        public void StartMessage() => RecipientAccepted = false;

        protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            RecipientAccepted = true;
            base.OnRecipientAccepted(message, mailbox, response);
        }
    }
}
