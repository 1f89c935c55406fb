using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Worker.Mail;
using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;

namespace AdilSoz.Intake.Tests.Mail.Integration;

/// <summary>
/// A chunk of new mail is written together, and what may follow another mail or asks for something is taken on its
/// own after it: each mail still becomes one submission, a reply in the same chunk joins its report, one address gets
/// one acknowledgement, and a chunk that cannot be written together loses nothing.
/// </summary>
[Collection(MailIntegration.Name)]
public sealed class MailChunkIngestTests
{
    [Fact]
    public async Task A_chunk_of_reports_a_reply_to_one_of_them_an_auto_reply_a_delete_request_and_spam_becomes_one_submission_each()
    {
        await using var world = await MailWorld.StartAsync();
        var mails = new List<MimeMessage>();
        for (var i = 0; i < 4; i++)
        {
            mails.Add(Mail(i, $"reporter{i}@example.org", $"Задержание журналиста {i}", $"В Уральске полиция задержала редактора газеты, сообщение {i}."));
        }

        mails.Add(Mail(4, "same@example.org", "Суд над блогером", "Блогера из Атырау вызвали в суд по иску акимата."));
        mails.Add(Mail(5, "same@example.org", "Ещё один иск", "Второй иск о защите чести и достоинства к той же газете."));
        var reply = Mail(6, "reporter0@example.org", "Re: Задержание журналиста 0", "Редактора отпустили вечером, протокол составлен.");
        reply.InReplyTo = "chunk-0@example.org";
        mails.Add(reply);
        var autoReply = Mail(7, "away@example.org", "Автоответ: меня нет в офисе", "Я в отпуске до понедельника.");
        autoReply.Headers.Add("Auto-Submitted", "auto-replied");
        mails.Add(autoReply);
        mails.Add(Mail(8, "reporter1@example.org", "Удалить мои данные", "Удалить мои данные"));
        mails.Add(Mail(9, "promo@example.net", "Быстрый заработок", "Онлайн-казино и ставки на спорт: https://casino.example.net"));
        var items = await StoreAsync(world, mails);

        var host = world.CreateWorker(watch: false);
        await IngestAsync(host, items);

        var submissions = await world.QueryAsync(db => db.Submissions.AsNoTracking().OrderBy(s => s.InboundItemId).ToListAsync());
        Assert.Equal(10, submissions.Count);
        Assert.Equal(items, submissions.Select(s => s.InboundItemId!.Value));
        Assert.All(submissions.Take(6), s => Assert.Equal((SubmissionKind.Report, SubmissionStatus.Received), (s.Kind, s.Status)));
        Assert.Equal((SubmissionKind.Followup, submissions[0].Id), (submissions[6].Kind, submissions[6].ParentId));
        Assert.Equal(submissions[0].ReporterId, submissions[6].ReporterId);
        Assert.Equal((SubmissionKind.AutoReply, SubmissionStatus.Ignored), (submissions[7].Kind, submissions[7].Status));
        Assert.Equal(SubmissionStatus.Ignored, submissions[8].Status);
        Assert.Contains("deleted", submissions[8].DecisionNote, StringComparison.Ordinal);
        Assert.Equal((SubmissionKind.Report, SubmissionStatus.NeedsAttention), (submissions[9].Kind, submissions[9].Status));
        Assert.StartsWith(SpamSigns.ReasonPrefix, submissions[9].AttentionReason, StringComparison.Ordinal);
        Assert.Equal(10, await world.QueryAsync(db => db.InboundItems.CountAsync(i => i.Status == InboundStatus.Processed && i.SubmissionId != null)));

        // The plain mails were written in one transaction; the reply and the request each in one of its own (the
        // reply's also touched the report it follows, the first).
        var transactions = await TransactionsAsync(world);
        Assert.Single(transactions.Where((_, i) => i is (>= 1 and < 6) or 7 or 9).Distinct());
        Assert.Equal(transactions[6], transactions[0]);
        Assert.Equal(3, transactions.Distinct().Count());

        // The six reports are answered once each, but the second of one address within minutes is not, nor the suspected spam.
        var acks = await world.QueryAsync(db => db.OutboundMessages.AsNoTracking().Where(o => o.Kind == OutboundKind.Acknowledgement).OrderBy(o => o.SubmissionId).ToListAsync());
        Assert.Equal(submissions.Take(6).Select(s => (long?)s.Id), acks.Select(a => a.SubmissionId));
        Assert.Equal([.. Enumerable.Repeat(OutboundStatus.Queued, 5), OutboundStatus.Suppressed], acks.Select(a => a.Status));
        Assert.All(acks.Take(5).Zip(submissions), p => Assert.Contains(p.Second.Reference, p.First.Subject + p.First.Body, StringComparison.Ordinal));

        // Taken again (a retried job), nothing changes.
        await IngestAsync(host, items);
        Assert.Equal(10, await world.QueryAsync(db => db.Submissions.CountAsync()));
        Assert.Equal(6, await world.QueryAsync(db => db.OutboundMessages.CountAsync(o => o.Kind == OutboundKind.Acknowledgement)));
    }

