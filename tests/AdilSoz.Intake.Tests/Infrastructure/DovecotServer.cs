using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>
/// A real IMAP server for tests: Debian's Dovecot (package dovecot-imapd) started in the foreground on
/// a free loopback port, with a throwaway configuration, one passwd-file user and a maildir in a temp
/// directory, all removed on dispose. Mail is stored as the system user "mail" (Dovecot refuses root).
/// </summary>
public sealed class DovecotServer : IAsyncLifetime
{
    public const string DovecotBinary = "/usr/sbin/dovecot";

    private Process? _process;
    private string _root = "";

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    public string Username { get; } = "info@adilsoz.kz";

    public string Password { get; } = "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Where Dovecot writes its log; read it when a test fails.</summary>
    public string LogPath => Path.Combine(_root, "dovecot.log");

    public async Task InitializeAsync()
    {
        if (!File.Exists(DovecotBinary))
        {
            throw new InvalidOperationException($"{DovecotBinary} is missing: install the dovecot-imapd package.");
        }

        _root = Path.Combine(Path.GetTempPath(), "adilsoz-dovecot-" + Guid.NewGuid().ToString("N")[..12]);
        Port = FreePort();
        var run = Path.Combine(_root, "run");
        var mail = Path.Combine(_root, "mail");
        foreach (var dir in new[] { _root, run, mail, Path.Combine(_root, "state") })
        {
            Directory.CreateDirectory(dir);

            // Note: login processes run as dovenull and must reach the sockets under base_dir.
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("Dovecot runs on Linux only.");
            }

            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        await RunAsync("chown", "mail:mail", mail);
        await File.WriteAllTextAsync(Path.Combine(_root, "passwd"), $"{Username}:{{PLAIN}}{Password}::::::\n");
        var config = Path.Combine(_root, "dovecot.conf");
        await File.WriteAllTextAsync(config, $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{run}}
            state_dir = {{Path.Combine(_root, "state")}}
            log_path = {{LogPath}}
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            first_valid_uid = 1
            mail_uid = mail
            mail_gid = mail
            mail_location = maildir:{{mail}}/%u
            mail_privileged_group =
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{Path.Combine(_root, "passwd")}}
            }
            userdb {
              driver = static
              args = uid=mail gid=mail home={{mail}}/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service stats {
              unix_listener stats-reader {
                mode = 0666
              }
              unix_listener stats-writer {
                mode = 0666
              }
            }
            """);

        _process = Process.Start(new ProcessStartInfo(DovecotBinary, ["-F", "-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Dovecot did not start.");

        await WaitForGreetingAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Opens an authenticated IMAP connection; the caller disposes it.</summary>
    public async Task<ImapClient> ConnectAsync(CancellationToken cancellationToken = default)
    {
        var client = new ImapClient();
        await client.ConnectAsync(Host, Port, SecureSocketOptions.None, cancellationToken);
        await client.AuthenticateAsync(Username, Password, cancellationToken);
        return client;
    }

    /// <summary>Appends a raw message to a folder (created if missing) and returns its UID.</summary>
    public async Task<UniqueId?> AppendAsync(byte[] raw, string folder = "INBOX")
    {
        using var client = await ConnectAsync();
        var target = await GetOrCreateFolderAsync(client, folder);
        using var stream = new MemoryStream(raw, false);
        var message = await MimeMessage.LoadAsync(stream);
        var uid = await target.AppendAsync(new AppendRequest(message, MessageFlags.None));
        await client.DisconnectAsync(true);
        return uid;
    }

    /// <summary>Number of messages in a folder (0 when it does not exist).</summary>
    public async Task<int> CountAsync(string folder = "INBOX")
    {
        using var client = await ConnectAsync();
        int count;
        try
        {
            var target = folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(folder);
            await target.StatusAsync(StatusItems.Count);
            count = target.Count;
        }
        catch (FolderNotFoundException)
        {
            count = 0;
        }

        await client.DisconnectAsync(true);
        return count;
    }

    /// <summary>UIDVALIDITY of a folder as the server reports it.</summary>
    public async Task<uint> UidValidityAsync(string folder = "INBOX")
    {
        using var client = await ConnectAsync();
        var target = await GetOrCreateFolderAsync(client, folder);
        await target.StatusAsync(StatusItems.UidValidity);
        await client.DisconnectAsync(true);
        return target.UidValidity;
    }

    /// <summary>
    /// Makes the server announce a new UIDVALIDITY for a folder, as after a mailbox restore or migration:
    /// the UID list gets a new validity value and the indexes are dropped so Dovecot rebuilds them.
    /// Messages stay; their UIDs restart. Call it with no IMAP session open on the folder.
    /// </summary>
    public async Task ChangeUidValidityAsync(string folder = "INBOX")
    {
        var home = Path.Combine(_root, "mail", Username);
        var dir = folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? home : Path.Combine(home, "." + folder.Replace('/', '.'));
        var uidList = Path.Combine(dir, "dovecot-uidlist");
        var lines = await File.ReadAllLinesAsync(uidList);

        // Note: the header line is "3 V<uidvalidity> N<next uid> G<guid>"; message lines follow.
        var header = lines[0].Split(' ');
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].StartsWith('V'))
            {
                header[i] = "V" + (uint.Parse(header[i][1..], System.Globalization.CultureInfo.InvariantCulture) + 1000);
            }
        }

        lines[0] = string.Join(' ', header);
        await File.WriteAllLinesAsync(uidList, lines);
        foreach (var index in Directory.EnumerateFiles(dir, "dovecot.index*"))
        {
            File.Delete(index);
        }

        await RunAsync("chown", "-R", "mail:mail", dir);
    }

    public static async Task<IMailFolder> GetOrCreateFolderAsync(ImapClient client, string folder)
    {
        if (folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase))
        {
            return client.Inbox;
        }

        try
        {
            return await client.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(folder, true) ?? throw new InvalidOperationException($"Folder {folder} could not be created.");
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await RunAsync(DovecotBinary, "-c", Path.Combine(_root, "dovecot.conf"), "stop");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process?.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task WaitForGreetingAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process!.HasExited)
            {
                var log = File.Exists(LogPath) ? await File.ReadAllTextAsync(LogPath) : "";
                throw new InvalidOperationException($"Dovecot exited with code {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()} {log}");
            }

            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                using var reader = new StreamReader(tcp.GetStream());
                var greeting = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                if (greeting?.StartsWith("* OK", StringComparison.Ordinal) == true)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Dovecot did not answer on port {Port} within {timeout}.");
            }

            // Bounded poll while the server starts (no event to wait on).
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { UseShellExecute = false, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{file} did not start.");
        await process.WaitForExitAsync();
    }
}
