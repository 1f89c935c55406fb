using AdilSoz.Intake.Core.Intake;
using static AdilSoz.Intake.Tests.Mail.Corpus.Mime;

namespace AdilSoz.Intake.Tests.Mail.Corpus;

/// <summary>Mail sent by machines, replies and broken messages.</summary>
public static partial class CorpusMessages
{
    private static byte[] Simple(string headers, string body) => Raw(
        headers.TrimEnd('\n') + "\n",
        "MIME-Version: 1.0\n",
        "Content-Type: text/plain; charset=utf-8\n",
        "Content-Transfer-Encoding: 8bit\n\n",
        body);

    private static CorpusCase AutoSubmitted() => new("auto-reply: Auto-Submitted header", Simple("""
        Message-ID: <vacation.1@gmail.com>
        Date: Thu, 26 Nov 2026 12:00:00 +0500
        From: Dana <dana.k@gmail.com>
        To: info@adilsoz.kz
        Subject: Re: Monitoring bulletin
        Auto-Submitted: auto-replied
        """, "I am on vacation until December 7.\n"))
    {
        Kind = SubmissionKind.AutoReply,
        Subject = "Re: Monitoring bulletin",
        Acknowledge = false,
        Language = "en",
    };

    private static CorpusCase XAutoreply() => new("auto-reply: X-Autoreply header (Yandex)", Simple($"""
        Message-ID: <auto.2@yandex.ru>
        Date: Thu, 26 Nov 2026 12:01:00 +0300
        From: boris@yandex.ru
        To: info@adilsoz.kz
        Subject: {B("Re: Вопрос", "utf-8")}
        X-Autoreply: yes
        """, "Спасибо, ваше письмо получено.\n"))
    {
        Kind = SubmissionKind.AutoReply,
        Subject = "Re: Вопрос",
        Acknowledge = false,
    };

    private static CorpusCase ExchangeOutOfOffice() => new("auto-reply: Exchange \"Automatic reply:\" with X-Auto-Response-Suppress", Simple("""
        Message-ID: <oof.3@EXCH.company.kz>
        Date: Thu, 26 Nov 2026 12:02:00 +0500
        From: Serik Akhmetov <s.akhmetov@company.kz>
        To: info@adilsoz.kz
        Subject: Automatic reply: [AS-2026-00042] Attack on a journalist
        X-Auto-Response-Suppress: All
        X-MS-Exchange-Inbox-Rules-Loop: s.akhmetov@company.kz
        """, "I am out of the office with limited access to email.\n"))
    {
        Kind = SubmissionKind.AutoReply,
        Subject = "Automatic reply: [AS-2026-00042] Attack on a journalist",
        Reference = "AS-2026-00042",
        Acknowledge = false,
        Language = "en",
    };

    private static CorpusCase RussianAutoReplySubject() => new("auto-reply: subject \"Автоответ:\" only", Simple($"""
        Message-ID: <auto.4@mail.ru>
        Date: Thu, 26 Nov 2026 12:03:00 +0300
        From: editor@mail.ru
        To: info@adilsoz.kz
        Subject: {B("Автоответ: Ваше письмо", "utf-8")}
        """, "Я в отпуске до 1 декабря.\n"))
    {
        Kind = SubmissionKind.AutoReply,
        Subject = "Автоответ: Ваше письмо",
        Acknowledge = false,
    };

    private static CorpusCase KazakhAutoReplySubject() => new("auto-reply: subject \"Автожауап:\" only", Simple($"""
        Message-ID: <auto.5@mail.kz>
        Date: Thu, 26 Nov 2026 12:04:00 +0600
        From: redaktor@mail.kz
        To: info@adilsoz.kz
        Subject: {B("Автожауап: Сіздің хатыңыз", "utf-8")}
        """, "Мен демалыстамын.\n"))
    {
        Kind = SubmissionKind.AutoReply,
        Subject = "Автожауап: Сіздің хатыңыз",
        Acknowledge = false,
        Language = "kk",
    };

