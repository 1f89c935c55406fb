using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Mail.Corpus;
using AdilSoz.Intake.Worker.Mail;
using MimeKit;

namespace AdilSoz.Intake.Tests.Mail;

public sealed class AcknowledgementTests
{
    private static readonly MailboxAddress Ours = new("Әділ сөз", "info@adilsoz.kz");
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("noreply@portal.kz", false)]
    [InlineData("no-reply@gov.kz", false)]
    [InlineData("No_Reply@bank.kz", false)]
    [InlineData("donotreply@service.kz", false)]
    [InlineData("do-not-reply@service.kz", false)]
    [InlineData("mailer-daemon@mx.kz", false)]
    [InlineData("postmaster@mail.kz", false)]
    [InlineData("bounce@news.kz", false)]
    [InlineData("list-bounces@lists.kz", false)]
    [InlineData("bounces+12345@sendgrid.net", false)]
    [InlineData("info@adilsoz.kz", false)]
    [InlineData("reporter@mail.kz", true)]
    [InlineData("noreen@mail.kz", true)]
    [InlineData("bouncer.club@mail.kz", true)]
    public void Sender_address_decides(string from, bool acknowledge)
    {
        var mail = new ParsedMail { From = new MailContact(from, null), Kind = SubmissionKind.Report };

        Assert.Equal(acknowledge, AcknowledgementPolicy.ShouldAcknowledge(mail, "info@adilsoz.kz").Acknowledge);
    }

    [Fact]
    public void No_sender_no_acknowledgement()
    {
        Assert.False(AcknowledgementPolicy.ShouldAcknowledge(new ParsedMail(), "info@adilsoz.kz").Acknowledge);
    }

    [Theory]
    [InlineData("windows-1251 encoded words and 8-bit body", "ru", "Здравствуйте!", "зарегистрировано под номером AS-2026-00042")]
    [InlineData("Kazakh UTF-8 base64", "kk", "Сәлеметсіз бе!", "AS-2026-00042 нөмірімен тіркелді")]
    [InlineData("spam: X-Spam-Flag YES", "en", "Hello,", "under the reference AS-2026-00042")]
    public void Reply_is_in_the_reporters_language_threaded_and_marked_automatic(string corpusCase, string language, string greeting, string registered)
    {
        var original = MailParser.Parse(CorpusMessages.Get(corpusCase).Raw);
        Assert.Equal(language, original.Language);

        var ack = AcknowledgementComposer.Compose(original, "AS-2026-00042", Ours, Now);

        Assert.Equal($"[AS-2026-00042] {original.Subject}", ack.Subject);
        Assert.Equal(original.From!.Address, ack.To.Mailboxes.Single().Address);
        Assert.Equal("auto-replied", ack.Headers["Auto-Submitted"]);
        Assert.Equal("All", ack.Headers["X-Auto-Response-Suppress"]);
        Assert.Equal(original.MessageId, ack.InReplyTo);
        Assert.Equal(original.MessageId, ack.References.Last());
        Assert.StartsWith("as-2026-00042.", ack.MessageId, StringComparison.Ordinal);
        Assert.EndsWith("@adilsoz.kz", ack.MessageId, StringComparison.Ordinal);
        Assert.StartsWith(greeting, ack.TextBody, StringComparison.Ordinal);
        Assert.Contains(registered, ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("[AS-2026-00042]", ack.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Subject_is_encoded_on_the_wire_and_reads_back()
    {
        var original = MailParser.Parse(CorpusMessages.Get("KOI8-R encoded words and quoted-printable body").Raw);
        var ack = AcknowledgementComposer.Compose(original, "AS-2026-00042", Ours, Now);

        using var wire = new MemoryStream();
        ack.WriteTo(wire);
        var raw = wire.ToArray();

        var headerBlock = raw.AsSpan(0, raw.AsSpan().IndexOf("\n\n"u8) is var end and > 0 ? end : raw.Length);
        Assert.False(headerBlock.ContainsAnyInRange((byte)0x80, (byte)0xFF), "headers must be 7-bit (RFC 2047 encoded)");
        Assert.False(raw.AsSpan().ContainsAnyInRange((byte)0x80, (byte)0xFF), "the body must be 7-bit for any relay");
        Assert.Contains("Subject: ", System.Text.Encoding.ASCII.GetString(headerBlock), StringComparison.Ordinal);
        Assert.Equal("[AS-2026-00042] Отказ в аккредитации", MailParser.Parse(raw).Subject);
    }

    [Fact]
    public void Our_own_acknowledgement_coming_back_is_never_answered()
    {
        var original = MailParser.Parse(CorpusMessages.Get("Kazakh UTF-8 base64").Raw);
        var ack = AcknowledgementComposer.Compose(original, "AS-2026-00042", Ours, Now);
        using var wire = new MemoryStream();
        ack.WriteTo(wire);

        var echoed = MailParser.Parse(wire.ToArray());

        Assert.Equal(SubmissionKind.AutoReply, echoed.Kind);
        Assert.False(AcknowledgementPolicy.ShouldAcknowledge(echoed, "info@adilsoz.kz").Acknowledge);
    }

    [Fact]
    public void A_reply_to_the_acknowledgement_with_a_new_subject_is_a_follow_up()
    {
        var original = MailParser.Parse(CorpusMessages.Get("windows-1251 encoded words and 8-bit body").Raw);
        var ack = AcknowledgementComposer.Compose(original, "AS-2026-00077", Ours, Now);
        var reply = new MimeMessage();
        reply.From.Add(new MailboxAddress("Алмас", "a.nurlanov@mail.kz"));
        reply.To.Add(Ours);
        reply.Subject = "Новые подробности";
        reply.InReplyTo = ack.MessageId;
        reply.References.Add(ack.MessageId!);
        reply.Body = new TextPart("plain") { Text = "Камеру так и не вернули." };
        using var wire = new MemoryStream();
        reply.WriteTo(wire);

        var parsed = MailParser.Parse(wire.ToArray());

        Assert.Equal(SubmissionKind.Followup, parsed.Kind);
        Assert.Equal("AS-2026-00077", parsed.Reference);
    }

    [Fact]
    public void A_too_large_report_is_told_how_to_send_files()
    {
        var original = MailParser.Parse(CorpusMessages.Get("attachments with Cyrillic RFC 2231 and RFC 2047 names, inline image").Raw, new MailParserOptions { MaxMessageBytes = 4096 });

        var ack = AcknowledgementComposer.Compose(original, "AS-2026-00043", Ours, Now, maxMessageBytes: 4096);

        Assert.Contains("слишком большим", ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("AS-2026-00043", ack.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_subject_gets_a_readable_one()
    {
        var mail = new ParsedMail { From = new MailContact("reporter@mail.kz", null), Language = "kk" };

        var ack = AcknowledgementComposer.Compose(mail, "AS-2026-00044", Ours, Now);

        Assert.Equal("[AS-2026-00044] Сіздің хатыңыз", ack.Subject);
        Assert.Null(ack.InReplyTo);
    }
}
