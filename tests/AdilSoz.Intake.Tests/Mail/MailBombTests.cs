using System.Diagnostics;
using System.Text;
using AdilSoz.Intake.Worker.Mail;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Mail;

/// <summary>Small hostile mails cost bounded time and memory, and wait for an operator with the reason.</summary>
public sealed class MailBombTests(ITestOutputHelper output)
{
    [Fact]
    public void Thousands_of_unclosed_blockquotes_give_a_short_text_with_at_most_ten_quote_marks()
    {
        var clock = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = HtmlText.Convert(MailBombs.BlockquoteHtml(), HtmlText.MaxChars, CancellationToken.None);

        output.WriteLine($"blockquote bomb: {result.Text.Length} characters, {clock.ElapsedMilliseconds} ms, {(GC.GetAllocatedBytesForCurrentThread() - before) / 1024 / 1024} MB allocated");
        Assert.Equal(50_000, result.DeepestQuote);
        var lines = result.Text.Split('\n');
        Assert.Equal(5_000, lines.Count(l => l == new string('>', HtmlText.MaxQuoteMarks) + " x"));
        Assert.True(result.Text.Length < 100_000, $"{result.Text.Length} characters");
    }

    [Fact]
    public void Text_without_end_stops_at_the_length_limit()
    {
        var html = new StringBuilder();
        for (var i = 0; i < 600_000; i++)
        {
            html.Append("<li>слово");
        }

        var result = HtmlText.Convert(html.ToString(), HtmlText.MaxChars, CancellationToken.None);

        Assert.True(result.Cut);
        Assert.InRange(result.Text.Length, HtmlText.MaxChars - 100, HtmlText.MaxChars);
        Assert.StartsWith("• слово\n• слово", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_blockquote_bomb_waits_for_an_operator_and_says_why()
    {
        var mail = MailParser.Parse(MailBombs.Blockquotes());

        Assert.NotNull(mail.Error);
        Assert.Contains("nests quotes 50000 levels deep", mail.Error, StringComparison.Ordinal);
        Assert.Equal(MailBombs.BlockquoteSender, mail.From?.Address);
        Assert.True(mail.Text.Length < 100_000);
    }

    [Fact]
    public void The_part_bomb_is_read_only_up_to_the_part_limit_and_waits_for_an_operator()
    {
        var raw = MailBombs.Parts();
        var clock = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var mail = MailParser.Parse(raw);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"part bomb of {raw.Length / 1024 / 1024} MB: {clock.ElapsedMilliseconds} ms, {allocated / 1024 / 1024} MB allocated; {mail.Error}");
        Assert.Equal(MailParser.PartLimitError(MailParserOptions.Default), mail.Error);
        Assert.Equal(MailBombs.PartsSender, mail.From?.Address);
        Assert.Equal(raw.Length, mail.RawSize);
        Assert.True(mail.Attachments.Count <= MailParserOptions.Default.MaxParts);

        // Before: all 749k parts were built (+502 MB held); now a few MB beyond the raw copy.
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated / 1024 / 1024} MB allocated");
    }

    [Fact]
    public void A_mail_over_the_memory_budget_waits_for_an_operator_with_its_sender_known()
    {
        var file = new byte[12 * 1024 * 1024];
        new Random(13).NextBytes(file);
        var raw = Encoding.ASCII.GetBytes(
            "From: reporter@mail.kz\r\nSubject: video\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nсм. видео\r\n--b\r\nContent-Type: video/mp4; name=\"v.mp4\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Convert.ToBase64String(file, Base64FormattingOptions.InsertLineBreaks) + "\r\n--b--\r\n");

        var mail = MailParser.Parse(raw, new MailParserOptions { MaxParseAllocatedBytes = 16L * 1024 * 1024 });

        Assert.NotNull(mail.Error);
        Assert.Contains("more than 16 MB of memory", mail.Error, StringComparison.Ordinal);
        Assert.Equal("reporter@mail.kz", mail.From?.Address);
        Assert.Null(MailParser.Parse(raw).Error);
    }

    [Fact]
    public void A_mail_downloaded_without_its_body_says_where_the_whole_message_is()
    {
        var head = Encoding.ASCII.GetBytes("From: lawyer@mail.ru\r\nSubject: court files\r\nMessage-ID: <big@mail.ru>\r\n\r\n");

        var mail = MailParser.Parse(head, MailParserOptions.Default, 40L * 1024 * 1024);

        Assert.True(mail.TooLarge);
        Assert.Equal(40L * 1024 * 1024, mail.RawSize);
        Assert.Contains("only its headers were downloaded", mail.Error, StringComparison.Ordinal);
        Assert.Equal("lawyer@mail.ru", mail.From?.Address);
        Assert.True(AcknowledgementPolicy.ShouldAcknowledge(mail, "info@adilsoz.kz").Acknowledge);
    }

    [Fact]
    public void More_parts_than_the_limit_are_read_up_to_it_and_the_rest_is_not_built()
    {
        var raw = new StringBuilder("From: a@mail.kz\r\nSubject: many\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        raw.Append("--b\r\nContent-Type: text/plain\r\n\r\nпервая часть\r\n");
        for (var i = 0; i < 3000; i++)
        {
            raw.Append("--b\r\nContent-Type: application/octet-stream; name=\"f").Append(i).Append(".bin\"\r\n\r\nx\r\n");
        }

        raw.Append("--b--\r\n");

        var mail = MailParser.Parse(Encoding.UTF8.GetBytes(raw.ToString()), new MailParserOptions { MaxParts = 100 });

        Assert.Contains("more than 100 MIME parts", mail.Error, StringComparison.Ordinal);
        Assert.Equal("первая часть", mail.Text);

        // The multipart itself and the text are two of the hundred.
        Assert.Equal(98, mail.Attachments.Count);
    }
}
