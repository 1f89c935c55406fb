using System.Security.Cryptography;
using AdilSoz.Intake.Tests.Mail.Corpus;
using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Tests.Mail;

/// <summary>Every corpus message, parsed as the Worker will: kind, readable text, files, and whether it is acknowledged.</summary>
public sealed class MailCorpusTests
{
    private const string OurAddress = "info@adilsoz.kz";

    public static TheoryData<string> Cases => [.. CorpusMessages.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses_to_the_expected_kind_and_subject(string name)
    {
        var expected = CorpusMessages.Get(name);
        var mail = MailParser.Parse(expected.Raw);

        Assert.Equal(expected.Error, mail.Error is not null);
        if (expected.Error)
        {
            return;
        }

        Assert.Equal(expected.Kind, mail.Kind);
        Assert.False(string.IsNullOrWhiteSpace(mail.KindReason));
        Assert.Equal(expected.Subject, mail.Subject);
        Assert.Equal(expected.Reference, mail.Reference);
        Assert.Equal(expected.HasMessageId, mail.MessageId is not null);
        Assert.Equal(expected.Language, mail.Language);
        Assert.Equal(expected.BounceRecipient, mail.BounceRecipient);
        Assert.Equal(expected.BouncePermanent, mail.BouncePermanent);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Text_is_readable_and_safe(string name)
    {
        var expected = CorpusMessages.Get(name);
        var mail = MailParser.Parse(expected.Raw);

        foreach (var words in expected.TextContains)
        {
            Assert.Contains(words, mail.Text, StringComparison.Ordinal);
        }

        foreach (var words in expected.TextExcludes)
        {
            Assert.DoesNotContain(words, mail.Text, StringComparison.Ordinal);
        }

        foreach (var words in expected.QuotedContains)
        {
            Assert.Contains(words, mail.QuotedText, StringComparison.Ordinal);
        }

        Assert.Equal(expected.ForwardedFrom, mail.ForwardedFrom);

        // Mojibake of Cyrillic read in the wrong single-byte charset shows as these letters.
        Assert.DoesNotMatch("[ÐÑÃâ€]{2}|[РС][ЂЃЉЊЋЌЏђѓљњћќџ‚„…†‡€‰‹‘’“”•–—™›]|\uFFFD", mail.Subject + mail.Text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Files_keep_their_names_and_exact_bytes(string name)
    {
        var expected = CorpusMessages.Get(name);
        var mail = MailParser.Parse(expected.Raw);

        Assert.Equal(expected.Files.Select(f => f.Name), mail.Attachments.Select(a => a.FileName));
        foreach (var (file, actual) in expected.Files.Zip(mail.Attachments))
        {
            Assert.Equal(file.Content.Length, actual.Size);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file.Content)), actual.Sha256);
            Assert.Equal(file.Content, actual.Content);
            Assert.Equal(file.Inline, actual.Inline);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Acknowledgement_decision(string name)
    {
        var expected = CorpusMessages.Get(name);
        var mail = MailParser.Parse(expected.Raw);

        var (acknowledge, reason) = AcknowledgementPolicy.ShouldAcknowledge(mail, OurAddress);

        Assert.True(expected.Acknowledge == acknowledge, $"expected {expected.Acknowledge}, got {acknowledge}: {reason}");
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }
}
