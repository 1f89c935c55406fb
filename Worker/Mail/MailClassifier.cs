using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Intake;
using MimeKit;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>The kind a message's headers and structure give it; null <see cref="Kind"/> means an ordinary message.</summary>
public sealed record MailClassification(SubmissionKind? Kind, string Reason, string? BounceRecipient = null, bool BouncePermanent = false, string? BounceMessageId = null)
{
    public static MailClassification Ordinary { get; } = new(null, "");
}

/// <summary>
/// Tells bounces, auto-replies, spam and bulk mail from mail a person wrote, by the signals mail
/// systems agree on (RFC 3834, RFC 3464, RFC 2369/2919) and by the out-of-office subjects that
/// Exchange, Gmail, Zimbra, Yandex and Mail.ru send without them. Checked in that order: a bounce
/// often also says Auto-Submitted, and an auto-reply often has an empty Return-Path. What the text of a
/// person's mail says is judged by <see cref="SpamSigns"/>, the same for the web form.
/// </summary>
public static partial class MailClassifier
{
    public static MailClassification Classify(MimeMessage message)
    {
        return Bounce(message) ?? AutoReply(message) ?? Spam(message) ?? Bulk(message) ?? NullSender(message) ?? MailClassification.Ordinary;
    }

    private static MailClassification? Bounce(MimeMessage message)
    {
        if (message.Body is MultipartReport report
            && string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase))
        {
            var (recipient, permanent, action) = DeliveryStatus(report);
            var reason = permanent
                ? "Delivery failure report: the address does not accept mail (permanent failure)."
                : action == "delayed" ? "Delivery delay report from a mail server." : "Delivery failure report from a mail server.";
            return new MailClassification(SubmissionKind.Bounce, reason, recipient, permanent, ReturnedMessageId(report) ?? ThreadId(message));
        }

        // Note: an ARF report (RFC 5965) is a mail provider's complaint that a message was spam; it quotes
        // that message whole, so without this it would read as a report of whatever the spam said.
        if (message.Body is MultipartReport { ReportType: { } reportType }
            && reportType.Equals("feedback-report", StringComparison.OrdinalIgnoreCase))
        {
            return new MailClassification(SubmissionKind.Bounce, "Spam complaint from a mail provider (ARF feedback report), not a person's message.");
        }

        var from = message.From.Mailboxes.FirstOrDefault()?.LocalPart ?? "";
        if (from.Equals("MAILER-DAEMON", StringComparison.OrdinalIgnoreCase) || from.Equals("postmaster", StringComparison.OrdinalIgnoreCase))
        {
            return new MailClassification(SubmissionKind.Bounce, $"Sent by a mail server ({from}), not a person.", BounceMessageId: ThreadId(message));
        }