    private static CorpusCase Bounce() => new("bounce: multipart/report delivery-status, 5.1.1", Raw("""
        Return-Path: <>
        Message-ID: <bounce.6@mx.adilsoz.kz>
        Date: Thu, 26 Nov 2026 12:05:00 +0500
        From: Mail Delivery System <MAILER-DAEMON@mx.adilsoz.kz>
        To: info@adilsoz.kz
        Subject: Undelivered Mail Returned to Sender
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="dsn-b"

        --dsn-b
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.adilsoz.kz.
        I'm sorry to have to inform you that your message could not be delivered.

        --dsn-b
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.adilsoz.kz
        Arrival-Date: Thu, 26 Nov 2026 12:04:58 +0500

        Final-Recipient: rfc822; gone.reporter@mail.kz
        Original-Recipient: rfc822;gone.reporter@mail.kz
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <gone.reporter@mail.kz>: Recipient address rejected: User unknown

        --dsn-b
        Content-Type: text/rfc822-headers

        From: info@adilsoz.kz
        To: gone.reporter@mail.kz
        Subject: [AS-2026-00017] Your report

        --dsn-b--
        """))
    {
        Kind = SubmissionKind.Bounce,
        Subject = "Undelivered Mail Returned to Sender",
        TextContains = ["could not be delivered"],
        TextExcludes = ["Final-Recipient"],
        Acknowledge = false,
        Language = "en",
        BounceRecipient = "gone.reporter@mail.kz",
        BouncePermanent = true,
    };

    private static CorpusCase Newsletter() => new("newsletter with List-Unsubscribe", Raw($"""
        Message-ID: <news.7@mailchimp.example.com>
        Date: Thu, 26 Nov 2026 12:06:00 +0000
        From: Media Digest <digest@news.example.com>
        To: info@adilsoz.kz
        Subject: {B("Дайджест СМИ за неделю", "utf-8")}
        List-Unsubscribe: <https://news.example.com/unsubscribe?u=1>, <mailto:unsub@news.example.com>
        List-Unsubscribe-Post: List-Unsubscribe=One-Click
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8

        <p>Главные новости недели</p>
        """))
    {
        Kind = SubmissionKind.Bulk,
        Subject = "Дайджест СМИ за неделю",
        TextContains = ["Главные новости недели"],
        Acknowledge = false,
    };

    private static CorpusCase SpamFlag() => new("spam: X-Spam-Flag YES", Simple("""
        Message-ID: <spam.8@cheap.example.net>
        Date: Thu, 26 Nov 2026 12:07:00 +0000
        From: winner@cheap.example.net
        To: info@adilsoz.kz
        Subject: You won a prize
        X-Spam-Flag: YES
        X-Spam-Status: Yes, score=12.3 required=5.0
        """, "Claim your prize now.\n"))
    {
        Kind = SubmissionKind.Spam,
        Subject = "You won a prize",
        Acknowledge = false,
        Language = "en",
    };

    private static CorpusCase NoMessageId() => new("report without Message-ID", Simple($"""
        Date: Thu, 26 Nov 2026 12:08:00 +0500
        From: villager@inbox.kz
        To: info@adilsoz.kz
        Subject: {B("Местная газета закрыта", "utf-8")}
        """, "Нашу районную газету закрыли после критики акима.\n"))
    {
        Subject = "Местная газета закрыта",
        TextContains = ["Нашу районную газету закрыли"],
        HasMessageId = false,
    };

    private static CorpusCase FollowUp() => new("follow-up: reply to our acknowledgement with quote and signature", Simple($"""
        Message-ID: <reply.9@mail.kz>
        In-Reply-To: <as-2026-00042.0f0e0d0c@adilsoz.kz>
        References: <1a2b3c@mail.kz> <as-2026-00042.0f0e0d0c@adilsoz.kz>
        Date: Fri, 27 Nov 2026 10:00:00 +0500
        From: {B("Алмас Нурланов", "utf-8")} <a.nurlanov@mail.kz>
        To: info@adilsoz.kz
        Subject: {B("Re: [AS-2026-00042] Нападение на журналиста в Шымкенте", "utf-8")}
        """, """
        Добавляю: журналиста отпустили через три часа, камеру не вернули.

        С уважением,
        Алмас Нурланов
        корреспондент

        On Mon, 23 Nov 2026 at 10:15, Adil Soz <info@adilsoz.kz> wrote:
        > Здравствуйте!
        > Спасибо, что написали в фонд «Әділ сөз».

        """))
    {
        Kind = SubmissionKind.Followup,
        Subject = "Re: [AS-2026-00042] Нападение на журналиста в Шымкенте",
        Reference = "AS-2026-00042",
        TextContains = ["журналиста отпустили через три часа"],
        TextExcludes = ["Спасибо, что написали", "С уважением", "wrote:"],
        QuotedContains = ["Спасибо, что написали", "С уважением"],
        Acknowledge = false,
    };

