using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Worker.Mail;
using MimeKit;

namespace AdilSoz.Intake.Tests.Mail;

public sealed class MailClassifierTests
{
    /// <summary>Header lines (name: value, one per line), the subject, and the kind they must give (null: ordinary mail).</summary>
    public static TheoryData<string, string, SubmissionKind?> Cases => new()
    {
        { "", "Нападение на журналиста", null },
        { "Auto-Submitted: no", "Нападение на журналиста", null },
        { "Auto-Submitted: auto-replied", "Re: report", SubmissionKind.AutoReply },
        { "Auto-Submitted: auto-generated", "Notification", SubmissionKind.AutoReply },
        { "X-Autoreply: yes", "Re: report", SubmissionKind.AutoReply },
        { "X-Autorespond: Out of office", "Re: report", SubmissionKind.AutoReply },
        { "X-Auto-Response-Suppress: All", "Re: report", SubmissionKind.AutoReply },
        { "Precedence: auto_reply", "Re: report", SubmissionKind.AutoReply },
        { "", "Automatic reply: [AS-2026-00042] Report", SubmissionKind.AutoReply },
        { "", "Out of Office: Report", SubmissionKind.AutoReply },
        { "", "Out of office until Monday", SubmissionKind.AutoReply },
        { "", "Auto: Report", SubmissionKind.AutoReply },
        { "", "Автоответ: Ваше письмо", SubmissionKind.AutoReply },
        { "", "Автоматический ответ: Сообщение", SubmissionKind.AutoReply },
        { "", "Автожауап: Хат", SubmissionKind.AutoReply },
        { "", "Auto parts for sale", null },
        { "", "Re: Automatic reply was wrong", null },
        { "X-Spam-Flag: YES", "Hello", SubmissionKind.Spam },
        { "X-Spam-Status: Yes, score=9.1", "Hello", SubmissionKind.Spam },
        { "X-Spam-Flag: NO\nX-Spam-Status: No, score=0.1", "Hello", null },
        { "Precedence: bulk", "Digest", SubmissionKind.Bulk },
        { "Precedence: list", "Digest", SubmissionKind.Bulk },
        { "Precedence: junk", "Digest", SubmissionKind.Bulk },
        { "List-Id: <media.lists.example.kz>", "Digest", SubmissionKind.Bulk },
        { "List-Unsubscribe: <mailto:u@example.kz>", "Digest", SubmissionKind.Bulk },
        { "Return-Path: <>", "Undelivered mail", SubmissionKind.Bounce },
        { "Return-Path: <>\nAuto-Submitted: auto-replied", "Out of office", SubmissionKind.AutoReply },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Headers_and_subject_give_the_kind(string headers, string subject, SubmissionKind? kind)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Sender", "sender@mail.kz"));
        message.Subject = subject;
        foreach (var line in headers.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            message.Headers.Add(line[..colon], line[(colon + 1)..].Trim());
        }

        message.Body = new TextPart("plain") { Text = "text" };

        var result = MailClassifier.Classify(message);

        Assert.Equal(kind, result.Kind);
        Assert.Equal(kind is null, result.Reason.Length == 0);
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mx.mail.kz")]
    [InlineData("postmaster@mail.kz")]
    public void Mail_servers_send_bounces(string from)
    {
        var message = new MimeMessage { Subject = "Delivery Status Notification (Failure)", Body = new TextPart("plain") { Text = "failed" } };
        message.From.Add(MailboxAddress.Parse(from));

        Assert.Equal(SubmissionKind.Bounce, MailClassifier.Classify(message).Kind);
    }

    [Theory]
    [InlineData("failed", "5.2.2", true)]
    [InlineData("failed", "4.4.1", false)]
    [InlineData("delayed", "4.4.7", false)]
    public void Delivery_status_gives_recipient_and_permanence(string action, string status, bool permanent)
    {
        var raw = $"""
            From: MAILER-DAEMON@mx.example.kz
            To: info@adilsoz.kz
            Subject: Delivery report
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"

            --b
            Content-Type: text/plain

            Report.
            --b
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.kz

            Final-Recipient: rfc822; full.mailbox@example.kz
            Action: {action}
            Status: {status}

            --b--
            """;

        var mail = MailParser.Parse(System.Text.Encoding.ASCII.GetBytes(raw.Replace("\n", "\r\n")));

        Assert.Equal(SubmissionKind.Bounce, mail.Kind);
        Assert.Equal("full.mailbox@example.kz", mail.BounceRecipient);
        Assert.Equal(permanent, mail.BouncePermanent);
    }

    [Fact]
    public void A_read_receipt_is_an_auto_reply()
    {
        var raw = """
            From: reader@mail.kz
            To: info@adilsoz.kz
            Subject: Read: report
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=disposition-notification; boundary="b"

            --b
            Content-Type: text/plain

            Your message was read.
            --b
            Content-Type: message/disposition-notification

            Final-Recipient: rfc822; reader@mail.kz
            Disposition: manual-action/MDN-sent-manually; displayed

            --b--
            """;

        var mail = MailParser.Parse(System.Text.Encoding.ASCII.GetBytes(raw));

        Assert.Equal(SubmissionKind.AutoReply, mail.Kind);
    }
}
