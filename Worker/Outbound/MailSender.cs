using AdilSoz.Intake.Data;
using AdilSoz.Intake.Intake;
using AdilSoz.Intake.Security;
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

    /// <summary>Sends the message (its ProviderMessageId already set); Sent, or Suppressed when there is no address.</summary>
    public async Task<OutboundStatus> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        var o = smtp.Value;
        if (!o.Enabled)
        {
            logger.LogWarning("Smtp:Host is not set: outbound mail {OutboundMessageId} stays queued and is retried later", message.Id);
            throw new InvalidOperationException("Smtp:Host is not set; the mail stays queued.");
        }

        var mime = await ComposeAsync(message, ct);
        if (mime is null)
        {
            message.Error = "No address to write to.";
            return OutboundStatus.Suppressed;
        }

        if (message.ProviderMessageId is { } messageId)
        {
            mime.MessageId = messageId;
        }
        using var client = new SmtpClient { Timeout = 60_000 };
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

        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
        return OutboundStatus.Sent;
    }

    private async Task<MimeMessage?> ComposeAsync(OutboundMessage message, CancellationToken ct)
    {
        var original = await OriginalAsync(message.SubmissionId, ct);
        if (message.Kind is OutboundKind.Acknowledgement or OutboundKind.Notice && original is not null
            && AcknowledgementPolicy.Recipient(original.Mail) is not null)
        {
            return AcknowledgementComposer.Compose(original.Mail, original.Reference, FromAddress, original.Language, parser.Value.MaxMessageBytes);
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
        mime.Date = DateTimeOffset.UtcNow;
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
}
