using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Mail;
using AdilSoz.Intake.Worker.Outbound;
using AdilSoz.Intake.Worker.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AdilSoz.Intake.Tests.Reliability;

/// <summary>
/// The outbox against a real SMTP server: a message whose sending was interrupted is never sent a second
/// time, and a refusal the server answered leaves the message queued, with the status code only, alone
/// or in a batch sent through one connection.
/// </summary>
public sealed class OutboundOnceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly SmtpCapture _smtp = new();
    private IHost _worker = null!;

    public async Task InitializeAsync()
    {
        await _smtp.InitializeAsync();
        _worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Smtp:Host"] = _smtp.Host,
                ["Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["Smtp:From"] = "info@adilsoz.kz",
            });
            b.AddJobServer();
            b.AddPipelineJobs();
            b.AddMailIntake();
        });
    }

    public async Task DisposeAsync()
    {
        _worker.Dispose();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_message_left_sending_by_an_interrupted_run_is_counted_sent_and_never_sent_again()
    {
        var interrupted = await AddAsync("interrupted", OutboundStatus.Sending);
        var queued = await AddAsync("queued", OutboundStatus.Queued);

        foreach (var id in new[] { interrupted, queued, interrupted, queued })
        {
            await SendAsync(id);
        }

        var delivered = Assert.Single(_smtp.Messages);
        await using var db = database.CreateDbContext();
        var rows = await db.OutboundMessages.AsNoTracking().Where(o => o.Id == interrupted || o.Id == queued).ToDictionaryAsync(o => o.Id);
        Assert.Equal(rows[queued].ProviderMessageId, delivered.MessageId);
        Assert.Equal(OutboundStatus.Sent, rows[queued].Status);
        Assert.Equal(OutboundStatus.Unconfirmed, rows[interrupted].Status);
        Assert.NotNull(rows[interrupted].SentAt);
        Assert.Contains("may not have received it", rows[interrupted].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_the_server_answered_leaves_the_message_queued_with_the_status_code_only()
    {
        var id = await AddAsync("refused", OutboundStatus.Queued);
        _smtp.RejectRecipients = true;
        try
        {
            var refusal = await Assert.ThrowsAsync<OutboundNotSentException>(() => SendAsync(id));
            Assert.Equal("SMTP 550 (MessageNotAccepted)", refusal.Message);
            Assert.Null(refusal.InnerException);
        }
        finally
        {
            _smtp.RejectRecipients = false;
        }

        await using (var db = database.CreateDbContext())
        {
            var row = await db.OutboundMessages.AsNoTracking().SingleAsync(o => o.Id == id);
            Assert.Equal((OutboundStatus.Queued, 1, "SMTP 550 (MessageNotAccepted)"), (row.Status, row.Attempts, row.Error));
        }

        await SendAsync(id);
        await SendAsync(id);
        Assert.Single(_smtp.Messages, m => m.Subject == "refused");
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(OutboundStatus.Sent, await db.OutboundMessages.Where(o => o.Id == id).Select(o => o.Status).SingleAsync());
        }
    }

    [Fact]
    public async Task In_a_batch_a_refused_mail_stays_queued_while_the_others_go_out_once_and_the_retry_sends_only_it()
    {
        var interrupted = await AddAsync("batch-interrupted", OutboundStatus.Sending);
        var first = await AddAsync("batch-first", OutboundStatus.Queued);
        var refused = await AddAsync("batch-refused", OutboundStatus.Queued, "closed.desk@example.org");
        var last = await AddAsync("batch-last", OutboundStatus.Queued);
        long[] batch = [interrupted, first, refused, last];

        _smtp.RejectRecipient = address => address == "closed.desk@example.org";
        try
        {
            var refusal = await Assert.ThrowsAsync<OutboundNotSentException>(() => SendManyAsync(batch));
            Assert.Equal("SMTP 550 (MessageNotAccepted)", refusal.Message);
        }
        finally
        {
            _smtp.RejectRecipient = null;
        }

        Assert.Equal(["batch-first", "batch-last"], _smtp.Messages.Select(m => m.Subject ?? "").Where(s => s.StartsWith("batch-", StringComparison.Ordinal)).Order());
        await using (var db = database.CreateDbContext())
        {
            var rows = await db.OutboundMessages.AsNoTracking().Where(o => batch.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
            Assert.Equal(OutboundStatus.Unconfirmed, rows[interrupted].Status);
            Assert.Equal((OutboundStatus.Sent, 1), (rows[first].Status, rows[first].Attempts));
            Assert.NotNull(rows[first].SentAt);
            Assert.Equal((OutboundStatus.Queued, 1, "SMTP 550 (MessageNotAccepted)"), (rows[refused].Status, rows[refused].Attempts, rows[refused].Error));
            Assert.Equal((OutboundStatus.Sent, 1), (rows[last].Status, rows[last].Attempts));
            Assert.Equal(rows[first].ProviderMessageId, _smtp.Messages.Single(m => m.Subject == "batch-first").MessageId);
        }

        await SendManyAsync(batch);
        await SendManyAsync(batch);

        Assert.Equal(["batch-first", "batch-last", "batch-refused"], _smtp.Messages.Select(m => m.Subject ?? "").Where(s => s.StartsWith("batch-", StringComparison.Ordinal)).Order());
        await using (var db = database.CreateDbContext())
        {
            var row = await db.OutboundMessages.AsNoTracking().SingleAsync(o => o.Id == refused);
            Assert.Equal((OutboundStatus.Sent, 2, (string?)null), (row.Status, row.Attempts, row.Error));
        }
    }

    private async Task<long> AddAsync(string name, OutboundStatus status, string recipient = "desk.outbound@example.org")
    {
        await using var db = database.CreateDbContext();
        var message = new OutboundMessage
        {
            IdempotencyKey = $"test:{name}:{Guid.NewGuid():N}",
            Channel = Channel.Email,
            Kind = OutboundKind.Digest,
            Recipient = recipient,
            Subject = name,
            Body = "Сводка срочных сообщений за день.",
            Status = status,
            Attempts = status == OutboundStatus.Queued ? 0 : 1,
            ProviderMessageId = status == OutboundStatus.Queued ? null : $"out-{name}.{Guid.NewGuid():N}@adilsoz.kz",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.OutboundMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task SendManyAsync(long[] ids)
    {
        await using var scope = _worker.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOutboundJob>().SendManyAsync(ids, CancellationToken.None);
    }

    private async Task SendAsync(long id)
    {
        await using var scope = _worker.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOutboundJob>().SendAsync(id, CancellationToken.None);
    }
}
