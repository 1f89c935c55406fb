using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Tests.Moderation;

/// <summary>What a monitor sees of a mail whose sender is not verified, or that quotes another reporter's report.</summary>
public sealed class SenderMarksPagesTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly AdminApp _app;
    private readonly ModerationSeed _seed;

    public SenderMarksPagesTests(PostgresDatabase database)
    {
        _app = new AdminApp(database);
        _seed = new ModerationSeed(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_unverified_mail_is_marked_with_its_reason_links_the_report_it_mentions_and_the_dashboard_says_verification_is_off()
    {
        var original = await _seed.ReportAsync("Задержание оператора в Уральске", channel: Channel.Email);
        var reporter = await _seed.ReporterAsync(channel: Channel.Email, name: "Незнакомец Спай");
        var mention = await _seed.ReportAsync("Оператора отпустили, всё выдумано.", reporter, channel: Channel.Email, mayName: true);
        var replyTo = _app.Services.GetRequiredService<IdentityProtector>().Protect("spy@evil.example");
        await _seed.WithDbAsync(db => db.Submissions.Where(s => s.Id == mention.Id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.SenderNotVerified, Submission.SenderVerificationOff)
            .SetProperty(s => s.MentionsId, original.Id)
            .SetProperty(s => s.ReplyToEncrypted, replyTo)));

        var (monitor, _) = await _seed.BrowserAsync(Roles.Monitor);
        var queue = await monitor.GetStringAsync("/queue");
        Assert.Contains("Sender not verified", queue, StringComparison.Ordinal);
        Assert.Contains($"mentions {original.Reference}", queue, StringComparison.Ordinal);

        var page = await monitor.GetStringAsync($"/submissions/{mention.Id}");
        Assert.Contains("Mailbox:TrustedAuthServId is not set", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/submissions/{original.Id}\">{original.Reference}</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("spy@evil.example", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sender not verified", await monitor.GetStringAsync($"/submissions/{original.Id}"), StringComparison.Ordinal);

        // The Reply-To is shown only where the identity is: to an Admin who reveals it (audited), with the reporter's consent.
        var (admin, _) = await _seed.BrowserAsync(Roles.Admin);
        Assert.DoesNotContain("spy@evil.example", await admin.GetStringAsync($"/submissions/{mention.Id}"), StringComparison.Ordinal);
        var revealed = await ModerationSeed.PostFormAsync(admin, $"/submissions/{mention.Id}", "Reveal", new() { ["RevealReason"] = "Checking where replies would go" });
        Assert.Contains("spy@evil.example", await revealed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains("Mail senders are not verified", await monitor.GetStringAsync("/dashboard"), StringComparison.Ordinal);
        await _seed.WithDbAsync(db => db.Submissions.Where(s => s.Id == mention.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.SenderNotVerified, (string?)null)));
        Assert.DoesNotContain("Mail senders are not verified", await monitor.GetStringAsync("/dashboard"), StringComparison.Ordinal);
    }
}
