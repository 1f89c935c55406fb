using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Mail;
using AdilSoz.Intake.Worker.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AdilSoz.Intake.Tests.Mail.Integration;

/// <summary>
/// A fresh world for one test: a Dovecot mailbox, an SMTP capture, an empty migrated database, and
/// Worker hosts (Hangfire server, pipeline, mail intake) configured against them.
/// </summary>
public sealed class MailWorld : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];

    public DovecotServer Dovecot { get; } = new();

    public SmtpCapture Smtp { get; } = new();

    public PostgresDatabase Database { get; } = new();

    public static async Task<MailWorld> StartAsync()
    {
        var world = new MailWorld();
        await Task.WhenAll(world.Dovecot.InitializeAsync(), world.Smtp.InitializeAsync(), world.Database.InitializeAsync());
        return world;
    }

    public Dictionary<string, string?> Settings() => new()
    {
        ["Worker:JobWorkers"] = "4",
        ["Mailbox:Host"] = Dovecot.Host,
        ["Mailbox:Port"] = Dovecot.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mailbox:Security"] = "None",
        ["Mailbox:Username"] = Dovecot.Username,
        ["Mailbox:Password"] = Dovecot.Password,
        ["Mailbox:IdleRenewMinutes"] = "1",
        ["Mailbox:PollSeconds"] = "3",
        ["Smtp:Host"] = Smtp.Host,
        ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "Әділ сөз <info@adilsoz.kz>",
    };

    /// <summary>A Worker host (not started): Hangfire server, pipeline jobs, mail intake; <paramref name="watch"/> runs the mailbox watcher.</summary>
    public IHost CreateWorker(bool watch = true, IDictionary<string, string?>? extra = null)
    {
        var settings = Settings();
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = PostgresDatabase.CreateHost(Database.ConnectionString, b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.AddJobServer();
            b.AddPipelineJobs();
            b.AddMailIntake();
            if (!watch)
            {
                // Tests drive MailboxSession passes themselves.
                var watcher = b.Services.Single(d => d.ImplementationType == typeof(MailboxWatcher));
                b.Services.Remove(watcher);
            }
        });
        _hosts.Add(host);
        return host;
    }

    public async Task<T> QueryAsync<T>(Func<IntakeDbContext, Task<T>> query)
    {
        await using var db = Database.CreateDbContext();
        return await query(db);
    }

    /// <summary>Waits until every stored mail is processed and no submission waits for the pipeline.</summary>
    public Task<(int Items, int Open)> WaitUntilSettledAsync(int expectedItems, TimeSpan timeout) =>
        Poll.UntilAsync(
            () => QueryAsync(async db => (
                Items: await db.InboundItems.CountAsync(),
                Open: await db.InboundItems.CountAsync(i => i.Status == InboundStatus.Stored)
                    + await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Received))),
            r => r.Items >= expectedItems && r.Open == 0,
            timeout);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            try
            {
                await host.StopAsync(TimeSpan.FromSeconds(10));
            }
            catch (OperationCanceledException)
            {
            }
            catch (InvalidOperationException)
            {
                // Never started.
            }

            host.Dispose();
        }

        await Smtp.DisposeAsync();
        await Dovecot.DisposeAsync();
        await Database.DisposeAsync();
    }
}
