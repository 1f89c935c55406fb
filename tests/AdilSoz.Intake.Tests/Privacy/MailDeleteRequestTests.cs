using System.Text;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Mail.Corpus;
using AdilSoz.Intake.Tests.Mail.Integration;
using AdilSoz.Intake.Worker.Mail;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AdilSoz.Intake.Tests.Privacy;

/// <summary>The mail equivalent of /delete_my_data, end to end through a Worker (Hangfire, SMTP capture).</summary>
public sealed class MailDeleteRequestTests : IAsyncLifetime
{
    private const string Address = "zhanar.deleteme@example.kz";
    private MailWorld _world = null!;

    public async Task InitializeAsync() => _world = await MailWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_delete_my_data_mail_sends_a_code_to_the_address_and_its_reply_erases_the_identity_and_keeps_the_reports()
    {
        var worker = _world.CreateWorker(watch: false);
        await worker.StartAsync();

        var reportId = await IngestAsync(worker, "privacy:1", Mail("Задержание журналиста", "Вчера в Уральске задержали журналиста во время съёмки у здания акимата.", "r1"));
        var ack = await _world.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(60));
        Assert.Equal(Address, ack[0].To.Mailboxes.Single().Address);

        var requestId = await IngestAsync(worker, "privacy:2", Mail(Mime.B("УДАЛИТЬ МОИ ДАННЫЕ", "utf-8"), "", "r2"));

        // First a code to the address; the reply that carries it erases.
        var codeMail = (await _world.Smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(60)))[1];
        Assert.Equal(Address, codeMail.To.Mailboxes.Single().Address);
        var code = System.Text.RegularExpressions.Regex.Match(codeMail.Subject ?? "", "[0-9]{8}").Value;
        Assert.Equal(8, code.Length);
        await IngestAsync(worker, "privacy:3", Mail(Mime.B("Re: " + codeMail.Subject, "utf-8"), "Да.", "r3"));

        var sent = await _world.Smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(60));
        var confirmation = sent[2];
        Assert.Equal(Address, confirmation.To.Mailboxes.Single().Address);
        Assert.True(confirmation.Subject == "Ваши данные удалены", $"subject: {confirmation.Subject}; first: {sent[0].Subject}");

        var reporter = await Poll.UntilAsync(
            () => _world.QueryAsync(db => db.Reporters.AsNoTracking().SingleAsync(r => db.Submissions.Any(s => s.Id == reportId && s.ReporterId == r.Id))),
            r => r.IdentityDeletedAt is not null, TimeSpan.FromSeconds(30));
        Assert.Equal((null, null, null), (reporter.IdentityEncrypted, reporter.ContactEncrypted, reporter.DisplayNameEncrypted));
        Assert.StartsWith("deleted:", reporter.KeyHash, StringComparison.Ordinal);

        await _world.QueryAsync(async db =>
        {
            var submissions = await db.Submissions.OrderBy(s => s.Id).ToListAsync();
            Assert.Equal(3, submissions.Count);
            Assert.Contains("задержали журналиста", submissions[0].Text, StringComparison.Ordinal);
            Assert.Equal(requestId, submissions[1].Id);
            Assert.All(submissions.Skip(1), s => Assert.Equal(SubmissionStatus.Ignored, s.Status));
            Assert.All(submissions, s => Assert.Null(s.Subject));
            var erased = await db.Reporters.Where(r => submissions.Select(s => s.ReporterId).Contains(r.Id)).ToListAsync();
            Assert.All(erased, r => Assert.NotNull(r.IdentityDeletedAt));
            var items = await db.InboundItems.ToListAsync();
            Assert.All(items, i => Assert.True(i.PurgedAt is not null && i.RawEncrypted.Length == 0 && i.MessageId is null));
            return 0;
        });

        // Nothing in the rows the reporter's mails touched holds the address any more.
        await using var connection = new NpgsqlConnection(_world.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "Reporters", "InboundItems", "Submissions", "OutboundMessages" })
        {
            await using var command = new NpgsqlCommand($"SELECT coalesce(string_agg(row_to_json(t)::text, '\n'), '') FROM \"{table}\" t", connection);
            var rows = (string)(await command.ExecuteScalarAsync())!;
            Assert.DoesNotContain("zhanar.deleteme", rows, StringComparison.OrdinalIgnoreCase);
        }

        // Writing again later starts a new, unlinked reporter.
        var againId = await IngestAsync(worker, "privacy:4", Mail("Снова пишу", "Ещё одно нарушение: журналисту не дали пройти в суд.", "r4"));
        var again = await _world.QueryAsync(db => db.Submissions.Where(s => s.Id == againId).Select(s => s.ReporterId).SingleAsync());
        Assert.NotEqual(reporter.Id, again);
    }

    private static byte[] Mail(string subject, string body, string id) => Encoding.UTF8.GetBytes($"""
        From: Zhanar Deleteme <{Address}>
        To: info@adilsoz.kz
        Subject: {subject}
        Date: Mon, 1 Jun 2026 10:00:00 +0500
        Message-ID: <{id}-{Guid.NewGuid():N}@example.kz>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        {body}

        """.Replace("\n", "\r\n", StringComparison.Ordinal));

    /// <summary>Stores a raw mail as the watcher does and lets the Worker ingest it; returns the submission id.</summary>
    private async Task<long> IngestAsync(IHost worker, string key, byte[] raw)
    {
        long itemId;
        string jobId;
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            itemId = (await scope.ServiceProvider.GetRequiredService<MailStore>().StoreAsync(key, raw, CancellationToken.None)).InboundItemId;
            jobId = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<IMailIngestJob>(JobQueues.Intake, j => j.ProcessAsync(itemId, CancellationToken.None));
        }

        var submissionId = await Poll.UntilAsync(
            () => _world.QueryAsync(db => db.InboundItems.Where(i => i.Id == itemId).Select(i => i.SubmissionId).SingleAsync()),
            id => id is not null, TimeSpan.FromSeconds(60),
            what: $"the ingest job of mail {key}",
            explain: () => JobStates.DescribeAsync(worker.Services.GetRequiredService<JobStorage>(), jobId));
        return submissionId!.Value;
    }
}
