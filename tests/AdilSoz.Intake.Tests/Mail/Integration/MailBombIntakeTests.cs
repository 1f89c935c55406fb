using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Reliability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Mail.Integration;

/// <summary>No mail can stop intake: hostile mail through Dovecot to a real Worker process, and oversize mail never downloaded whole.</summary>
[Collection(MailIntegration.Name)]
public sealed class MailBombIntakeTests(ITestOutputHelper output)
{
    /// <summary>A hang guard, not a speed bound: the bombs settle in seconds.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Both_mail_bombs_wait_for_an_operator_and_the_report_after_them_reaches_the_queue_with_the_Worker_under_1_GB()
    {
        await using var world = await MailWorld.StartAsync();
        var blockquotes = MailBombs.Blockquotes();
        var parts = MailBombs.Parts();
        await AppendRawAsync(world.Dovecot, blockquotes);
        await AppendRawAsync(world.Dovecot, parts);
        await AppendRawAsync(world.Dovecot, MailBombs.Report("after-the-bombs"));

        var environment = world.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        environment["ConnectionStrings__Intake"] = world.Database.ConnectionString;
        await using var worker = new HostRun("Worker", environment, "bombs-" + Guid.NewGuid().ToString("N")[..6]);
        var clock = Stopwatch.StartNew();
        worker.Start();

        var settled = await Poll.UntilAsync(
            () => world.QueryAsync(db => db.Submissions.Select(s => new { s.Status, s.AttentionReason, s.Text, s.InboundItemId }).ToListAsync()),
            s => s.Count(x => x.Status == SubmissionStatus.NeedsAttention) == 2 && s.Any(x => x.Status == SubmissionStatus.Pending),
            HangGuard,
            TimeSpan.FromMilliseconds(250));
        var elapsed = clock.Elapsed;
        var peak = PeakMemory(worker.ProcessId ?? throw new InvalidOperationException("The Worker exited."));
        output.WriteLine($"bombs ({blockquotes.Length / 1024} KB of blockquotes, {parts.Length / 1024 / 1024} MB of parts) and a report settled {elapsed.TotalSeconds:F1} s after the Worker started; Worker VmHWM {peak / 1024 / 1024} MB");

        Assert.Equal(2, settled.Count(s => s.Status == SubmissionStatus.NeedsAttention));
        Assert.Contains(settled, s => s.Status == SubmissionStatus.NeedsAttention && s.AttentionReason!.Contains("nests quotes 50000 levels deep", StringComparison.Ordinal));
        Assert.Contains(settled, s => s.Status == SubmissionStatus.NeedsAttention && s.AttentionReason!.Contains("more than 500 MIME parts", StringComparison.Ordinal));
        var report = Assert.Single(settled, s => s.Status == SubmissionStatus.Pending);
        Assert.Contains("after-the-bombs", report.Text, StringComparison.Ordinal);
        Assert.True(peak < 1024L * 1024 * 1024, $"Worker peak memory {peak / 1024 / 1024} MB");

        // The raw bombs are kept for the operator, whole.
        var items = await world.QueryAsync(db => db.InboundItems.Where(i => i.Status == InboundStatus.NeedsAttention).Select(i => i.RawSize).ToListAsync());
        Assert.Equal([(long)blockquotes.Length, parts.Length], items.Order());
        Assert.Equal(0, await world.Dovecot.CountAsync());
        Assert.Equal(3, await world.Dovecot.CountAsync("Processed"));
    }

    [Fact]
    public async Task A_mail_over_the_size_limit_is_not_downloaded_its_headers_wait_for_an_operator_and_its_sender_is_told()
    {
        await using var world = await MailWorld.StartAsync();
        var big = BigMail(300 * 1024);
        await AppendRawAsync(world.Dovecot, big);
        await AppendRawAsync(world.Dovecot, MailBombs.Report("after-the-big-one"));
        var worker = world.CreateWorker(extra: new Dictionary<string, string?> { ["Mail:MaxMessageBytes"] = (64 * 1024).ToString(CultureInfo.InvariantCulture) });
        await worker.StartAsync();

        await world.WaitUntilSettledAsync(2, HangGuard);
        var notices = await world.Smtp.WaitForMessagesAsync(2, HangGuard);
        var item = await world.QueryAsync(db => db.InboundItems.Include(i => i.Submission).SingleAsync(i => i.Status == InboundStatus.NeedsAttention));
        using var scope = world.Database.Services.CreateScope();
        var stored = scope.ServiceProvider.GetRequiredService<IdentityProtector>().UnprotectRaw(item.RawEncrypted);

        Assert.Equal(big.Length, item.RawSize);
        Assert.True(stored.Length < 4096, $"{stored.Length} bytes stored");
        Assert.StartsWith("From: lawyer@mail.ru", Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.NeedsAttention, item.Submission!.Status);
        Assert.Contains("only its headers were downloaded", item.Submission.AttentionReason, StringComparison.Ordinal);
        Assert.Equal("Court files", item.Submission.Subject);
        Assert.Contains(notices, n => n.To.Mailboxes.Single().Address == "lawyer@mail.ru" && n.Subject!.Contains(item.Submission.Reference!, StringComparison.Ordinal));
        Assert.Equal(1, await world.QueryAsync(db => db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Pending)));
        Assert.Equal(0, await world.Dovecot.CountAsync());
        Assert.Equal(2, await world.Dovecot.CountAsync("Processed"));
    }

    private static byte[] BigMail(int size)
    {
        var text = new StringBuilder("From: lawyer@mail.ru\r\nTo: info@adilsoz.kz\r\nSubject: Court files\r\nMessage-ID: <court-files@mail.ru>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n");
        while (text.Length < size)
        {
            text.Append("The ruling of the district court, page after page of it.\r\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>Peak resident memory (VmHWM) of a process, in bytes.</summary>
    private static long PeakMemory(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// IMAP APPEND of raw bytes as they are (MailKit appends a parsed MimeMessage, and parsing the part bomb
    /// in the test would cost what it costs the Worker).
    /// </summary>
    private static async Task AppendRawAsync(DovecotServer dovecot, byte[] raw)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(dovecot.Host, dovecot.Port);
        var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
        await ExpectAsync(reader, "* OK");
        await SendAsync(stream, $"a LOGIN \"{dovecot.Username}\" \"{dovecot.Password}\"\r\n");
        await ExpectAsync(reader, "a OK");
        await SendAsync(stream, $"b APPEND INBOX {{{raw.Length}}}\r\n");
        await ExpectAsync(reader, "+");
        await stream.WriteAsync(raw);
        await SendAsync(stream, "\r\n");
        await ExpectAsync(reader, "b OK");
        await SendAsync(stream, "c LOGOUT\r\n");
    }

    private static Task SendAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    private static async Task ExpectAsync(StreamReader reader, string prefix)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return;
            }

            if (line.StartsWith(prefix.Split(' ')[0] + " NO", StringComparison.Ordinal) || line.StartsWith(prefix.Split(' ')[0] + " BAD", StringComparison.Ordinal))
            {
                throw new IOException($"IMAP: {line}");
            }
        }

        throw new IOException("IMAP connection closed.");
    }
}
