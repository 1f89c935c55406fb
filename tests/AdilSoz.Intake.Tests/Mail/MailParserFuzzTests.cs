using AdilSoz.Intake.Tests.Mail.Corpus;
using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Tests.Mail;

/// <summary>Damaged copies of every corpus message: parsing must always return, never throw.</summary>
public sealed class MailParserFuzzTests
{
    public static TheoryData<string> Cases => [.. CorpusMessages.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Damaged_messages_never_throw(string name)
    {
        var raw = CorpusMessages.Get(name).Raw;
        var random = new Random(name.Length * 7919);
        var options = new MailParserOptions { MaxParts = 50, MaxDepth = 4 };
        for (var i = 0; i < 60; i++)
        {
            var damaged = (byte[])raw.Clone();
            switch (i % 3)
            {
                case 0:
                    for (var flips = 0; flips < 1 + (i % 20); flips++)
                    {
                        damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                    }

                    break;
                case 1:
                    damaged = damaged[..random.Next(damaged.Length)];
                    break;
                default:
                    var cut = random.Next(damaged.Length);
                    damaged = [.. damaged[..cut], .. damaged[random.Next(cut)..]];
                    break;
            }

            var mail = MailParser.Parse(damaged, options);

            Assert.NotNull(mail);
            Assert.True(mail.Error is not null || mail.KindReason.Length > 0);
        }
    }
}
