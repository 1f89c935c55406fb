using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Worker.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AdilSoz.Intake.Worker.Outbound;

/// <summary>
/// Builds and sends the mail of an outbound message with MailKit: acknowledgements and notices are
/// composed from the original mail (<see cref="AcknowledgementComposer"/>), other messages from their
/// subject and body, threaded to the report's mail; staff messages (digest, hearing reminder) go to their
/// <see cref="OutboundMessage.Recipient"/>. A new SMTP connection per message.
/// </summary>
public sealed class MailSender(
    IntakeDbContext db,
    IdentityProtector protector,
    IOptions<SmtpOptions> smtp,
    IOptions<MailboxOptions> mailbox,
    IOptions<MailParserOptions> parser,
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
    public async Task<MimeMessage?> BuildAsync(OutboundMessage message, CancellationToken ct)
    {
        var mime = await ComposeAsync(message, ct);
        if (mime is not null && message.ProviderMessageId is { } messageId)
        {
            mime.MessageId = messageId;
        }

        return mime;
    }

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

    private async Task<MimeMessage?> ComposeAsync(OutboundMessage message, CancellationToken ct)
    {
        var original = await OriginalAsync(message.SubmissionId, ct);
        if (message.Kind is OutboundKind.Acknowledgement or OutboundKind.Notice && original is not null
            && AcknowledgementPolicy.Recipient(original.Mail) is not null)
        {
            return AcknowledgementComposer.Compose(original.Mail, original.Reference, FromAddress, clock.GetUtcNow(), original.Language, parser.Value.MaxMessageBytes);
        }

        var to = message.Recipient;
        if (to is null)
        {
            var reporter = message.ReporterId is { } id ? await db.Reporters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) : null;
            to = protector.Unprotect(reporter?.ContactEncrypted);
        }

        if (to is not { Length: > 0 })
        {
            return null;
        }

        var mime = new MimeMessage();
        mime.From.Add(FromAddress);
        mime.To.Add(MailboxAddress.Parse(to));
        mime.Subject = message.Subject ?? original?.Reference ?? "";
        mime.Date = clock.GetUtcNow();
        if (message.Recipient is null && original?.Mail.MessageId is { } inReplyTo)
        {
            mime.InReplyTo = inReplyTo;
            mime.References.Add(inReplyTo);
        }

        if (message.Recipient is not null)
        {
            mime.Headers.Add("Auto-Submitted", "auto-generated");
        }

        var text = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.Base64 };
        text.SetText("utf-8", message.Body);
        mime.Body = text;
        return mime;
    }

    private sealed record Original(ParsedMail Mail, string Reference, string? Language);

    private async Task<Original?> OriginalAsync(long? submissionId, CancellationToken ct)
    {
        if (submissionId is null)
        {
            return null;
        }

        var row = await db.Submissions.AsNoTracking().Where(s => s.Id == submissionId)
            .Select(s => new { s.Reference, s.Language, s.InboundItemId }).SingleOrDefaultAsync(ct);
        if (row?.InboundItemId is not { } itemId)
        {
            return null;
        }

        var raw = await db.InboundItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.RawEncrypted).SingleAsync(ct);
        if (raw.Length == 0)
        {
            // Purged by retention or an erasure: no headers to thread the reply on.
            return null;
        }

        return new Original(MailParser.Parse(protector.UnprotectRaw(raw), parser.Value), row.Reference, row.Language);
    }

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
