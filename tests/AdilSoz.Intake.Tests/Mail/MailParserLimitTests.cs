using System.Text;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Mail.Corpus;
using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Tests.Mail;

/// <summary>Hostile or oversized input is kept, flagged and explained, never thrown or silently dropped.</summary>
public sealed class MailParserLimitTests
{
    private static CorpusCase Attachments => CorpusMessages.All.Single(c => c.Name.StartsWith("attachments", StringComparison.Ordinal));

    [Fact]
    public void A_message_over_the_size_limit_keeps_its_sender_and_is_flagged()
    {
        var options = new MailParserOptions { MaxMessageBytes = 4096 };

        var mail = MailParser.Parse(Attachments.Raw, options);

        Assert.True(mail.TooLarge);
        Assert.NotNull(mail.Error);
        Assert.Equal("lawyer@mail.ru", mail.From?.Address);
        Assert.Equal("Постановление суда по иску к газете", mail.Subject);
        Assert.Equal(Attachments.Raw.Length, mail.RawSize);
        Assert.Empty(mail.Attachments);
        Assert.True(AcknowledgementPolicy.ShouldAcknowledge(mail, "info@adilsoz.kz").Acknowledge);
    }

    [Fact]
    public void Reading_from_a_stream_gives_the_same_result_and_stops_holding_bytes_past_the_limit()
    {
        var options = new MailParserOptions { MaxMessageBytes = 4096 };
        using var stream = new MemoryStream(Attachments.Raw);

        var fromStream = MailParser.Parse(stream, options);

        Assert.True(fromStream.TooLarge);
        Assert.Equal(Attachments.Raw.Length, fromStream.RawSize);
        Assert.Equal("Постановление суда по иску к газете", fromStream.Subject);
        Assert.Equal(MailParser.Parse(Attachments.Raw).Text, MailParser.Parse(new MemoryStream(Attachments.Raw)).Text);
    }

    [Fact]
    public void An_attachment_over_the_limit_is_listed_without_content_and_warned_about()
    {
        var options = new MailParserOptions { MaxAttachmentBytes = 4000 };

        var mail = MailParser.Parse(Attachments.Raw, options);

        var pdf = Assert.Single(mail.Attachments, a => a.FileName == "Постановление суда №123.pdf");
        Assert.True(pdf.TooLarge);
        Assert.Empty(pdf.Content);
        Assert.Null(pdf.Sha256);
        Assert.Equal(CorpusMessages.CourtPdf.Length, pdf.Size);
        Assert.Contains(mail.Warnings, w => w.Contains("Постановление суда №123.pdf", StringComparison.Ordinal));
        Assert.False(Assert.Single(mail.Attachments, a => a.FileName == "Фото с места.jpg").TooLarge);
    }

    [Fact]
    public void Thousands_of_parts_are_cut_at_the_part_limit_and_wait_for_an_operator()
    {
        var raw = new StringBuilder("From: a@mail.kz\r\nSubject: many\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (var i = 0; i < 3000; i++)
        {
            raw.Append("--b\r\nContent-Type: application/octet-stream; name=\"f").Append(i).Append(".bin\"\r\n\r\nx\r\n");
        }

        raw.Append("--b--\r\n");

        var mail = MailParser.Parse(Encoding.ASCII.GetBytes(raw.ToString()), new MailParserOptions { MaxParts = 100 });

        Assert.Contains("more than 100 MIME parts", mail.Error, StringComparison.Ordinal);
        Assert.True(mail.Attachments.Count < 100);
    }

    [Fact]
    public void Deeply_nested_forwards_do_not_throw()
    {
        var inner = "From: a@mail.kz\r\nSubject: deepest\r\nContent-Type: text/plain\r\n\r\nbottom\r\n";
        for (var i = 0; i < 200; i++)
        {
            inner = $"From: a@mail.kz\r\nSubject: level {i}\r\nContent-Type: message/rfc822\r\n\r\n{inner}";
        }

        var mail = MailParser.Parse(Encoding.ASCII.GetBytes(inner));

        Assert.Null(mail.Error);
        Assert.Equal(SubmissionKind.Report, mail.Kind);
        Assert.DoesNotContain("bottom", mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("not a mail at all")]
    public void Empty_or_headerless_input_sets_error(string raw)
    {
        var mail = MailParser.Parse(Encoding.ASCII.GetBytes(raw));

        Assert.NotNull(mail.Error);
    }
}
