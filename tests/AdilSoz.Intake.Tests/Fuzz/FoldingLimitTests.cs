using System.Text;
using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Tests.Fuzz;

/// <summary>The guard against header folding bombs keeps what the headers say.</summary>
public sealed class FoldingLimitTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(FoldingLimit.MaxRun)]
    [InlineData(5_000)]
    public void A_folded_subject_reads_the_same_however_often_it_is_folded(int folds)
    {
        var words = Enumerable.Range(0, folds + 1).Select(i => "слово" + i).ToList();
        var raw = Encoding.UTF8.GetBytes("From: a@example.kz\r\nSubject: " + string.Join("\r\n ", words)
            + "\r\nMessage-ID: <fold@example.kz>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nТекст\r\n");

        var mail = MailParser.Parse(raw);

        Assert.Null(mail.Error);
        Assert.Equal(string.Join(' ', words), mail.Subject);
        Assert.Equal("fold@example.kz", mail.MessageId);
        Assert.Equal("Текст", mail.Text);
    }

    [Fact]
    public void Indented_body_lines_below_the_limit_are_left_as_they_are()
    {
        var raw = Encoding.ASCII.GetBytes("Subject: x\r\n\r\n  one\r\n  two\r\n");
        Assert.Same(raw, FoldingLimit.Apply(raw));
    }
}