        return null;
    }

    /// <summary>The Message-ID of the returned mail: its whole copy (message/rfc822) or its headers (text/rfc822-headers).</summary>
    private static string? ReturnedMessageId(MultipartReport report)
    {
        foreach (var part in report.Skip(1).Take(4))
        {
            switch (part)
            {
                case MessagePart { Message: { } returned } when !string.IsNullOrWhiteSpace(returned.MessageId):
                    return returned.MessageId;
                case MimePart headersPart when headersPart.ContentType.IsMimeType("text", "rfc822-headers") && headersPart.Content is { } content:
                    try
                    {
                        using var stream = new MemoryStream();
                        content.DecodeTo(stream);
                        stream.Position = 0;
                        var headers = HeaderList.Load(stream);
                        if (headers[HeaderId.MessageId] is { Length: > 0 } value && MimeKit.Utils.MimeUtils.EnumerateReferences(value).FirstOrDefault() is { } id)
                        {
                            return id;
                        }
                    }
                    catch (FormatException)
                    {
                        // Headers that cannot be read refer to nothing of ours.
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>Servers that send no report often thread their notice to the returned mail.</summary>
    private static string? ThreadId(MimeMessage message) =>
        string.IsNullOrWhiteSpace(message.InReplyTo) ? null : message.InReplyTo;

    private static (string? Recipient, bool Permanent, string? Action) DeliveryStatus(MultipartReport report)
    {
        var status = report.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is null)
        {
            return (null, false, null);
        }

        // Note: group 0 describes the message; each further group is one recipient.
        foreach (var group in status.StatusGroups.Skip(1))
        {
            var action = group["Action"]?.Trim().ToLowerInvariant();
            var code = group["Status"]?.Trim() ?? "";
            var recipientField = group["Final-Recipient"] ?? group["Original-Recipient"];
            var recipient = recipientField is null ? null : recipientField[(recipientField.IndexOf(';') + 1)..].Trim().Trim('<', '>');
            if (action is "failed" or "delayed" || code.Length > 0)
            {
                return (string.IsNullOrEmpty(recipient) ? null : recipient, code.StartsWith('5') && action != "delayed", action);
            }
        }

        return (null, false, null);
    }

    private static MailClassification? AutoReply(MimeMessage message)
    {
        if (message.Body is MultipartReport { ReportType: { } type } && type.Equals("disposition-notification", StringComparison.OrdinalIgnoreCase))
        {
            return new MailClassification(SubmissionKind.AutoReply, "Read receipt (message disposition notification).");
        }

        var headers = message.Headers;
        var autoSubmitted = headers["Auto-Submitted"]?.Trim();
        if (!string.IsNullOrEmpty(autoSubmitted) && !autoSubmitted.StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return new MailClassification(SubmissionKind.AutoReply, $"Sent automatically (Auto-Submitted: {Clip(autoSubmitted)}).");
        }

        foreach (var name in new[] { "X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Response-Suppress" })
        {
            var value = headers[name]?.Trim();
            if (!string.IsNullOrEmpty(value) && !value.Equals("no", StringComparison.OrdinalIgnoreCase))
            {
                return new MailClassification(SubmissionKind.AutoReply, $"Sent automatically ({name} header).");
            }
        }

        if (headers["Precedence"]?.Trim().Equals("auto_reply", StringComparison.OrdinalIgnoreCase) == true)
        {
            return new MailClassification(SubmissionKind.AutoReply, "Sent automatically (Precedence: auto_reply).");
        }

        var subject = message.Subject ?? "";
        if (OutOfOfficeSubject().IsMatch(subject))
        {
            return new MailClassification(SubmissionKind.AutoReply, $"Out-of-office or automatic reply (subject \"{Clip(subject)}\").");
        }

        return null;
    }

    private static MailClassification? Spam(MimeMessage message)
    {
        var flag = message.Headers["X-Spam-Flag"]?.Trim();
        if (flag?.StartsWith("yes", StringComparison.OrdinalIgnoreCase) == true)
        {
            return new MailClassification(SubmissionKind.Spam, "Marked as spam by the mail server's filter (X-Spam-Flag).");
        }

        var status = message.Headers["X-Spam-Status"]?.Trim();
        if (status?.StartsWith("yes", StringComparison.OrdinalIgnoreCase) == true)
        {
            return new MailClassification(SubmissionKind.Spam, "Marked as spam by the mail server's filter (X-Spam-Status).");
        }

        return null;
    }

    private static MailClassification? Bulk(MimeMessage message)
    {
        var precedence = message.Headers["Precedence"]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "list" or "junk")
        {
            return new MailClassification(SubmissionKind.Bulk, $"Mass mailing (Precedence: {precedence}).");
        }

        if (message.Headers.Contains("List-Id"))
        {
            return new MailClassification(SubmissionKind.Bulk, "Mailing-list message (List-Id).");
        }

        if (message.Headers.Contains("List-Unsubscribe"))
        {
            return new MailClassification(SubmissionKind.Bulk, "Newsletter or mass mailing (List-Unsubscribe).");
        }

        return null;
    }

    private static MailClassification? NullSender(MimeMessage message)
    {
        var returnPath = message.Headers["Return-Path"]?.Trim();
        return returnPath is "<>" or "< >"
            ? new MailClassification(SubmissionKind.Bounce, "Sent with an empty return address (Return-Path: <>), as mail servers send failure notices.")
            : null;
    }

    private static string Clip(string value) => value.Length <= 60 ? value : value[..60] + "…";

    [GeneratedRegex(@"^\s*(automatic reply|auto(matic)?[ -]?(reply|response)|autoreply|auto|out of (the )?office|abwesenheitsnotiz|absence|автоответ|автоматический ответ|автоматически|автожауап|автоматты жауап|вне офиса|нет на месте)\s*[:\-]|^\s*out of (the )?office\b|^\s*(автоответ|автожауап)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutOfOfficeSubject();
}
