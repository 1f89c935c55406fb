using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>
/// A real SMTP server in-process (package SmtpServer) on a free loopback port that keeps every
/// message it receives. <see cref="StopAsync"/> / <see cref="StartAsync"/> simulate the mail server
/// being down (connections refused); <see cref="RejectMessages"/> makes it answer 451 instead, and
/// <see cref="RejectRecipients"/> refuses every message with a 550 that quotes the recipients' addresses,
/// as real servers do.
/// </summary>
public sealed class SmtpCapture : IAsyncLifetime
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _received = new(0);
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>When true, every message is refused with "451 try again later".</summary>
    public bool RejectMessages { get; set; }

    /// <summary>When true, every message is refused with "550 5.1.1 &lt;address&gt;: Recipient address rejected".</summary>
    public bool RejectRecipients { get; set; }

    /// <summary>When set, a message to an address it matches is refused as by <see cref="RejectRecipients"/>.</summary>
    public Func<string, bool>? RejectRecipient { get; set; }

    /// <summary>How many messages were refused so far.</summary>
    public int Refused => _refused;

    private int _refused;

    /// <summary>Messages received so far, in order.</summary>
    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    public Task InitializeAsync()
    {
        Port = FreePort();
        return StartAsync();
    }

    /// <summary>Starts (or restarts) listening on <see cref="Port"/>.</summary>
    public Task StartAsync()
    {
        if (_server is not null)
        {
            return Task.CompletedTask;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test.local")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new NoDelayListeners());
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(CancellationToken.None);
        return WaitUntilListeningAsync();
    }

    /// <summary>Stops listening: clients get "connection refused" until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        _server.Shutdown();
        await _server.ShutdownTask;
        if (_running is not null)
        {
            await _running;
        }

        _server = null;
        _running = null;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived, or throws on timeout.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (_messages.Count < count)
            {
                await _received.WaitAsync(cancel.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Expected {count} message(s) within {timeout}, got {_messages.Count}.");
        }

        return Messages;
    }

    public Task DisposeAsync() => StopAsync();

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                // Bounded poll: the listener binds asynchronously.
                await Task.Delay(20);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Connections with Nagle's algorithm off, as mail servers run them. The package writes each reply to a
    /// pipelined group of commands on its own; with Nagle on, the second reply waited for the client's delayed
    /// acknowledgement (40 ms on Linux), so every message over one connection took 45 ms whatever the sender did.
    /// </summary>
    private sealed class NoDelayListeners : IEndpointListenerFactory
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new Listener(listener);
        }
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            return new Connection(client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>A plain connection (the capture offers no STARTTLS).</summary>
    private sealed class Connection : ISecurableDuplexPipe
    {
        private readonly TcpClient _client;

        public Connection(TcpClient client)
        {
            _client = client;
            var stream = client.GetStream();
            Input = PipeReader.Create(stream);
            Output = PipeWriter.Create(stream);
        }

        public PipeReader Input { get; }

        public PipeWriter Output { get; }

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The SMTP capture offers no TLS.");

        public void Dispose() => _client.Dispose();
    }

    private sealed class Store(SmtpCapture owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.RejectMessages)
            {
                Interlocked.Increment(ref owner._refused);
                return new SmtpResponse(SmtpReplyCode.Aborted, "try again later");
            }

            if (owner.RejectRecipients || owner.RejectRecipient is { } reject && transaction.To.Any(m => reject($"{m.User}@{m.Host}")))
            {
                Interlocked.Increment(ref owner._refused);
                var to = string.Join(", ", transaction.To.Select(m => $"<{m.User}@{m.Host}>"));
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, $"5.1.1 {to}: Recipient address rejected: User unknown in virtual mailbox table");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner._messages.Enqueue(message);
            owner._received.Release();
            return SmtpResponse.Ok;
        }
    }
}
