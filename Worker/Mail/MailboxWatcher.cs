using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// Watches the intake mailbox: a pass over the folder, then IMAP IDLE until new mail arrives (renewed
/// every <see cref="MailboxOptions.IdleRenewMinutes"/>, and at least every <see cref="MailboxOptions.PollSeconds"/>
/// in case the server's notification is late), or a poll every PollSeconds on servers without IDLE. A broken connection is
/// replaced by a new one after a growing pause (1 s up to 5 min). Each watch session has its own
/// connection; nothing is shared with other sessions or Workers.
/// </summary>
public sealed class MailboxWatcher(MailboxSession session, ILogger<MailboxWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WatchAsync(() => backoff = TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is ImapProtocolException or IOException or SocketException or ImapCommandException
                or ServiceNotConnectedException or ServiceNotAuthenticatedException or AuthenticationException or TimeoutException)
            {
                logger.LogWarning("Mailbox connection failed ({Error}: {Message}); reconnecting in {Seconds} s",
                    e.GetType().Name, e.Message, (int)backoff.TotalSeconds);
            }
            catch (Exception e)
            {
                // Note: anything else (the database gone mid-pass, a restart of PostgreSQL) must not end the
                // watcher: an exception escaping a BackgroundService stops the whole Worker process. Mail is
                // stored before it is moved, so the next pass takes up whatever this one left.
                logger.LogError("Mailbox pass failed ({Error}: {Message}); starting again in {Seconds} s",
                    e.GetType().Name, e.Message, (int)backoff.TotalSeconds);
            }

            try
            {
                await Task.Delay(backoff, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task WatchAsync(Action connected, CancellationToken stoppingToken)
    {
        var o = session.Options;
        using var client = await session.ConnectAsync(stoppingToken);
        connected();
        logger.LogInformation("Watching mailbox folder {Folder} (IDLE: {Idle})", o.Folder, client.Capabilities.HasFlag(ImapCapabilities.Idle));
        while (!stoppingToken.IsCancellationRequested)
        {
            await session.ProcessAsync(client, stoppingToken);
            var folder = o.Folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(o.Folder, stoppingToken);
            if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                // IDLE wakes us at once on new mail; still, look at least every PollSeconds, because some
                // servers announce mail late or not at all to an idling client.
                var renew = TimeSpan.FromSeconds(Math.Min(o.IdleRenewMinutes * 60, o.PollSeconds));
                await IdleAsync(client, folder, renew, stoppingToken);
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(o.PollSeconds), stoppingToken);
                await client.NoOpAsync(stoppingToken);
            }
        }

        await client.DisconnectAsync(true, CancellationToken.None);
    }

    /// <summary>Idles until the folder's message count grows, the renewal time passes, or the host stops.</summary>
    private static async Task IdleAsync(ImapClient client, IMailFolder folder, TimeSpan renew, CancellationToken stoppingToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        done.CancelAfter(renew);
        void OnCountChanged(object? sender, EventArgs e) => done.Cancel();
        folder.CountChanged += OnCountChanged;
        try
        {
            await client.IdleAsync(done.Token, stoppingToken);
        }
        finally
        {
            folder.CountChanged -= OnCountChanged;
        }
    }
}
