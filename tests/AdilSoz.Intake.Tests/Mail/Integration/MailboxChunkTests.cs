using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Mail;
using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;

namespace AdilSoz.Intake.Tests.Mail.Integration;

/// <summary>A backlog is taken in chunks: every mail stored and moved once, one ingest job per chunk, one acknowledgement each.</summary>
[Collection(MailIntegration.Name)]
public sealed class MailboxChunkTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_backlog_of_120_mails_is_moved_in_chunks_with_one_ingest_job_each_and_every_report_is_acknowledged_once()
    {
        await using var world = await MailWorld.StartAsync();
        using (var client = await world.Dovecot.ConnectAsync())
        {
            await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
            for (var i = 0; i < 120; i++)
            {
                using var message = new MimeMessage();
                message.From.Add(new MailboxAddress($"Reporter {i}", $"reporter{i}@example.org"));
                message.To.Add(new MailboxAddress("Adil Soz", "info@adilsoz.kz"));
                message.Subject = $"Задержание журналиста {i}";
                message.MessageId = $"backlog-{i}@example.org";
                message.Body = new TextPart("plain") { Text = $"В Уральске полиция задержала редактора газеты, сообщение {i}." };
                await client.Inbox.AppendAsync(new AppendRequest(message, MessageFlags.None));
            }

            await client.DisconnectAsync(true);
        }

        var host = world.CreateWorker(watch: false);
        var session = ActivatorUtilities.CreateInstance<MailboxSession>(host.Services);
        var pass = await session.RunOnceAsync(CancellationToken.None);

        Assert.Equal(new MailboxPass(120, 120, 0, 120), pass);
        Assert.Equal(0, await world.Dovecot.CountAsync());
        Assert.Equal(120, await world.Dovecot.CountAsync("Processed"));
        // The first mail alone, then chunks of 50: 1 + 50 + 50 + 19.
        Assert.Equal(4, await IngestJobsAsync(world));

        await host.StartAsync();
        await world.WaitUntilSettledAsync(120, Timeout);
        Assert.Equal(120, await world.QueryAsync(db => db.Submissions.CountAsync(s => s.Kind == SubmissionKind.Report)));
        await world.Smtp.WaitForMessagesAsync(120, Timeout);
        await Poll.UntilAsync(() => world.QueryAsync(db => db.OutboundMessages.CountAsync(o => o.Status == OutboundStatus.Queued)), n => n == 0, Timeout);
        var recipients = world.Smtp.Messages.SelectMany(m => m.To.Mailboxes).Select(a => a.Address).ToList();
        Assert.Equal(120, recipients.Count);
        Assert.Equal(120, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static async Task<long> IngestJobsAsync(MailWorld world)
    {
        await using var connection = new NpgsqlConnection(world.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM {HangfireSetup.SchemaName}.job WHERE invocationdata::text LIKE '%{nameof(IMailIngestJob)}%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
