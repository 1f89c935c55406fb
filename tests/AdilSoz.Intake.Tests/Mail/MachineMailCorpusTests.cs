using System.Text;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Tests.Mail;

/// <summary>Machine mail from MimeKit's real-world test messages (Mail/MimeKitCorpus) is not taken for a person's report.</summary>
public sealed class MachineMailCorpusTests
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Mail", "MimeKitCorpus", file);

    private static ParsedMail Parse(string file) => MailParser.Parse(File.ReadAllBytes(PathOf(file)));

    [Fact]
    public void An_ARF_spam_complaint_is_machine_mail_and_never_acknowledged()
    {
        var mail = Parse("feedback-report.eml");

        Assert.Null(mail.Error);
        Assert.Equal(SubmissionKind.Bounce, mail.Kind);
        Assert.Contains("ARF", mail.KindReason, StringComparison.Ordinal);
        Assert.Null(mail.BounceRecipient);
        Assert.False(AcknowledgementPolicy.ShouldAcknowledge(mail, "info@adilsoz.kz").Acknowledge);
    }

    [Theory]
    [InlineData("message-partial.0.eml", "1 of 3", "6MCVORPHW0U4.BCPTXD0EM9BT3@mit.edu")]
    [InlineData("message-partial.1.eml", "2 of 3", "6MCVORPHW0U4.BCPTXD0EM9BT3@mit.edu")]
    [InlineData("message-partial.2.eml", "3 of 3", "6MCVORPHW0U4.BCPTXD0EM9BT3@mit.edu")]
    [InlineData("rfc2046.0.eml", "1 of 2", "ABC@host.com")]
    [InlineData("rfc2046.1.eml", "2 of 2", "ABC@host.com")]
    public void A_piece_of_a_message_sent_in_pieces_waits_for_an_operator_named_by_its_group(string file, string piece, string id)
    {
        var mail = Parse(file);

        Assert.NotNull(mail.Error);
        Assert.Contains($"A piece ({piece})", mail.Error, StringComparison.Ordinal);
        Assert.Contains($"id \"{id}\"", mail.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unescaped_From_lines_in_a_body_do_not_split_a_message()
    {
        var mails = MailImportSource.Enumerate(PathOf("unmunged.mbox")).ToList();

        Assert.Equal(2, mails.Count);
        Assert.Contains("From Russia with love\nYear: 1963", Encoding.UTF8.GetString(mails[1].Raw), StringComparison.Ordinal);
        Assert.All(mails, m => Assert.Null(MailParser.Parse(m.Raw).Error));
    }

    [Fact]
    public void Every_message_of_an_mbox_is_kept_byte_for_byte()
    {
        var file = File.ReadAllBytes(PathOf("simple.mbox"));

        var mails = MailImportSource.Enumerate(PathOf("simple.mbox")).ToList();

        Assert.Equal(3, mails.Count);
        Assert.All(mails, m => Assert.True(file.AsSpan().IndexOf(m.Raw) >= 0));
        Assert.All(mails, m => Assert.Null(MailParser.Parse(m.Raw).Error));
    }

    [Fact]
    public void A_broken_message_in_the_middle_of_an_mbox_does_not_end_the_import()
    {
        using var mbox = new MemoryStream(Encoding.UTF8.GetBytes(BrokenMbox));

        var mails = MailImportSource.Mbox(mbox, "broken.mbox").ToList();

        Assert.Equal(["broken.mbox#1", "broken.mbox#2", "broken.mbox#3"], mails.Select(m => m.Source));
        Assert.Equal("first", MailParser.Parse(mails[0].Raw).Subject);
        Assert.NotNull(MailParser.Parse(mails[1].Raw).Error);
        Assert.Equal("third", MailParser.Parse(mails[2].Raw).Subject);
    }

    [Fact]
    public void A_message_over_the_size_limit_in_an_mbox_is_counted_and_only_its_beginning_is_held()
    {
        var big = new StringBuilder("From a@mail.kz Thu Nov 26 12:00:00 2026\nFrom: a@mail.kz\nSubject: big\n\n");
        for (var i = 0; i < 20_000; i++)
        {
            big.Append("строка текста, которая повторяется много раз\n");
        }

        big.Append("\nFrom b@mail.kz Thu Nov 26 12:00:01 2026\nFrom: b@mail.kz\nSubject: small\n\nкороткое\n");
        using var mbox = new MemoryStream(Encoding.UTF8.GetBytes(big.ToString()));

        var mails = MailImportSource.Mbox(mbox, "big.mbox", maxMessageBytes: 64 * 1024).ToList();

        Assert.Equal(2, mails.Count);
        Assert.True(mails[0].OriginalSize > 64 * 1024);
        Assert.Equal("big", MailParser.Parse(mails[0].Raw).Subject);
        Assert.Null(mails[1].OriginalSize);
    }

    /// <summary>Three messages; the second has no header block at all (a line without a colon right after its separator).</summary>
    public const string BrokenMbox =
        "From a@mail.kz Thu Nov 26 12:00:00 2026\nFrom: a@mail.kz\nSubject: first\n\nпервое\n\n"
        + "From b@mail.kz Thu Nov 26 12:00:01 2026\nthis line is no header\n\nbody\n\n"
        + "From c@mail.kz Thu Nov 26 12:00:02 2026\nFrom: c@mail.kz\nSubject: third\n\nтретье\n";
}
