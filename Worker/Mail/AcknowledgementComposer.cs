using AdilSoz.Intake.Core.Reporters;
using MimeKit;
using MimeKit.Utils;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// The one automatic reply a new mail report gets: in the reporter's language, the reference in the
/// subject, marked as automatic (RFC 3834) so well-behaved responders do not answer it, and threaded to the
/// original. Its Message-ID carries the reference, so a reply threads even if the subject is changed. Its
/// text is written when the report is read (<see cref="Text"/>, kept in the outbox); its mail is built
/// when it is sent (<see cref="Mail"/>) from that text, the reporter's address and the original's Message-ID.
/// </summary>
public static class AcknowledgementComposer
{
    /// <summary>The acknowledgement of a mail as it goes out: its text as written at intake, its mail as sent.</summary>
    public static MimeMessage Compose(ParsedMail original, string reference, MailboxAddress from, DateTimeOffset now, string? language = null, long maxMessageBytes = 0)
    {
        var recipient = AcknowledgementPolicy.Recipient(original)
            ?? throw new InvalidOperationException("The original message has no sender address to acknowledge.");
        var (subject, body) = Text(original, reference, language, maxMessageBytes);
        return Mail(from, new MailboxAddress(original.From?.DisplayName ?? "", recipient), subject, body, original.MessageId,
            $"{reference.ToLowerInvariant()}.{Guid.NewGuid():N}@{Domain(from.Address)}", now);
    }

    /// <summary>The subject and the body, in the reporter's language (the mail's own when none is given).</summary>
    public static (string Subject, string Body) Text(ParsedMail original, string reference, string? language = null, long maxMessageBytes = 0)
    {
        language ??= original.Language;
        (string, string)? tooLarge = original.TooLarge
            ? (MailParser.Megabytes(original.RawSize), MailParser.Megabytes(maxMessageBytes > 0 ? maxMessageBytes : MailParserOptions.Default.MaxMessageBytes))
            : null;
        var body = ReporterMail.AcknowledgementBody(language, reference, tooLarge);
        return (Subject(original.Subject, reference, ReporterMail.AcknowledgementEmptySubject(language)), body.Replace("\r\n", "\n") + "\n");
    }

    /// <summary>The automatic reply's mail: threaded to the original when its Message-ID is known.</summary>
    public static MimeMessage Mail(MailboxAddress from, MailboxAddress to, string subject, string body, string? inReplyTo, string messageId, DateTimeOffset now)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        message.Subject = subject;
        message.Date = now;
        message.MessageId = messageId;
        if (inReplyTo is { Length: > 0 })
        {
            message.InReplyTo = inReplyTo;
            message.References.Add(inReplyTo);
        }

        message.Headers.Add("Auto-Submitted", "auto-replied");
        message.Headers.Add("X-Auto-Response-Suppress", "All");

        var text = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.Base64 };
        text.SetText("utf-8", body);
        message.Body = text;
        return message;
    }

    /// <summary>"[AS-2026-00042] original subject", without doubling a reference already there.</summary>
    public static string Subject(string originalSubject, string reference, string emptySubject)
    {
        var subject = originalSubject.Trim();
        if (subject.Contains(reference, StringComparison.OrdinalIgnoreCase))
        {
            return subject;
        }

        return $"[{reference}] {(subject.Length == 0 ? emptySubject : subject)}";
    }

    private static string Domain(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 || at == address.Length - 1 ? MimeUtils.GenerateMessageId().Split('@')[1] : address[(at + 1)..];
    }
}
