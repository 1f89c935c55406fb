using static AdilSoz.Intake.Tests.Mail.Corpus.Mime;

namespace AdilSoz.Intake.Tests.Mail.Corpus;

/// <summary>Reports written by people, in the charsets and shapes their mail clients produce.</summary>
public static partial class CorpusMessages
{
    public static readonly byte[] CourtPdf = FileBytes("%PDF-1.4\n", 5_000, 1);
    public static readonly byte[] PhotoJpg = FileBytes("\u00FF\u00D8\u00FF\u00E0JFIF", 3_000, 2);
    public static readonly byte[] InlinePng = FileBytes("\u0089PNG\r\n\u001a\n", 700, 3);
    public static readonly byte[] ComplaintDocx = FileBytes("PK\u0003\u0004", 1_200, 4);
    public static readonly byte[] ProtocolPdf = FileBytes("%PDF-1.5\n", 2_500, 5);
    public static readonly byte[] DecisionDocx = FileBytes("PK\u0003\u0004", 4_096, 6);

    private static CorpusCase Windows1251() => new("windows-1251 encoded words and 8-bit body", Raw(
        "Return-Path: <a.nurlanov@mail.kz>\n",
        "Received: from mx.mail.kz (mx.mail.kz [194.54.14.1]) by mx.adilsoz.kz; Mon, 23 Nov 2026 09:12:44 +0500\n",
        "Message-ID: <1a2b3c@mail.kz>\n",
        "Date: Mon, 23 Nov 2026 09:12:40 +0500\n",
        $"From: {B("Алмас Нурланов", "windows-1251")} <a.nurlanov@mail.kz>\n",
        "To: info@adilsoz.kz\n",
        $"Subject: {B("Нападение на журналиста в Шымкенте", "windows-1251")}\n",
        "MIME-Version: 1.0\n",
        "Content-Type: text/plain; charset=\"windows-1251\"\n",
        "Content-Transfer-Encoding: 8bit\n",
        "X-Mailer: The Bat! (v9.4.3) Professional\n\n",
        Charset("windows-1251").GetBytes("Здравствуйте!\r\n\r\nВчера в Шымкенте неизвестные напали на корреспондента газеты «Южный Казахстан» и отобрали у него камеру.\r\nПрошу зафиксировать нарушение.\r\n")))
    {
        Subject = "Нападение на журналиста в Шымкенте",
        TextContains = ["неизвестные напали на корреспондента", "«Южный Казахстан»"],
    };

    private static CorpusCase Windows1251Undeclared() => new("windows-1251 raw 8-bit subject, no charset", Raw(
        "Message-ID: <20261123.5555@post.kz>\n",
        "Date: Mon, 23 Nov 2026 11:00:00 +0500\n",
        "From: reader@post.kz\n",
        "To: info@adilsoz.kz\n",
        "Subject: ", Charset("windows-1251").GetBytes("Угрозы редактору"), "\n",
        "MIME-Version: 1.0\n",
        "Content-Type: text/plain\n",
        "Content-Transfer-Encoding: 8bit\n\n",
        Charset("windows-1251").GetBytes("Главному редактору районной газеты звонили с угрозами после статьи о застройке парка.\r\n")))
    {
        Subject = "Угрозы редактору",
        TextContains = ["Главному редактору районной газеты звонили с угрозами"],
    };

    private static CorpusCase Koi8R() => new("KOI8-R encoded words and quoted-printable body", Raw(
        "Message-ID: <koi8.777@rambler.ru>\n",
        "Date: Tue, 24 Nov 2026 08:30:00 +0300\n",
        $"From: {Q("Ольга Петрова", "koi8-r")} <olga.p@rambler.ru>\n",
        "To: info@adilsoz.kz\n",
        $"Subject: {Q("Отказ в аккредитации", "koi8-r")}\n",
        "MIME-Version: 1.0\n",
        "Content-Type: text/plain; charset=koi8-r\n",
        "Content-Transfer-Encoding: quoted-printable\n\n",
        QuotedPrintable("Добрый день.\nНашему корреспонденту отказали в аккредитации на сессию маслихата без объяснения причин.\n", "koi8-r")))
    {
        Subject = "Отказ в аккредитации",
        TextContains = ["отказали в аккредитации на сессию маслихата"],
    };

    private static CorpusCase Koi8RUndeclared() => new("KOI8-R raw 8-bit subject and body, no charset", Raw(
        "Message-ID: <old.koi8@relcom.ru>\n",
        "Date: Tue, 24 Nov 2026 10:00:00 +0300\n",
        "From: old-client@relcom.ru\n",
        "To: info@adilsoz.kz\n",
        "Subject: ", Charset("koi8-r").GetBytes("Изъятие тиража газеты"), "\n",
        "MIME-Version: 1.0\n",
        "Content-Type: text/plain\n",
        "Content-Transfer-Encoding: 8bit\n\n",
        Charset("koi8-r").GetBytes("Сотрудники акимата изъяли весь тираж газеты прямо из типографии.\n")))
    {
        Subject = "Изъятие тиража газеты",
        TextContains = ["изъяли весь тираж газеты"],
    };

