using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Reliability;

/// <summary>
/// The SMTP server down while mail reports arrive, and the Worker killed while the acknowledgements
/// wait: once the server is back every report gets its acknowledgement, exactly once.
/// </summary>
public sealed class SmtpFaultTests(ITestOutputHelper output)
{
    private const int Mails = 12;

    [Fact]
    public async Task With_SMTP_down_acknowledgements_wait_survive_a_Worker_kill_and_go_out_once_when_it_is_back()
    {
        await using var world = await ReliabilityWorld.StartAsync();
        await world.Smtp.StopAsync();
        await world.StartHostsAsync();
        await world.SendAtRateAsync(Mails, 10, ReportChannel.Mail);

        // Every acknowledgement tried at least once and failed.
        var tried = await Poll.UntilAsync(
            () => Query(world, db => db.OutboundMessages.CountAsync(o => o.Attempts > 0 && o.Status == OutboundStatus.Queued && o.Error != null)),
            n => n == Mails, TimeSpan.FromSeconds(90));
        Assert.Equal(Mails, tried);
        await world.Worker.KillAsync();
        world.Worker.Start();

        await world.Smtp.StartAsync();
        var back = DateTime.UtcNow;
        var figures = await world.WaitUntilSettledAsync(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(70));
        var report = $"last acknowledgement {(DateTime.UtcNow - back).TotalSeconds:F1} s after SMTP came back\n{figures.Describe()}";
        output.WriteLine(report);

        Assert.True(figures.Lost == 0 && figures.Duplicated == 0 && figures.Pending == Mails, report);
        Assert.True(figures.Acknowledged == Mails && figures.AcknowledgementsRepeated == 0, report);
        Assert.Equal(Mails, world.Smtp.Messages.Count);
        Assert.Equal(Mails, await Query(world, db => db.OutboundMessages.CountAsync(o => o.Status == OutboundStatus.Sent)));
    }

    private static async Task<T> Query<T>(ReliabilityWorld world, Func<AdilSoz.Intake.Core.Data.IntakeDbContext, Task<T>> query)
    {
        await using var db = world.Database.CreateDbContext();
        return await query(db);
    }
}
