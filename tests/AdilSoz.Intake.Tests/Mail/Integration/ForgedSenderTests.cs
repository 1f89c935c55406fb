using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Npgsql;

namespace AdilSoz.Intake.Tests.Mail.Integration;

/// <summary>
/// A stranger writes in a journalist's name (a forged From is one line of a mail). Each attack is played
/// through Dovecot, the Worker and the SMTP capture: what reaches the journalist, and what reaches the stranger.
/// </summary>
[Collection(MailIntegration.Name)]
public sealed class ForgedSenderTests : IAsyncLifetime
{
    private const string Journalist = "zh.bekova@kaz-media.kz";
    private const string Spy = "spy@evil.example";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private MailWorld _world = null!;

    public async Task InitializeAsync() => _world = await MailWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_forged_From_with_a_Reply_To_does_not_redirect_mail_about_the_journalists_report()
    {
        var worker = _world.CreateWorker();
        await worker.StartAsync();
        var report = await SendAsync(Mail(Journalist, "Задержание в Уральске", "Вчера в Уральске задержали нашего оператора у здания акимата."), 1);
        await _world.Smtp.WaitForMessagesAsync(1, Timeout);

        // The stranger: the journalist's From, their own Reply-To.
        var forged = await SendAsync(Mail(Journalist, "Дополнение", "Пишу с другого адреса, отвечайте сюда.", replyTo: Spy), 2);

        // A monitor asks the journalist a question about the first report, and one about the forged mail.
        // (The forged mail's acknowledgement is held back: the address was answered minutes ago.)
        await AskAsync(worker, report);
        await AskAsync(worker, forged);
        var sent = await _world.Smtp.WaitForMessagesAsync(3, Timeout);
        await WaitUntilOutboxEmptyAsync();

        Assert.DoesNotContain(_world.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == Spy));
        Assert.All(sent, m => Assert.Equal(Journalist, m.To.Mailboxes.Single().Address));
        Assert.Contains(sent, m => (m.Subject ?? "").Contains("Вопрос", StringComparison.Ordinal) && (m.TextBody ?? "").Contains(Reference(report), StringComparison.Ordinal));

