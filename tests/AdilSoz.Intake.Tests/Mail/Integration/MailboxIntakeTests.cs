using System.Security.Cryptography;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Mail.Corpus;
using AdilSoz.Intake.Worker.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AdilSoz.Intake.Tests.Mail.Integration;

/// <summary>The corpus through a real Dovecot mailbox, the Worker's jobs on PostgreSQL, and a real SMTP server.</summary>
[Collection(MailIntegration.Name)]
public sealed class MailboxIntakeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>The corpus cases an IMAP server can hold (the garbage bytes are not a message to append).</summary>
    public static IReadOnlyList<CorpusCase> MailboxCorpus => [.. CorpusMessages.All.Where(c => !c.Error)];

    /// <summary>
    /// What the Worker makes of a case. The follow-up carries a reference we do not have (AS-2026-00042), but its
    /// References name the windows-1251 report of the corpus, written from the same address, so it joins that report.
    /// </summary>
    public static SubmissionKind ExpectedKind(CorpusCase c) => c.Kind;

    [Fact]
    public async Task The_corpus_dropped_into_the_mailbox_becomes_the_right_submissions_and_one_acknowledgement_each()
    {
        await using var world = await MailWorld.StartAsync();
        foreach (var c in MailboxCorpus)
        {
            await world.Dovecot.AppendAsync(c.Raw);
        }

        var worker = world.CreateWorker();
        await worker.StartAsync();
        var settled = await world.WaitUntilSettledAsync(MailboxCorpus.Count, Timeout);
        Assert.Equal((MailboxCorpus.Count, 0), settled);
        var acknowledged = MailboxCorpus.Where(c => c.Acknowledge).ToList();
        var sent = await world.Smtp.WaitForMessagesAsync(acknowledged.Count, Timeout);
        await WaitUntilOutboxEmptyAsync(world);

        Assert.Equal(0, await world.Dovecot.CountAsync());
        Assert.Equal(MailboxCorpus.Count, await world.Dovecot.CountAsync("Processed"));
        var rows = await world.QueryAsync(db => db.Submissions.Include(s => s.Attachments)
            .Join(db.InboundItems, s => s.InboundItemId, i => i.Id, (s, i) => new { Submission = s, i.MessageId })
            .ToListAsync());
        Assert.Equal(MailboxCorpus.Count, rows.Count);
        var blobs = await world.QueryAsync(db => db.Blobs.ToDictionaryAsync(b => b.Sha256, b => b.Bytes));
        foreach (var c in MailboxCorpus)
        {
            var id = MailStore.ReadMessageId(c.Raw);
            var s = Assert.Single(rows, r => r.MessageId == id).Submission;
            Assert.True(ExpectedKind(c) == s.Kind, $"{c.Name}: kind {s.Kind}");
            var status = ExpectedKind(c) is SubmissionKind.Report or SubmissionKind.Followup ? SubmissionStatus.Pending : SubmissionStatus.Ignored;
            Assert.True(status == s.Status, $"{c.Name}: status {s.Status}");
            Assert.Equal(c.Subject, s.Subject);
            if (s.Kind == SubmissionKind.Followup)
            {
                var parent = Assert.Single(rows, r => r.Submission.Id == s.ParentId);
                Assert.Equal("1a2b3c@mail.kz", parent.MessageId);
            }

            foreach (var words in c.TextContains)
            {
                Assert.Contains(words, s.Text, StringComparison.Ordinal);
            }

            foreach (var file in c.Files)
            {
                var hash = Convert.ToHexStringLower(SHA256.HashData(file.Content));
                var attachment = Assert.Single(s.Attachments, a => a.FileName == file.Name);
                Assert.Equal(hash, attachment.Sha256);
                Assert.Equal(AttachmentStatus.Stored, attachment.Status);
                Assert.Equal(file.Content, blobs[hash]);
            }

            var acks = sent.Where(m => id is not null ? m.InReplyTo == id : (m.Subject ?? "").Contains(c.Subject, StringComparison.Ordinal)).ToList();
            if (c.Acknowledge)
            {
                var ack = Assert.Single(acks);
                Assert.StartsWith($"[{s.Reference}] ", ack.Subject, StringComparison.Ordinal);
                Assert.Equal("auto-replied", ack.Headers["Auto-Submitted"]);
                Assert.Contains(s.Reference, ack.TextBody, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(acks.Count == 0, $"{c.Name} was answered");
            }
        }

        Assert.Equal(acknowledged.Count, world.Smtp.Messages.Count);
    }

    [Fact]
    public async Task A_reply_to_an_acknowledgement_joins_the_original_report_and_a_permanent_bounce_of_our_mail_marks_the_reporter_unreachable()
    {
        await using var world = await MailWorld.StartAsync();
        var worker = world.CreateWorker();
        await worker.StartAsync();
        var report = CorpusMessages.Get("windows-1251 encoded words and 8-bit body");
        await world.Dovecot.AppendAsync(report.Raw);
        var ack = Assert.Single(await world.Smtp.WaitForMessagesAsync(1, Timeout));

        var reply = new MimeMessage();
        reply.From.Add(new MailboxAddress("Алмас Нурланов", "a.nurlanov@mail.kz"));
        reply.To.Add(MailboxAddress.Parse("info@adilsoz.kz"));
        reply.Subject = "Re: " + ack.Subject;
        reply.MessageId = "reply.1@mail.kz";
        reply.InReplyTo = ack.MessageId;
        reply.References.Add(ack.MessageId!);
        reply.Body = new TextPart("plain") { Text = "Добавляю: камеру вернули через неделю.\n\n> Спасибо, что написали\n" };
        await world.Dovecot.AppendAsync(Bytes(reply));

        // A reply that only threads by headers (subject changed, no reference in it).
        var bare = new MimeMessage();
        bare.From.Add(MailboxAddress.Parse("a.nurlanov@mail.kz"));
        bare.To.Add(MailboxAddress.Parse("info@adilsoz.kz"));
        bare.Subject = "ещё фото";
        bare.MessageId = "reply.2@mail.kz";
        bare.InReplyTo = "1a2b3c@mail.kz";
        bare.Body = new TextPart("plain") { Text = "Ещё одно фото будет позже.\n" };
        await world.Dovecot.AppendAsync(Bytes(bare));

        await world.WaitUntilSettledAsync(3, Timeout);
        var submissions = await world.QueryAsync(db => db.Submissions.OrderBy(s => s.Id).ToListAsync());
        Assert.Equal(3, submissions.Count);
        var original = submissions[0];
        Assert.Equal(SubmissionKind.Report, original.Kind);
        Assert.All(submissions.Skip(1), s =>
        {
            Assert.Equal(SubmissionKind.Followup, s.Kind);
            Assert.Equal(original.Id, s.ParentId);
            Assert.Equal(SubmissionStatus.Pending, s.Status);
            Assert.Equal(original.ReporterId, s.ReporterId);
        });
        Assert.Contains("камеру вернули через неделю", submissions[1].Text, StringComparison.Ordinal);

        // The bounced address is a reporter of ours: a report first, then the bounce.
        var gone = new MimeMessage();
        gone.From.Add(MailboxAddress.Parse("gone.reporter@mail.kz"));
        gone.To.Add(MailboxAddress.Parse("info@adilsoz.kz"));
        gone.Subject = "Сообщение";
        gone.MessageId = "gone.1@mail.kz";
        gone.Body = new TextPart("plain") { Text = "Редакцию выселили из здания.\n" };
        await world.Dovecot.AppendAsync(Bytes(gone));
        await world.WaitUntilSettledAsync(4, Timeout);
        var goneAck = (await world.Smtp.WaitForMessagesAsync(2, Timeout))[1];
        await world.Dovecot.AppendAsync(ForgedSenderTests.Bounce("gone.reporter@mail.kz", goneAck.MessageId!));
        await world.WaitUntilSettledAsync(5, Timeout);

        var reporters = await world.QueryAsync(db => db.Reporters.Where(r => r.Unreachable).CountAsync());
        Assert.Equal(1, reporters);
        await WaitUntilOutboxEmptyAsync(world);
        Assert.Equal(2, world.Smtp.Messages.Count);
    }

    [Fact]
    public async Task The_same_Message_ID_twice_is_one_submission_and_both_copies_are_moved()
    {
        await using var world = await MailWorld.StartAsync();
        var report = CorpusMessages.Get("Kazakh UTF-8 base64");
        await world.Dovecot.AppendAsync(report.Raw);
        await world.Dovecot.AppendAsync(report.Raw);
        var worker = world.CreateWorker();
        await worker.StartAsync();

        await world.WaitUntilSettledAsync(1, Timeout);
        await Poll.UntilAsync(() => world.Dovecot.CountAsync(), n => n == 0, Timeout);
        await world.Smtp.WaitForMessagesAsync(1, Timeout);
        await WaitUntilOutboxEmptyAsync(world);

        Assert.Equal(0, await world.Dovecot.CountAsync());
        Assert.Equal(2, await world.Dovecot.CountAsync("Processed"));
        Assert.Equal(1, await world.QueryAsync(db => db.InboundItems.CountAsync()));
        Assert.Equal(1, await world.QueryAsync(db => db.Submissions.CountAsync()));
        Assert.Single(world.Smtp.Messages);
    }

    [Fact]
    public async Task With_SMTP_down_the_acknowledgement_waits_and_goes_out_once_when_it_is_back()
    {
        await using var world = await MailWorld.StartAsync();
        await world.Smtp.StopAsync();
        var worker = world.CreateWorker();
        await worker.StartAsync();
        await world.Dovecot.AppendAsync(CorpusMessages.Get("KOI8-R encoded words and quoted-printable body").Raw);

        var failed = await Poll.UntilAsync(
            () => world.QueryAsync(db => db.OutboundMessages.SingleOrDefaultAsync()),
            o => o is { Attempts: > 0, Error: not null }, Timeout);
        Assert.NotNull(failed);
        Assert.Equal(OutboundStatus.Queued, failed.Status);
        Assert.NotNull(failed.ProviderMessageId);

        await world.Smtp.StartAsync();
        var sent = Assert.Single(await world.Smtp.WaitForMessagesAsync(1, Timeout));
        var done = await Poll.UntilAsync(() => world.QueryAsync(db => db.OutboundMessages.SingleAsync()), o => o.Status == OutboundStatus.Sent, Timeout);

        Assert.Equal(OutboundStatus.Sent, done.Status);
        Assert.Equal(failed.ProviderMessageId, sent.MessageId);
        Assert.Single(world.Smtp.Messages);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_kept_for_an_operator_and_its_sender_is_told()
    {
        await using var world = await MailWorld.StartAsync();
        var worker = world.CreateWorker(extra: new Dictionary<string, string?> { ["Mail:MaxMessageBytes"] = "4096" });
        await worker.StartAsync();
        await world.Dovecot.AppendAsync(CorpusMessages.Get("attachments with Cyrillic RFC 2231 and RFC 2047 names, inline image").Raw);

        await world.WaitUntilSettledAsync(1, Timeout);
        var notice = Assert.Single(await world.Smtp.WaitForMessagesAsync(1, Timeout));
        var s = await world.QueryAsync(db => db.Submissions.SingleAsync());
        var item = await world.QueryAsync(db => db.InboundItems.SingleAsync());

        Assert.Equal(SubmissionStatus.NeedsAttention, s.Status);
        Assert.False(string.IsNullOrWhiteSpace(s.AttentionReason));
        Assert.Equal(InboundStatus.NeedsAttention, item.Status);
        Assert.True(item.RawSize > 4096);
        Assert.Contains(s.Reference, notice.Subject, StringComparison.Ordinal);
        Assert.Equal("lawyer@mail.ru", notice.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Two_reports_from_one_sender_within_minutes_get_one_acknowledgement_and_the_other_is_recorded_as_suppressed()
    {
        await using var world = await MailWorld.StartAsync();
        for (var i = 1; i <= 2; i++)
        {
            var mail = new MimeMessage();
            mail.From.Add(MailboxAddress.Parse("busy.reporter@mail.kz"));
            mail.To.Add(MailboxAddress.Parse("info@adilsoz.kz"));
            mail.Subject = $"Сообщение {i}";
            mail.MessageId = $"busy.{i}@mail.kz";
            mail.Body = new TextPart("plain") { Text = $"Второй случай давления на редакцию, эпизод {i}.\n" };
            await world.Dovecot.AppendAsync(Bytes(mail));
        }

        var worker = world.CreateWorker();
        await worker.StartAsync();
        await world.WaitUntilSettledAsync(2, Timeout);
        await world.Smtp.WaitForMessagesAsync(1, Timeout);
        await WaitUntilOutboxEmptyAsync(world);

        var outbox = await world.QueryAsync(db => db.OutboundMessages.OrderBy(o => o.Status).ToListAsync());
        Assert.Equal(2, await world.QueryAsync(db => db.Submissions.CountAsync(s => s.Kind == SubmissionKind.Report)));
        Assert.Equal([OutboundStatus.Sent, OutboundStatus.Suppressed], outbox.Select(o => o.Status));
        Assert.Contains("5 minutes", outbox[1].Error, StringComparison.Ordinal);
        Assert.Single(world.Smtp.Messages);
    }

    [Fact]
    public async Task Without_an_SMTP_host_the_acknowledgement_stays_queued_with_the_reason()
    {
        await using var world = await MailWorld.StartAsync();
        var worker = world.CreateWorker(extra: new Dictionary<string, string?> { ["Smtp:Host"] = null });
        await worker.StartAsync();
        await world.Dovecot.AppendAsync(CorpusMessages.Get("Kazakh UTF-8 base64").Raw);

        // The acknowledgement's attempt and the pipeline are two jobs that may run in either order: wait for both.
        var (queued, submission) = await Poll.UntilAsync(
            () => world.QueryAsync(async db => (await db.OutboundMessages.SingleOrDefaultAsync(), await db.Submissions.SingleOrDefaultAsync())),
            r => r.Item1 is { Attempts: > 0, Error: not null } && r.Item2 is { Status: not SubmissionStatus.Received }, Timeout);

        Assert.NotNull(queued);
        Assert.Equal(OutboundStatus.Queued, queued.Status);
        Assert.Contains("Smtp:Host is not set", queued.Error, StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Pending, submission!.Status);
        Assert.Empty(world.Smtp.Messages);
    }

    private static async Task WaitUntilOutboxEmptyAsync(MailWorld world) =>
        await Poll.UntilAsync(() => world.QueryAsync(db => db.OutboundMessages.CountAsync(o => o.Status == OutboundStatus.Queued)), n => n == 0, Timeout);

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MailIntegration
{
    public const string Name = "mail integration";
}
