using System.Text;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Tests.Mail;

/// <summary>Which Authentication-Results make a mail's From believable (pure).</summary>
public sealed class SenderVerificationTests
{
    private const string Trusted = "mx.adilsoz.kz";

    [Theory]
    [InlineData("mx.adilsoz.kz; dmarc=pass header.from=kaz-media.kz", true)]
    [InlineData("mx.adilsoz.kz; dmarc=pass (p=reject) header.from=KAZ-MEDIA.KZ", true)]
    [InlineData("mx.adilsoz.kz; dkim=pass header.d=kaz-media.kz header.s=mail; dmarc=none", true)]
    [InlineData("mx.adilsoz.kz; dkim=pass header.i=@kaz-media.kz", true)]
    [InlineData("MX.ADILSOZ.KZ; dmarc=pass header.from=kaz-media.kz", true)]
    [InlineData("mx.adilsoz.kz; dkim=pass header.d=evil.example; dmarc=fail header.from=kaz-media.kz", false)]
    [InlineData("mx.adilsoz.kz; dmarc=pass header.from=evil.example", false)]
    [InlineData("mx.adilsoz.kz; spf=pass smtp.mailfrom=kaz-media.kz; dmarc=fail header.from=kaz-media.kz", false)]
    [InlineData("mx.adilsoz.kz; dkim=fail header.d=kaz-media.kz", false)]
    [InlineData("mx.adilsoz.kz.evil.example; dmarc=pass header.from=kaz-media.kz", false)]
    [InlineData("mx.evil.example; dmarc=pass header.from=kaz-media.kz", false)]
    [InlineData("mx.adilsoz.kz; none", false)]
    [InlineData("garbage ; ; ;", false)]
    public void One_header(string header, bool verified) =>
        Assert.Equal(verified, SenderVerification.Check([Encoding.ASCII.GetBytes(header)], "zh.bekova@kaz-media.kz", Trusted).Verified);

    [Fact]
    public void Only_the_topmost_result_of_our_server_counts()
    {
        byte[][] headers =
        [
            Encoding.ASCII.GetBytes("mx.adilsoz.kz; dmarc=fail header.from=kaz-media.kz"),
            Encoding.ASCII.GetBytes("mx.adilsoz.kz; dmarc=pass header.from=kaz-media.kz"),
        ];
        var verdict = SenderVerification.Check(headers, "zh.bekova@kaz-media.kz", Trusted);
        Assert.False(verdict.Verified);
        Assert.Contains("dmarc=fail", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_trusted_server_nothing_is_verified()
    {
        var verdict = SenderVerification.Check([Encoding.ASCII.GetBytes("mx.adilsoz.kz; dmarc=pass header.from=kaz-media.kz")], "zh.bekova@kaz-media.kz", null);
        Assert.Equal((false, Submission.SenderVerificationOff), (verdict.Verified, verdict.Reason));
    }
}
