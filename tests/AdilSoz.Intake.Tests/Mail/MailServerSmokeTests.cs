using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Mail.Corpus;
using AdilSoz.Intake.Worker.Mail;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace AdilSoz.Intake.Tests.Mail;

/// <summary>The IMAP and SMTP test servers work as the Worker will use them.</summary>
public sealed class DovecotSmokeTests(DovecotServer dovecot) : IClassFixture<DovecotServer>
{
    [Fact]
    public async Task An_appended_message_reads_back_with_its_text_and_files()
    {
        var corpus = CorpusMessages.Get("attachments with Cyrillic RFC 2231 and RFC 2047 names, inline image");
        var before = await dovecot.CountAsync();

        var uid = await dovecot.AppendAsync(corpus.Raw);

        Assert.NotNull(uid);
        Assert.Equal(before + 1, await dovecot.CountAsync());
        using var client = await dovecot.ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var message = await client.Inbox.GetMessageAsync(uid.Value);
        using var raw = new MemoryStream();
        await message.WriteToAsync(raw);
        var parsed = MailParser.Parse(raw.ToArray());
        Assert.Equal("Постановление суда по иску к газете", parsed.Subject);
        Assert.Equal(corpus.Files.Select(f => f.Name), parsed.Attachments.Select(a => a.FileName));
        Assert.Equal(CorpusMessages.PhotoJpg, parsed.Attachments[2].Content);
        await client.DisconnectAsync(true);
    }

    [Fact]
    public async Task Folders_are_created_on_append_and_counted_separately()
    {
        Assert.Equal(0, await dovecot.CountAsync("Processed"));

        await dovecot.AppendAsync(CorpusMessages.Get("Kazakh UTF-8 base64").Raw, "Processed");

        Assert.Equal(1, await dovecot.CountAsync("Processed"));
    }

    [Fact]
    public async Task UIDVALIDITY_can_be_changed_without_losing_mail()
    {
        await dovecot.AppendAsync(CorpusMessages.Get("report without Message-ID").Raw, "Archive");
        var before = await dovecot.UidValidityAsync("Archive");

        await dovecot.ChangeUidValidityAsync("Archive");

        Assert.NotEqual(before, await dovecot.UidValidityAsync("Archive"));
        Assert.Equal(1, await dovecot.CountAsync("Archive"));
    }
}

public sealed class SmtpCaptureSmokeTests : IAsyncLifetime
{
    private readonly SmtpCapture _smtp = new();

    public Task InitializeAsync() => _smtp.InitializeAsync();

    public Task DisposeAsync() => _smtp.DisposeAsync();

    [Fact]
    public async Task A_message_sent_with_MailKit_arrives_intact()
    {
        var original = MailParser.Parse(CorpusMessages.Get("Kazakh UTF-8 base64").Raw);
        var ack = AcknowledgementComposer.Compose(original, "AS-2026-00042", new MailboxAddress("Әділ сөз", "info@adilsoz.kz"), TimeProvider.System.GetUtcNow());

        await SendAsync(ack);
        var received = Assert.Single(await _smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30)));

        Assert.Equal(ack.MessageId, received.MessageId);
        Assert.Equal("[AS-2026-00042] Журналистке қысым көрсетілді", received.Subject);
        Assert.Contains("AS-2026-00042 нөмірімен тіркелді", received.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_stopped_it_refuses_connections_and_takes_mail_again_after_start()
    {
        var message = new MimeMessage { Subject = "ping", Body = new TextPart("plain") { Text = "ping" } };
        message.From.Add(MailboxAddress.Parse("info@adilsoz.kz"));
        message.To.Add(MailboxAddress.Parse("reporter@mail.kz"));

        await _smtp.StopAsync();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => SendAsync(message));

        await _smtp.StartAsync();
        await SendAsync(message);
        Assert.Single(await _smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task When_rejecting_the_sender_gets_a_temporary_failure()
    {
        var message = new MimeMessage { Subject = "ping", Body = new TextPart("plain") { Text = "ping" } };
        message.From.Add(MailboxAddress.Parse("info@adilsoz.kz"));
        message.To.Add(MailboxAddress.Parse("reporter@mail.kz"));
        _smtp.RejectMessages = true;

        var error = await Assert.ThrowsAsync<SmtpCommandException>(() => SendAsync(message));

        Assert.Equal(451, (int)error.StatusCode);
        Assert.Empty(_smtp.Messages);
    }

    private async Task SendAsync(MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(_smtp.Host, _smtp.Port, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }
}