    private static CorpusCase KazakhUtf8() => new("Kazakh UTF-8 base64", Raw(
        "Message-ID: <kz.2026.11.24@gmail.com>\n",
        "Date: Tue, 24 Nov 2026 12:00:00 +0600\n",
        $"From: {B("Айгүл Серікқызы", "utf-8")} <aigul.s@gmail.com>\n",
        "To: info@adilsoz.kz\n",
        $"Subject: {B("Журналистке қысым көрсетілді", "utf-8")}\n",
        "MIME-Version: 1.0\n",
        "Content-Type: text/plain; charset=\"UTF-8\"\n",
        "Content-Transfer-Encoding: base64\n\n",
        Base64("Сәлеметсіз бе!\nБіздің тілшіміз әкімдіктің отырысына кіргізілмеді. Полиция қызметкерлері оның телефонын тартып алды.\n", "utf-8")))
    {
        Subject = "Журналистке қысым көрсетілді",
        TextContains = ["әкімдіктің отырысына кіргізілмеді", "телефонын тартып алды"],
        Language = "kk",
    };

    private static CorpusCase HtmlOnly() => new("HTML only with script, style, onclick and tracking pixel", Raw(
        "Message-ID: <html.only@yandex.kz>\n",
        "Date: Wed, 25 Nov 2026 14:00:00 +0500\n",
        "From: bastau.news@yandex.kz\n",
        "To: info@adilsoz.kz\n",
        $"Subject: {B("Блокировка сайта", "utf-8")}\n",
        "MIME-Version: 1.0\n",
        "Content-Type: text/html; charset=utf-8\n",
        "Content-Transfer-Encoding: base64\n\n",
        Base64("""
            <html><head><title>Письмо</title><style>.x { color: red; } body { font-family: Arial }</style>
            <script>alert('stolen cookie'); document.location='https://evil.example.com';</script></head>
            <body onload="track()"><p>Редакцию сайта <b>«Бастау»</b> заблокировали&nbsp;после публикации о коррупции.</p>
            <div onclick="steal()">Подробности: <a href="https://bastau.kz/news/123" onmouseover="x()">наша статья</a></div>
            <ul><li>доступ закрыт с 20 ноября;</li><li>провайдер ссылается на предписание.</li></ul>
            <img src="https://track.example.com/open.gif?id=42" width="1" height="1" alt="">
            <noscript>включите JavaScript</noscript>
            </body></html>
            """, "utf-8")))
    {
        Subject = "Блокировка сайта",
        TextContains = ["Редакцию сайта «Бастау» заблокировали после публикации о коррупции.", "наша статья <https://bastau.kz/news/123>", "• доступ закрыт с 20 ноября;"],
        TextExcludes = ["alert", "stolen", "color", "font-family", "steal", "track", "onclick", "<p", "<b>", "<img", "</", "JavaScript", "Письмо"],
    };

    private static CorpusCase CyrillicAttachments() => new("attachments with Cyrillic RFC 2231 and RFC 2047 names, inline image", Raw(
        "Message-ID: <att.2231@mail.ru>\n",
        "Date: Wed, 25 Nov 2026 16:20:00 +0500\n",
        "From: lawyer@mail.ru\n",
        "To: info@adilsoz.kz\n",
        $"Subject: {B("Постановление суда по иску к газете", "utf-8")}\n",
        "MIME-Version: 1.0\n",
        "Content-Type: multipart/mixed; boundary=\"outer-b1\"\n\n",
        "--outer-b1\n",
        "Content-Type: multipart/related; boundary=\"rel-b2\"\n\n",
        "--rel-b2\n",
        "Content-Type: text/html; charset=utf-8\n",
        "Content-Transfer-Encoding: base64\n\n",
        Base64("<p>Во вложении постановление суда и фотографии.</p><p><img src=\"cid:img001@mail.ru\"></p>", "utf-8"), "\n",
        "--rel-b2\n",
        "Content-Type: image/png; name=\"image001.png\"\n",
        "Content-ID: <img001@mail.ru>\n",
        "Content-Disposition: inline; filename=\"image001.png\"\n",
        "Content-Transfer-Encoding: base64\n\n",
        Base64(InlinePng), "\n",
        "--rel-b2--\n",
        "--outer-b1\n",
        "Content-Type: application/pdf\n",
        $"Content-Disposition: attachment; filename*=UTF-8''{Percent("Постановление суда №123.pdf", "utf-8")}\n",
        "Content-Transfer-Encoding: base64\n\n",
        Base64(CourtPdf), "\n",
        "--outer-b1\n",
        "Content-Type: image/jpeg\n",
        $"Content-Disposition: attachment;\n filename*0*=windows-1251''{Percent("Фото с ", "windows-1251")};\n filename*1*={Percent("места.jpg", "windows-1251")}\n",
        "Content-Transfer-Encoding: base64\n\n",
        Base64(PhotoJpg), "\n",
        "--outer-b1\n",
        $"Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=\"{B("Жалоба.docx", "utf-8")}\"\n",
        "Content-Disposition: attachment\n",
        "Content-Transfer-Encoding: base64\n\n",
        Base64(ComplaintDocx), "\n",
        "--outer-b1--\n"))
    {
        Subject = "Постановление суда по иску к газете",
        TextContains = ["Во вложении постановление суда и фотографии."],
        Files =
        [
            new("image001.png", InlinePng, Inline: true),
            new("Постановление суда №123.pdf", CourtPdf),
            new("Фото с места.jpg", PhotoJpg),
            new("Жалоба.docx", ComplaintDocx),
        ],
    };

