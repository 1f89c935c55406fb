using AdilSoz.Intake.Core.Reporters;
using MimeKit;
using MimeKit.Utils;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// Builds the one automatic reply a new mail report gets: in the reporter's language, the reference in
/// the subject, marked as automatic (RFC 3834) so well-behaved responders do not answer it, and threaded
/// to the original. Its Message-ID carries the reference, so a reply threads even if the subject is changed.
/// </summary>
public static class AcknowledgementComposer
{
    public static MimeMessage Compose(ParsedMail original, string reference, MailboxAddress from, DateTimeOffset now, string? language = null, long maxMessageBytes = 0)
    {
        var recipient = AcknowledgementPolicy.Recipient(original)
            ?? throw new InvalidOperationException("The original message has no sender address to acknowledge.");
        language ??= original.Language;

        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(original.From?.DisplayName ?? "", recipient));
        message.Subject = Subject(original.Subject, reference, ReporterMail.AcknowledgementEmptySubject(language));
        message.Date = now;
        message.MessageId = $"{reference.ToLowerInvariant()}.{Guid.NewGuid():N}@{Domain(from.Address)}";
        if (original.MessageId is { Length: > 0 } originalId)
        {
            message.InReplyTo = originalId;
            foreach (var id in original.References.Append(originalId))
            {
                message.References.Add(id);
            }
        }

        message.Headers.Add("Auto-Submitted", "auto-replied");
        message.Headers.Add("X-Auto-Response-Suppress", "All");

        (string, string)? tooLarge = original.TooLarge
            ? (MailParser.Megabytes(original.RawSize), MailParser.Megabytes(maxMessageBytes > 0 ? maxMessageBytes : MailParserOptions.Default.MaxMessageBytes))
            : null;
        var body = ReporterMail.AcknowledgementBody(language, reference, tooLarge);
        var text = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.Base64 };
        text.SetText("utf-8", body.Replace("\r\n", "\n") + "\n");
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
