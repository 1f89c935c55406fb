using System.Net;
using System.Net.Sockets;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace AdilSoz.Intake.Tests.Mail.Integration;

/// <summary>
/// An outgoing mail server that takes the connection and then says nothing (overloaded, or a firewall that drops
/// the replies) holds the Worker's outbox threads for a minute per attempt. Reports must keep arriving in the queue
/// meanwhile: the intake and the pipeline have threads of their own.
/// </summary>
[Collection(MailIntegration.Name)]
public sealed class HungMailServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Reports_reach_the_queue_while_the_outgoing_mail_server_hangs()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var socket = await silent.AcceptSocketAsync();
                    lock (held)
                    {
                        held.Add(socket);
                    }
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Note: the listener was stopped at the end of the test.
            }
        });

        await using var world = await MailWorld.StartAsync();
        var worker = world.CreateWorker(extra: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = ((IPEndPoint)silent.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // One outbox thread: the first acknowledgement holds it for the whole test.
            ["Worker:JobWorkers"] = "1",
            ["Worker:IntakeWorkers"] = "1",
        });
        await worker.StartAsync();

        await world.Dovecot.AppendAsync(Report(0));
        await Poll.UntilAsync(() => Task.FromResult(Connections(held)), n => n > 0, Timeout, what: "the first acknowledgement connects to the silent server");

        for (var i = 1; i <= 5; i++)
        {
            await world.Dovecot.AppendAsync(Report(i));
        }

        var pending = await Poll.UntilAsync(
            () => world.QueryAsync(db => db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Pending)),
            n => n == 6, Timeout, what: "all six reports are pending while the outbox waits on the silent server");
        Assert.Equal(6, pending);
        Assert.Equal(0, await world.QueryAsync(db => db.OutboundMessages.CountAsync(o => o.Status == OutboundStatus.Sent)));
        Assert.Equal(6, await world.QueryAsync(db => db.OutboundMessages.CountAsync(o => o.Kind == OutboundKind.Acknowledgement)));
        Assert.Empty(world.Smtp.Messages);

        silent.Stop();
        lock (held)
        {
            held.ForEach(s => s.Dispose());
        }

        await accepting;
    }

    private static int Connections(List<Socket> held)
    {
        lock (held)
        {
            return held.Count;
        }
    }

    /// <summary>A report from a reporter of its own, so that each is acknowledged.</summary>
    private static byte[] Report(int n)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress($"Reporter {n}", $"hung{n}@example.org"));
        message.To.Add(new MailboxAddress("Adil Soz", "info@adilsoz.kz"));
        message.Subject = $"Задержание корреспондента {n}";
        message.MessageId = $"hung-{n}@example.org";
        message.Body = new TextPart("plain")
        {
            Text = $"Сегодня в Уральске полиция задержала корреспондента газеты номер {n} у здания акимата и изъяла камеру.",
        };
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
