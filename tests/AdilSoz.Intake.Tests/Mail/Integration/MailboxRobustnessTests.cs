using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Mail.Corpus;
using AdilSoz.Intake.Worker.Mail;
using Hangfire;
using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdilSoz.Intake.Tests.Mail.Integration;

/// <summary>Crashes, UIDVALIDITY changes and two Workers on one mailbox: nothing lost, nothing twice.</summary>
[Collection(MailIntegration.Name)]
public sealed class MailboxRobustnessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static readonly string[] Three =
    [
        "windows-1251 encoded words and 8-bit body", "report without Message-ID", "HTML only with script, style, onclick and tracking pixel",
    ];

    [Fact]
    public async Task A_crash_between_store_and_move_loses_nothing_and_duplicates_nothing()
    {
        await using var world = await MailWorld.StartAsync();
        foreach (var name in Three)
        {
            await world.Dovecot.AppendAsync(CorpusMessages.Get(name).Raw);
        }

        var host = world.CreateWorker(watch: false);
        var session = ActivatorUtilities.CreateInstance<MailboxSession>(host.Services);
        // The job queue fails right after the first mail's commit, before its move: as a crash there would.
        await using (await JobQueueDownAsync(world))
        {
            await Assert.ThrowsAsync<BackgroundJobClientException>(() => session.RunOnceAsync(CancellationToken.None));
        }

        // The first message is stored, and still in the INBOX.
        Assert.Equal(1, await world.QueryAsync(db => db.InboundItems.CountAsync()));
        Assert.Equal(3, await world.Dovecot.CountAsync());

        var pass = await session.RunOnceAsync(CancellationToken.None);
        Assert.Equal(new MailboxPass(3, 2, 1, 3), pass);
        Assert.Equal(0, await world.Dovecot.CountAsync());
        Assert.Equal(3, await world.Dovecot.CountAsync("Processed"));

        await host.StartAsync();
        await world.WaitUntilSettledAsync(3, Timeout);
        Assert.Equal(3, await world.QueryAsync(db => db.InboundItems.CountAsync()));
        Assert.Equal(3, await world.QueryAsync(db => db.Submissions.CountAsync()));
        await world.Smtp.WaitForMessagesAsync(3, Timeout);
        await Poll.UntilAsync(() => world.QueryAsync(db => db.OutboundMessages.CountAsync(o => o.Status == OutboundStatus.Queued)), n => n == 0, Timeout);
        Assert.Equal(3, world.Smtp.Messages.Count);
    }

    [Fact]
    public async Task A_changed_UIDVALIDITY_rescans_the_folder_without_duplicates()
    {
        await using var world = await MailWorld.StartAsync();
        foreach (var name in Three)
        {
            await world.Dovecot.AppendAsync(CorpusMessages.Get(name).Raw);
        }

        var host = world.CreateWorker(watch: false);
        var session = ActivatorUtilities.CreateInstance<MailboxSession>(host.Services);

        // Stored, then every pass fails before the move (the job queue is down), so all three stay in the INBOX.
        var before = await world.Dovecot.UidValidityAsync();
        await using (await JobQueueDownAsync(world))
        {
            for (var i = 0; i < 3; i++)
            {
                await Assert.ThrowsAsync<BackgroundJobClientException>(() => session.RunOnceAsync(CancellationToken.None));
            }
        }

        Assert.Equal(1, await world.QueryAsync(db => db.InboundItems.CountAsync()));
        await world.Dovecot.ChangeUidValidityAsync();
        Assert.NotEqual(before, await world.Dovecot.UidValidityAsync());

        var pass = await session.RunOnceAsync(CancellationToken.None);

        Assert.Equal(3, pass.Seen);
        Assert.Equal(1, pass.Duplicates);
        Assert.Equal(0, await world.Dovecot.CountAsync());
        var keys = await world.QueryAsync(db => db.InboundItems.Select(i => i.SourceKey).ToListAsync());
        Assert.Equal(3, keys.Count);
        Assert.Single(keys, k => k.Contains($":{before}:", StringComparison.Ordinal));

        // A second full re-scan of the processed mail (e.g. moved back by a person) stores nothing new.
        using (var client = await world.Dovecot.ConnectAsync())
        {
            var processed = await client.GetFolderAsync("Processed");
            await processed.OpenAsync(FolderAccess.ReadWrite);
            await processed.MoveToAsync(await processed.SearchAsync(MailKit.Search.SearchQuery.All), client.Inbox);
            await client.DisconnectAsync(true);
        }

        await world.Dovecot.ChangeUidValidityAsync();
        var again = await session.RunOnceAsync(CancellationToken.None);
        Assert.Equal(new MailboxPass(3, 0, 3, 3), again);
        Assert.Equal(3, await world.QueryAsync(db => db.InboundItems.CountAsync()));
    }

    [Fact]
    public async Task Two_watchers_on_one_mailbox_ingest_each_message_once()
    {
        await using var world = await MailWorld.StartAsync();
        var corpus = MailboxIntakeTests.MailboxCorpus;
        foreach (var c in corpus)
        {
            await world.Dovecot.AppendAsync(c.Raw);
        }

        var first = world.CreateWorker();
        var second = world.CreateWorker();
        await Task.WhenAll(first.StartAsync(), second.StartAsync());

        await Poll.UntilAsync(() => world.Dovecot.CountAsync(), n => n == 0, Timeout);
        await world.WaitUntilSettledAsync(corpus.Count, Timeout);
        var sent = await world.Smtp.WaitForMessagesAsync(corpus.Count(c => c.Acknowledge), Timeout);
        await Poll.UntilAsync(() => world.QueryAsync(db => db.OutboundMessages.CountAsync(o => o.Status == OutboundStatus.Queued)), n => n == 0, Timeout);

        Assert.Equal(corpus.Count, await world.Dovecot.CountAsync("Processed"));
        Assert.Equal(corpus.Count, await world.QueryAsync(db => db.InboundItems.CountAsync()));
        Assert.Equal(corpus.Count, await world.QueryAsync(db => db.Submissions.CountAsync()));
        Assert.Equal(corpus.Count(c => c.Acknowledge), world.Smtp.Messages.Count);
        Assert.Equal(sent.Count, sent.Select(m => m.InReplyTo ?? m.Subject).Distinct().Count());
    }

    [Fact]
    public async Task A_Worker_process_killed_while_taking_in_the_corpus_loses_nothing_and_duplicates_nothing()
    {
        await using var world = await MailWorld.StartAsync();
        var corpus = MailboxIntakeTests.MailboxCorpus;
        foreach (var c in corpus)
        {
            await world.Dovecot.AppendAsync(c.Raw);
        }

        var environment = world.Settings().ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);
        environment["ConnectionStrings__Intake"] = world.Database.ConnectionString;
        using (var process = System.Diagnostics.Process.Start(HostProcess.StartInfo("Worker", environment))!)
        {
            // Killed as soon as the first mail is stored: mid-pass, with mail stored and not yet moved or ingested.
            var stored = await Poll.UntilAsync(() => world.QueryAsync(db => db.InboundItems.CountAsync()), n => n > 0, Timeout, TimeSpan.FromMilliseconds(20));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.True(stored > 0, await process.StandardError.ReadToEndAsync());
        }

        Assert.True(await world.Dovecot.CountAsync() > 0, "the kill came too late to interrupt the pass");
        var worker = world.CreateWorker();
        await worker.StartAsync();

        await Poll.UntilAsync(() => world.Dovecot.CountAsync(), n => n == 0, Timeout);
        await world.WaitUntilSettledAsync(corpus.Count, Timeout);
        await world.Smtp.WaitForMessagesAsync(corpus.Count(c => c.Acknowledge), Timeout);
        await Poll.UntilAsync(() => world.QueryAsync(db => db.OutboundMessages.CountAsync(o => o.Status == OutboundStatus.Queued)), n => n == 0, Timeout);

        Assert.Equal(corpus.Count, await world.Dovecot.CountAsync("Processed"));
        Assert.Equal(corpus.Count, await world.QueryAsync(db => db.InboundItems.CountAsync()));
        Assert.Equal(corpus.Count, await world.QueryAsync(db => db.Submissions.CountAsync()));
        Assert.Equal(corpus.Count(c => c.Acknowledge), world.Smtp.Messages.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Two_sessions_racing_over_the_same_messages_store_each_once()
    {
        await using var world = await MailWorld.StartAsync();
        var corpus = MailboxIntakeTests.MailboxCorpus;
        foreach (var c in corpus)
        {
            await world.Dovecot.AppendAsync(c.Raw);
        }

        var host = world.CreateWorker(watch: false);
        var a = ActivatorUtilities.CreateInstance<MailboxSession>(host.Services);
        var b = ActivatorUtilities.CreateInstance<MailboxSession>(host.Services);

        var passes = await Task.WhenAll(a.RunOnceAsync(CancellationToken.None), b.RunOnceAsync(CancellationToken.None));

        Assert.Equal(corpus.Count, passes.Sum(p => p.Stored));
        Assert.Equal(corpus.Count, await world.QueryAsync(db => db.InboundItems.CountAsync()));
        Assert.Equal(0, await world.Dovecot.CountAsync());
        Assert.Equal(corpus.Count, await world.Dovecot.CountAsync("Processed"));
    }

    /// <summary>
    /// Takes Hangfire's job table away until disposed, so that enqueueing fails with a database error: the moment
    /// after a mail's store is committed and before it is moved.
    /// </summary>
    private static async Task<IAsyncDisposable> JobQueueDownAsync(MailWorld world)
    {
        await ExecuteAsync(world, "ALTER TABLE hangfire.job RENAME TO job_away");
        return new Restore(() => ExecuteAsync(world, "ALTER TABLE hangfire.job_away RENAME TO job"));
    }

    private static async Task ExecuteAsync(MailWorld world, string sql)
    {
        await using var connection = new NpgsqlConnection(world.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Restore(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }
}
