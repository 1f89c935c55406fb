using AdilSoz.Intake.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Reliability;

/// <summary>The Worker's IMAP connection dropped again and again in the middle of its passes: nothing lost, nothing twice.</summary>
public sealed class ImapFaultTests(ITestOutputHelper output)
{
    private const int Mails = 30;

    [Fact]
    public async Task IMAP_sessions_killed_mid_fetch_lose_no_mail_and_store_none_twice()
    {
        await using var world = await ReliabilityWorld.StartAsync();
        await world.StartHostsAsync();
        var sending = world.SendAtRateAsync(Mails, 4, ReportChannel.Mail);
        await Poll.UntilAsync(world.TallyAsync, f => f.Stored >= 2, TimeSpan.FromSeconds(60));

        var dropped = 0;
        for (var i = 0; i < 8; i++)
        {
            dropped += Faults.DropImapSessions(world.Dovecot);

            // Pacing the drops over the flow (about 8 reports a drop).
            await Task.Delay(TimeSpan.FromMilliseconds(700));
        }

        await sending;
        var figures = await world.WaitUntilSettledAsync(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(70));
        var report = $"{dropped} IMAP sessions killed\n{figures.Describe()}";
        output.WriteLine(report);

        Assert.True(dropped >= 3, report);
        Assert.True(world.Worker.Running, report);
        Assert.True(figures.Lost == 0 && figures.Duplicated == 0 && figures.Pending == Mails, report);
        Assert.True(figures.Acknowledged == Mails && figures.AcknowledgementsRepeated == 0, report);
        Assert.Equal(0, await world.Dovecot.CountAsync());
        // An append the test retried after a dropped session may have landed twice: both copies are
        // moved to Processed and fold into one submission by Message-ID (Duplicated == 0 above).
        var processed = await world.Dovecot.CountAsync("Processed");
        Assert.True(processed >= Mails, $"{processed} in Processed\n{report}");
    }
}