    private static CorpusCase Forwarded() => new("forwarded message/rfc822 with its own attachment", Raw(
        "Message-ID: <fwd.1@adilsoz-correspondent.kz>\n",
        "Date: Thu, 26 Nov 2026 09:00:00 +0500\n",
        "From: aktobe.corr@mail.kz\n",
        "To: info@adilsoz.kz\n",
        $"Subject: {B("Fwd: Задержание оператора", "utf-8")}\n",
        "MIME-Version: 1.0\n",
        "Content-Type: multipart/mixed; boundary=\"fwd-outer\"\n\n",
        "--fwd-outer\n",
        "Content-Type: text/plain; charset=utf-8\n",
        "Content-Transfer-Encoding: 8bit\n\n",
        "Пересылаю письмо от нашего корреспондента в Актобе.\n",
        "--fwd-outer\n",
        "Content-Type: message/rfc822\n",
        "Content-Disposition: attachment; filename=\"forwarded.eml\"\n\n",
        "Message-ID: <inner.9@mail.kz>\n",
        "Date: Wed, 25 Nov 2026 19:45:00 +0500\n",
        $"From: {B("Ержан Қасымов", "utf-8")} <erzhan@mail.kz>\n",
        "To: aktobe.corr@mail.kz\n",
        $"Subject: {B("Задержание оператора", "utf-8")}\n",
        "MIME-Version: 1.0\n",
        "Content-Type: multipart/mixed; boundary=\"fwd-inner\"\n\n",
        "--fwd-inner\n",
        "Content-Type: text/plain; charset=windows-1251\n",
        "Content-Transfer-Encoding: base64\n\n",
        Base64("Сегодня утром полиция задержала оператора телеканала во время съёмки митинга.\n", "windows-1251"), "\n",
        "--fwd-inner\n",
        "Content-Type: application/pdf\n",
        $"Content-Disposition: attachment; filename*=utf-8''{Percent("протокол.pdf", "utf-8")}\n",
        "Content-Transfer-Encoding: base64\n\n",
        Base64(ProtocolPdf), "\n",
        "--fwd-inner--\n",
        "--fwd-outer--\n"))
    {
        Subject = "Fwd: Задержание оператора",
        TextContains = ["Пересылаю письмо от нашего корреспондента", "---- Forwarded message ----", "полиция задержала оператора телеканала"],
        TextExcludes = ["Ержан", "erzhan@mail.kz"],
        ForwardedFrom = "Ержан Қасымов <erzhan@mail.kz>",
        Files = [new("протокол.pdf", ProtocolPdf)],
    };

    private static CorpusCase Tnef() => new("Outlook TNEF winmail.dat", Raw(
        "Message-ID: <0a1b2c3d4e@EXCH01.gov.kz>\n",
        "Date: Thu, 26 Nov 2026 11:11:11 +0500\n",
        "From: Press Office <press@region.gov.kz>\n",
        "To: info@adilsoz.kz\n",
        $"Subject: {B("Решение суда", "utf-8")}\n",
        "MIME-Version: 1.0\n",
        "X-MS-Has-Attach: yes\n",
        "X-MS-TNEF-Correlator: <0a1b2c3d4e@EXCH01.gov.kz>\n",
        "Content-Type: multipart/mixed; boundary=\"tnef-b\"\n\n",
        "--tnef-b\n",
        "Content-Type: text/plain; charset=\"koi8-r\"\n",
        "Content-Transfer-Encoding: quoted-printable\n\n",
        QuotedPrintable("Направляю решение суда по делу редакции.\n", "koi8-r"), "\n",
        "--tnef-b\n",
        "Content-Type: application/ms-tnef; name=\"winmail.dat\"\n",
        "Content-Disposition: attachment; filename=\"winmail.dat\"\n",
        "Content-Transfer-Encoding: base64\n\n",
        Base64(TnefBuilder.Build(("Решение суда.docx", DecisionDocx))), "\n",
        "--tnef-b--\n"))
    {
        Subject = "Решение суда",
        TextContains = ["Направляю решение суда по делу редакции."],
        Files = [new("Решение суда.docx", DecisionDocx)],
    };
}