    [Fact]
    public async Task When_one_mail_breaks_its_chunk_the_others_are_written_one_by_one_and_the_broken_one_stays_stored_until_it_can_be()
    {
        await using var world = await MailWorld.StartAsync();
        var mails = Enumerable.Range(0, 5)
            .Select(i => Mail(i, $"reporter{i}@example.org", i == 2 ? "boom" : $"Отказ в аккредитации {i}", $"Корреспонденту отказали в аккредитации на сессии маслихата, случай {i}."))
            .ToList();
        var items = await StoreAsync(world, mails);

        // The database refuses one of the reports (as a full disk or a constraint would): the chunk's transaction fails.
        await ExecuteAsync(world, """
            CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW."Subject" = 'boom' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_boom BEFORE INSERT ON "Submissions" FOR EACH ROW EXECUTE FUNCTION refuse_boom();
            """);
        var host = world.CreateWorker(watch: false);
        await Assert.ThrowsAsync<InvalidOperationException>(() => IngestAsync(host, items));

        Assert.Equal(4, await world.QueryAsync(db => db.Submissions.CountAsync()));
        Assert.Equal(4, (await TransactionsAsync(world)).Distinct().Count());
        var broken = await world.QueryAsync(db => db.InboundItems.AsNoTracking().SingleAsync(i => i.Id == items[2]));
        Assert.Equal((InboundStatus.Stored, (long?)null), (broken.Status, broken.SubmissionId));
        Assert.Equal(4, await world.QueryAsync(db => db.OutboundMessages.CountAsync(o => o.Kind == OutboundKind.Acknowledgement)));

        // The job's retry, once the database takes it: the fifth report, and still one acknowledgement each.
        await ExecuteAsync(world, """DROP TRIGGER refuse_boom ON "Submissions"; DROP FUNCTION refuse_boom();""");
        await IngestAsync(host, items);
        var submissions = await world.QueryAsync(db => db.Submissions.AsNoTracking().OrderBy(s => s.InboundItemId).ToListAsync());
        Assert.Equal(items, submissions.Select(s => s.InboundItemId!.Value));
        var acks = await world.QueryAsync(db => db.OutboundMessages.Where(o => o.Kind == OutboundKind.Acknowledgement).Select(o => o.SubmissionId).ToListAsync());
        Assert.Equal(submissions.Select(s => (long?)s.Id).Order(), acks.Order());
    }

    private static MimeMessage Mail(int i, string from, string subject, string text)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress($"Reporter {i}", from));
        message.To.Add(new MailboxAddress("Adil Soz", "info@adilsoz.kz"));
        message.Subject = subject;
        message.MessageId = $"chunk-{i}@example.org";
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>The mails appended to the mailbox and stored by one pass (not ingested); their items in order.</summary>
    private static async Task<long[]> StoreAsync(MailWorld world, List<MimeMessage> mails)
    {
        using (var client = await world.Dovecot.ConnectAsync())
        {
            await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
            foreach (var message in mails)
            {
                await client.Inbox.AppendAsync(new AppendRequest(message, MessageFlags.None));
                message.Dispose();
            }

            await client.DisconnectAsync(true);
        }

        var host = world.CreateWorker(watch: false);
        var pass = await ActivatorUtilities.CreateInstance<MailboxSession>(host.Services).RunOnceAsync(CancellationToken.None);
        Assert.Equal(mails.Count, pass.Stored);
        return await world.QueryAsync(db => db.InboundItems.OrderBy(i => i.Id).Select(i => i.Id).ToArrayAsync());
    }

    private static async Task ExecuteAsync(MailWorld world, string sql)
    {
        await using var connection = new NpgsqlConnection(world.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The transaction that wrote each submission (PostgreSQL's xmin), in the order of their mails.</summary>
    private static async Task<List<string>> TransactionsAsync(MailWorld world)
    {
        await using var connection = new NpgsqlConnection(world.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT xmin::text FROM "Submissions" ORDER BY "InboundItemId" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var transactions = new List<string>();
        while (await reader.ReadAsync())
        {
            transactions.Add(reader.GetString(0));
        }

        return transactions;
    }

    /// <summary>The chunk's ingest job, as the job server runs it.</summary>
    private static async Task IngestAsync(Microsoft.Extensions.Hosting.IHost host, long[] items)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MailIngestJob>().ProcessManyAsync(items, CancellationToken.None);
    }
}