        var protector = worker.Services.GetRequiredService<IdentityProtector>();
        await _world.QueryAsync(async db =>
        {
            var first = await db.Submissions.Include(s => s.Reporter).SingleAsync(s => s.Id == report);
            var second = await db.Submissions.Include(s => s.Reporter).SingleAsync(s => s.Id == forged);
            Assert.Equal(Journalist, protector.Unprotect(first.Reporter!.ContactEncrypted));
            Assert.NotEqual(first.ReporterId, second.ReporterId);
            Assert.Equal(Spy, protector.Unprotect(second.ReplyToEncrypted));
            Assert.Equal(Submission.SenderVerificationOff, second.SenderNotVerified);
            Assert.Null(first.ReplyToEncrypted);
            return 0;
        });
    }

    [Fact]
    public async Task A_forged_delete_request_only_sends_a_code_to_the_stored_address_and_only_that_code_from_it_erases()
    {
        var worker = _world.CreateWorker(extra: new Dictionary<string, string?> { ["Mail:MaxMessageBytes"] = "20000" });
        await worker.StartAsync();
        var report = await SendAsync(Mail(Journalist, "Задержание в Уральске", "Вчера в Уральске задержали нашего оператора у здания акимата."), 1);
        await _world.Smtp.WaitForMessagesAsync(1, Timeout);

        // A mail from the address that cannot be read waits in "needs attention" (it is too large).
        await SendAsync(Mail(Journalist, "Видео", "Видео задержания во вложении.\n" + new string('x', 30_000)), 2);

        var request = await SendAsync(Mail(Journalist, "УДАЛИТЬ МОИ ДАННЫЕ", "", replyTo: Spy), 3);
        var codeMail = await Poll.UntilAsync(
            () => Task.FromResult(_world.Smtp.Messages.FirstOrDefault(m => (m.Subject ?? "").StartsWith("Код подтверждения", StringComparison.Ordinal))),
            m => m is not null, Timeout);
        Assert.Equal(Journalist, codeMail!.To.Mailboxes.Single().Address);
        var codeSubject = codeMail.Subject ?? "";
        var code = Regex.Match(codeSubject, "[0-9]{8}").Value;
        Assert.Contains(code, codeMail.TextBody ?? "", StringComparison.Ordinal);

        // The stranger asks again (no second code), guesses a code from the journalist's address, then sends
        // the real one from their own.
        await SendAsync(Mail(Journalist, "DELETE MY DATA", "", replyTo: Spy), 4);
        var wrong = code == "12345678" ? "87654321" : "12345678";
        await SendAsync(Mail(Journalist, "Re: " + codeSubject.Replace(code, wrong, StringComparison.Ordinal), wrong), 5);
        var spyMail = await SendAsync(Mail(Spy, "Re: " + codeSubject, code), 6);
        await WaitUntilOutboxEmptyAsync();

        var reporterId = await _world.QueryAsync(db => db.Submissions.Where(s => s.Id == report).Select(s => s.ReporterId!.Value).SingleAsync());
        var untouched = await _world.QueryAsync(db => db.Reporters.AsNoTracking().SingleAsync(r => r.Id == reporterId));
        Assert.NotNull(untouched.IdentityEncrypted);
        Assert.NotNull(untouched.ContactEncrypted);
        Assert.Null(untouched.IdentityDeletedAt);
        Assert.Single(_world.Smtp.Messages, m => (m.Subject ?? "").StartsWith("Код подтверждения", StringComparison.Ordinal));
        Assert.DoesNotContain(_world.Smtp.Messages, m => m.Subject == "Ваши данные удалены");
        var requestRow = await _world.QueryAsync(db => db.ErasureRequests.SingleAsync(e => e.SubmissionId == request));
        Assert.Equal((null, 1), (requestRow.Outcome, requestRow.WrongCodes));

        // The owner answers the code mail from the stored address.
        await SendAsync(Mail(Journalist, "Re: " + codeSubject, "Да, удалите.\n\n> " + code), 7);
        await Poll.UntilAsync(() => Task.FromResult(_world.Smtp.Messages.Count(m => m.Subject == "Ваши данные удалены")), n => n == 1, Timeout);
        await Poll.UntilAsync(() => _world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "erasure.done")), n => n == 1, Timeout);
        var erased = await _world.QueryAsync(db => db.Reporters.AsNoTracking().SingleAsync(r => r.Id == reporterId));
        Assert.NotNull(erased.IdentityDeletedAt);
        Assert.Equal((null, null, null), (erased.IdentityEncrypted, erased.ContactEncrypted, erased.DisplayNameEncrypted));

        await _world.QueryAsync(async db =>
        {
            var report0 = await db.Submissions.SingleAsync(s => s.Id == report);
            Assert.Contains("задержали нашего оператора", report0.Text, StringComparison.Ordinal);

            // Every item of the address is purged, the one in needs attention too.
            var items = await db.InboundItems.ToListAsync();
            Assert.Contains(items, i => i.Status == InboundStatus.NeedsAttention);
            var theirs = items.Where(i => i.SubmissionId != spyMail).ToList();
            Assert.Equal(6, theirs.Count);
            Assert.All(theirs, i => Assert.True(i.PurgedAt is not null && i.RawEncrypted.Length == 0 && i.MessageId is null && i.Error is null, $"item {i.Id} ({i.Status}) kept"));

            var audit = await db.AuditEntries.Where(a => a.EntityType == "Reporter").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal(["erasure.requested", "erasure.repeated", "erasure.wrong-code", "erasure.confirmed", "erasure.done"], audit);
            return 0;
        });

        // Nothing in the rows the journalist's mails touched holds the address any more.
        await using var connection = new NpgsqlConnection(_world.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "Reporters", "InboundItems", "Submissions", "OutboundMessages", "AuditEntries", "ErasureRequests" })
        {
            await using var command = new NpgsqlCommand($"SELECT coalesce(string_agg(row_to_json(t)::text, '\n'), '') FROM \"{table}\" t", connection);
            var rows = (string)(await command.ExecuteScalarAsync())!;
            Assert.DoesNotContain("bekova", rows, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_forged_bounce_does_not_make_the_journalist_unreachable_and_a_bounce_of_our_own_mail_does()
    {
        var worker = _world.CreateWorker();
        await worker.StartAsync();
        var report = await SendAsync(Mail(Journalist, "Задержание в Уральске", "Вчера в Уральске задержали нашего оператора у здания акимата."), 1);
        var ack = (await _world.Smtp.WaitForMessagesAsync(1, Timeout))[0];
        await WaitUntilOutboxEmptyAsync();

        await SendAsync(Bounce(Journalist, "forged.1234@kaz-media.kz"), 2);
        var reporter = await _world.QueryAsync(db => db.Submissions.Where(s => s.Id == report).Select(s => s.Reporter!).SingleAsync());
        Assert.False(reporter.Unreachable);

        await SendAsync(Bounce(Journalist, ack.MessageId!), 3);
        reporter = await _world.QueryAsync(db => db.Reporters.AsNoTracking().SingleAsync(r => r.Id == reporter.Id));
        Assert.True(reporter.Unreachable);
    }

    [Fact]
    public async Task Someone_elses_reference_in_a_subject_makes_a_new_report_that_mentions_it_and_leaves_it_untouched()
    {
        var worker = _world.CreateWorker();
        await worker.StartAsync();
        var report = await SendAsync(Mail(Journalist, "Задержание в Уральске", "Вчера в Уральске задержали нашего оператора у здания акимата."), 1);
        await _world.Smtp.WaitForMessagesAsync(1, Timeout);
        var before = await _world.QueryAsync(db => db.Submissions.AsNoTracking().SingleAsync(s => s.Id == report));

        var other = await SendAsync(Mail(Spy, $"Re: [{before.Reference}] по вашему обращению", "Оператора отпустили, всё выдумано."), 2);
        await _world.WaitUntilSettledAsync(2, Timeout);

        await _world.QueryAsync(async db =>
        {
            var mention = await db.Submissions.SingleAsync(s => s.Id == other);
            Assert.Equal(SubmissionKind.Report, mention.Kind);
            Assert.Null(mention.ParentId);
            Assert.Equal(report, mention.MentionsId);
            Assert.Equal(SubmissionStatus.Pending, mention.Status);
            Assert.False(await db.Submissions.AnyAsync(s => s.ParentId == report));
            var after = await db.Submissions.SingleAsync(s => s.Id == report);
            Assert.Equal((before.UpdatedAt, before.Text), (after.UpdatedAt, after.Text));
            return 0;
        });

        // The stranger's acknowledgement tells them only their own new reference.
        var acks = await _world.Smtp.WaitForMessagesAsync(2, Timeout);
        var theirs = Assert.Single(acks, m => m.To.Mailboxes.Single().Address == Spy);
        var newReference = await _world.QueryAsync(db => db.Submissions.Where(s => s.Id == other).Select(s => s.Reference).SingleAsync());
        Assert.Contains(newReference, theirs.Subject ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_verified_by_our_mail_server_joins_the_reporter_and_the_same_result_from_another_server_does_not()
    {
        var worker = _world.CreateWorker(extra: new Dictionary<string, string?> { ["Mailbox:TrustedAuthServId"] = "mx.adilsoz.kz" });
        await worker.StartAsync();
        const string Ours = "mx.adilsoz.kz; spf=pass smtp.mailfrom=kaz-media.kz; dkim=pass header.d=kaz-media.kz; dmarc=pass header.from=kaz-media.kz";
        const string Theirs = "mx.evil.example; spf=pass smtp.mailfrom=kaz-media.kz; dkim=pass header.d=kaz-media.kz; dmarc=pass header.from=kaz-media.kz";
        var first = await SendAsync(Mail(Journalist, "Задержание в Уральске", "Вчера в Уральске задержали нашего оператора у здания акимата.", authenticationResults: [Ours]), 1);
        var second = await SendAsync(Mail(Journalist, "Ещё одно", "Сегодня у редакции отобрали аккредитацию на сессию маслихата.", authenticationResults: [Ours]), 2);

        // Another server's verdict sits below ours in a real mail: only the topmost of ours counts.
        var third = await SendAsync(Mail(Journalist, "Третье", "Главного редактора вызвали в полицию для дачи показаний.", authenticationResults: [Theirs]), 3);
        var fourth = await SendAsync(Mail(Journalist, "Четвёртое", "Сайт издания заблокирован провайдером второй день.",
            authenticationResults: ["mx.adilsoz.kz; spf=fail smtp.mailfrom=kaz-media.kz; dkim=none; dmarc=fail header.from=kaz-media.kz", Ours]), 4);

        await _world.QueryAsync(async db =>
        {
            var rows = await db.Submissions.Where(s => new[] { first, second, third, fourth }.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync();
            Assert.Equal(rows[0].ReporterId, rows[1].ReporterId);
            Assert.Equal((null, null), (rows[0].SenderNotVerified, rows[1].SenderNotVerified));
            Assert.NotEqual(rows[0].ReporterId, rows[2].ReporterId);
            Assert.Equal("No authentication result from our mail server.", rows[2].SenderNotVerified);
            Assert.NotEqual(rows[0].ReporterId, rows[3].ReporterId);
            Assert.StartsWith("Our mail server found no aligned DMARC pass (dmarc=fail)", rows[3].SenderNotVerified, StringComparison.Ordinal);
            return 0;
        });
    }

    private async Task<long> SendAsync(byte[] raw, int expectedItems)
    {
        await _world.Dovecot.AppendAsync(raw);
        await _world.WaitUntilSettledAsync(expectedItems, Timeout);
        return await _world.QueryAsync(db => db.Submissions.OrderByDescending(s => s.Id).Select(s => s.Id).FirstAsync());
    }

    private string Reference(long submissionId) =>
        _world.QueryAsync(db => db.Submissions.Where(s => s.Id == submissionId).Select(s => s.Reference).SingleAsync()).GetAwaiter().GetResult();

    /// <summary>What the Admin's "ask the reporter" writes, sent by the Worker's outbound job.</summary>
    private async Task AskAsync(IHost worker, long submissionId)
    {
        var id = await _world.QueryAsync(async db =>
        {
            var s = await db.Submissions.SingleAsync(x => x.Id == submissionId);
            var message = new OutboundMessage
            {
                IdempotencyKey = $"question:{s.Id}:{Guid.NewGuid():N}",
                Channel = Channel.Email,
                Kind = OutboundKind.Question,
                SubmissionId = s.Id,
                ReporterId = s.ReporterId,
                Subject = $"[{s.Reference}] Вопрос по вашему сообщению",
                Body = $"У монитора фонда вопрос по вашему сообщению {s.Reference}: где это было?",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.OutboundMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        worker.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(id, CancellationToken.None));
    }

    private Task<int> WaitUntilOutboxEmptyAsync() =>
        Poll.UntilAsync(() => _world.QueryAsync(db => db.OutboundMessages.CountAsync(o => o.Status == OutboundStatus.Queued)), n => n == 0, Timeout);

    private static byte[] Mail(string from, string subject, string body, string? replyTo = null, IReadOnlyList<string>? authenticationResults = null)
    {
        var message = new MimeMessage();
        foreach (var value in authenticationResults ?? [])
        {
            message.Headers.Add("Authentication-Results", value);
        }

        message.From.Add(MailboxAddress.Parse(from));
        if (replyTo is not null)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }

        message.To.Add(MailboxAddress.Parse("info@adilsoz.kz"));
        message.Subject = subject;
        message.MessageId = $"{Guid.NewGuid():N}@{from[(from.IndexOf('@') + 1)..]}";
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new TextPart("plain") { Text = body };
        return Bytes(message);
    }

    /// <summary>A permanent-failure report (RFC 3464) for <paramref name="recipient"/>, returning the headers of <paramref name="returnedMessageId"/>.</summary>
    internal static byte[] Bounce(string recipient, string returnedMessageId)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@kaz-media.kz"));
        message.To.Add(MailboxAddress.Parse("info@adilsoz.kz"));
        message.Subject = "Undelivered Mail Returned to Sender";
        message.MessageId = $"{Guid.NewGuid():N}@kaz-media.kz";
        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = $"The mail to <{recipient}> could not be delivered: user unknown." },
            new MessageDeliveryStatus
            {
                Content = new MimeContent(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(
                    $"Reporting-MTA: dns; mx.kaz-media.kz\r\n\r\nFinal-Recipient: rfc822; {recipient}\r\nAction: failed\r\nStatus: 5.1.1\r\n"))),
            },
            new MimePart("text", "rfc822-headers")
            {
                Content = new MimeContent(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(
                    $"From: info@adilsoz.kz\r\nTo: {recipient}\r\nSubject: [AS-2026-00001] Received\r\nMessage-ID: <{returnedMessageId}>\r\n"))),
            },
        };
        message.Body = report;
        return Bytes(message);
    }

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
