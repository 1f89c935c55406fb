using System.Text;

namespace AdilSoz.Intake.Tests.Mail;

/// <summary>The two small mails that used to take a Worker down (issue 13 §2), and an ordinary report to send after them.</summary>
public static class MailBombs
{
    public const string BlockquoteSender = "quotes@attacker.example";

    public const string PartsSender = "parts@attacker.example";

    /// <summary>HTML with <paramref name="quotes"/> unclosed &lt;blockquote&gt; and then <paramref name="lines"/> lines "x".</summary>
    public static string BlockquoteHtml(int quotes = 50_000, int lines = 5_000)
    {
        var html = new StringBuilder("<html><body>\r\n");
        for (var i = 0; i < quotes; i++)
        {
            html.Append("<blockquote>\r\n");
        }

        for (var i = 0; i < lines; i++)
        {
            html.Append("x<br>\r\n");
        }

        return html.ToString();
    }

    /// <summary>50,000 unclosed blockquotes and 5,000 "x&lt;br&gt;" (0.7 MB): 238 M characters of text before the fix.</summary>
    public static byte[] Blockquotes() => Encoding.ASCII.GetBytes(
        $"From: <{BlockquoteSender}>\r\nTo: info@adilsoz.kz\r\nSubject: quotes\r\nMessage-ID: <blockquote-bomb@attacker.example>\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=us-ascii\r\n\r\n" + BlockquoteHtml());

    /// <summary>A multipart of <paramref name="bytes"/> bytes of empty parts ("--a" and a blank line each): 749k parts in 5 MB.</summary>
    public static byte[] Parts(int bytes = 5 * 1024 * 1024)
    {
        var head = Encoding.ASCII.GetBytes(
            $"From: <{PartsSender}>\r\nTo: info@adilsoz.kz\r\nSubject: parts\r\nMessage-ID: <part-bomb@attacker.example>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"a\"\r\n\r\n");
        var part = "--a\r\n\r\n"u8;
        var raw = new byte[head.Length + (bytes / part.Length * part.Length)];
        head.CopyTo(raw, 0);
        for (var at = head.Length; at < raw.Length; at += part.Length)
        {
            part.CopyTo(raw.AsSpan(at));
        }

        return raw;
    }

    /// <summary>An ordinary report by mail.</summary>
    public static byte[] Report(string token) => Encoding.UTF8.GetBytes(
        $"From: Журналист <journalist@mail.kz>\r\nTo: info@adilsoz.kz\r\nSubject: =?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes("Задержание"))}?=\r\n"
        + $"Message-ID: <{token}@mail.kz>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + $"Сегодня в Актобе задержали нашего корреспондента у здания акимата. {token}\r\n");
}