    private static CorpusCase ReplyWithoutReference() => new("reply quoting mail with \"пишет:\" and a \"-- \" signature", Simple($"""
        Message-ID: <reply.10@yandex.kz>
        Date: Fri, 27 Nov 2026 10:30:00 +0500
        From: journalist@yandex.kz
        To: info@adilsoz.kz
        Subject: {B("Re: Вопрос о суде", "utf-8")}
        """, """
        Суд назначил заседание на 3 декабря, просим направить наблюдателя.

        -- 
        Айдар, тел. +7 701 000 00 00

        26.11.2026, 18:00, "Юрист фонда" <lawyer@adilsoz.kz> пишет:
        > Когда назначено заседание?

        """))
    {
        Subject = "Re: Вопрос о суде",
        TextContains = ["Суд назначил заседание на 3 декабря"],
        TextExcludes = ["Когда назначено", "+7 701"],
        QuotedContains = ["Когда назначено заседание?", "+7 701"],
    };

    private static CorpusCase TruncatedBoundary() => new("broken MIME: closing boundary and base64 cut off", Raw(
        "Message-ID: <broken.11@mail.kz>\n",
        "Date: Fri, 27 Nov 2026 11:00:00 +0500\n",
        "From: sender@mail.kz\n",
        "To: info@adilsoz.kz\n",
        "Subject: =?utf-8?B?0J7QsdGA0YvQsg==?=\n",
        "MIME-Version: 1.0\n",
        "Content-Type: multipart/mixed; boundary=\"cut\"\n\n",
        "--cut\n",
        "Content-Type: text/plain; charset=utf-8\n\n",
        "Текст до обрыва соединения.\n",
        "--cut\n",
        "Content-Type: application/pdf; name=\"doc.pdf\"\n",
        "Content-Transfer-Encoding: base64\n\n",
        "JVBERi0xLjQKJcfs\n"))
    {
        Subject = "Обрыв",
        TextContains = ["Текст до обрыва соединения."],
        Files = [new("doc.pdf", Convert.FromBase64String("JVBERi0xLjQKJcfs"))],
    };

    private static CorpusCase Garbage() => new("garbage bytes", FileBytes("\0\u0001\u0002", 4_000, 99))
    {
        Error = true,
        Acknowledge = false,
        HasMessageId = false,
    };

    private static CorpusCase NoReplySender() => new("report-looking mail from a no-reply address", Simple("""
        Message-ID: <notify.12@portal.gov.kz>
        Date: Fri, 27 Nov 2026 11:30:00 +0500
        From: no-reply@portal.gov.kz
        To: info@adilsoz.kz
        Subject: Your request has been registered
        """, "Your request No. 5512 has been registered.\n"))
    {
        Subject = "Your request has been registered",
        Acknowledge = false,
        Language = "en",
    };

    private static CorpusCase OwnAddress() => new("mail from our own address (loop)", Simple("""
        Message-ID: <self.13@adilsoz.kz>
        Date: Fri, 27 Nov 2026 11:40:00 +0500
        From: Adil Soz <INFO@adilsoz.kz>
        To: info@adilsoz.kz
        Subject: Test
        """, "Test message.\n"))
    {
        Subject = "Test",
        Acknowledge = false,
        Language = "en",
    };

    // Note: built on first use, after the file contents of the other partial file are initialised.
    private static readonly Lazy<IReadOnlyList<CorpusCase>> AllCases = new(() =>
    [
        Windows1251(), Windows1251Undeclared(), Koi8R(), Koi8RUndeclared(), KazakhUtf8(), HtmlOnly(),
        CyrillicAttachments(), Forwarded(), Tnef(), AutoSubmitted(), XAutoreply(), ExchangeOutOfOffice(),
        RussianAutoReplySubject(), KazakhAutoReplySubject(), Bounce(), Newsletter(), SpamFlag(), NoMessageId(),
        FollowUp(), ReplyWithoutReference(), TruncatedBoundary(), Garbage(), NoReplySender(), OwnAddress(),
    ]);

    public static IReadOnlyList<CorpusCase> All => AllCases.Value;

    public static CorpusCase Get(string name) => All.Single(c => c.Name == name);
}
