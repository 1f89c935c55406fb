using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Locking;
using Hangfire;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>What one pass over the watched folder did; <paramref name="HeadersOnly"/>: oversize mail of which only the headers were stored.</summary>
public sealed record MailboxPass(int Seen, int Stored, int Duplicates, int Moved, int HeadersOnly = 0);

/// <summary>
/// One unit of work on the mailbox with its own IMAP connection: the messages of the watched folder are
/// taken in chunks of <see cref="ChunkSize"/>: a chunk is fetched with one FETCH, stored (raw, encrypted) in
/// one transaction, gets one ingest job, then is moved to the processed folder with one MOVE. A crash between store and move leaves the message in the folder; the next pass
/// recognises it as stored and just moves it. A message over <see cref="MailParserOptions.MaxMessageBytes"/>
/// (by its RFC822.SIZE) is never downloaded whole: its headers are stored instead, with its real size, so it
/// waits in "needs attention" and its sender is told, and the message itself is moved like any other.
/// </summary>
public sealed class MailboxSession(
    IServiceScopeFactory scopes,
    IBackgroundJobClient jobs,
    IOptions<MailboxOptions> options,
    IOptions<MailParserOptions> parserOptions,
    IOptions<DatabaseOptions> database,
    ILogger<MailboxSession> logger)
{
    public MailboxOptions Options => options.Value;

    /// <summary>Connects and authenticates a new client; the caller disposes it.</summary>
    public async Task<ImapClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var client = new ImapClient { Timeout = 120_000 };
        try
        {
            await client.ConnectAsync(o.Host ?? "", o.EffectivePort, o.Security switch
            {
                MailSecurity.None => SecureSocketOptions.None,
                MailSecurity.StartTls => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.SslOnConnect,
            }, cancellationToken);
            await client.AuthenticateAsync(o.Username ?? "", o.Password ?? "", cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Connects, handles every message in the folder once, disconnects.</summary>
    public async Task<MailboxPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var client = await ConnectAsync(cancellationToken);
        var pass = await ProcessAsync(client, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        return pass;
    }

    /// <summary>Handles every message in the watched folder on an open connection.</summary>
    public async Task<MailboxPass> ProcessAsync(ImapClient client, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var folder = await OpenFolderAsync(client, o.Folder, cancellationToken);
        var processed = await GetOrCreateFolderAsync(client, o.ProcessedFolder, cancellationToken);
        if (!folder.IsOpen || folder.Access != FolderAccess.ReadWrite)
        {
            await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        }

        // One pass at a time per mailbox across all Workers (a session-level advisory lock, released when the
        // connection closes, also when a Worker dies), so two instances never move the same message twice.
        // The connection is not pooled: closing it really ends the session and so releases the lock.
        var unpooled = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false }.ConnectionString;
        await using var guard = new NpgsqlConnection(unpooled);
        await guard.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", guard) { CommandTimeout = 0 })
        {
            take.Parameters.AddWithValue(AdvisoryLocks.Mailbox(o.Host ?? "", o.Username, o.Folder));
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        var uids = await folder.SearchAsync(SearchQuery.NotDeleted, cancellationToken);
        var sizes = await SizesAsync(folder, uids, cancellationToken);
        int stored = 0, duplicates = 0, moved = 0, headersOnly = 0;
        foreach (var chunk in Chunks(uids))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fetched = await DownloadChunkAsync(folder, chunk, sizes, cancellationToken);
            if (fetched.Count == 0)
            {
                continue;
            }

            headersOnly += fetched.Count(f => f.HeadersOnly);
            var mails = fetched.Select(f => new IncomingMail($"{o.Username}:{folder.UidValidity}:{f.Uid.Id}", f.Raw, f.Size)).ToList();
            IReadOnlyList<StoredMail> results;
            using (var scope = scopes.CreateScope())
            {
                results = await scope.ServiceProvider.GetRequiredService<MailStore>().StoreManyAsync(mails, cancellationToken);
            }

            duplicates += results.Count(r => r.Duplicate);
            stored += results.Count(r => !r.Duplicate);

            // Note: the job is enqueued before the move. Should the enqueue fail (the database cut off a
            // moment), the messages stay in the folder and the next pass, seconds later, enqueues them again;
            // moved first, they would wait for the sweeper. Enqueued twice (the move failed) is harmless.
            var pending = results.Where(r => r.Pending).Select(r => r.InboundItemId).Distinct().ToArray();
            if (pending.Length > 0)
            {
                jobs.Enqueue<IMailIngestJob>(JobQueues.Intake, j => j.ProcessManyAsync(pending, CancellationToken.None));
            }

            moved += await MoveAsync(client, folder, processed, [.. fetched.Select(f => f.Uid)], cancellationToken);
            logger.LogInformation("{Count} mails stored ({Duplicates} already stored) and moved", results.Count, results.Count(r => r.Duplicate));
        }

        return new MailboxPass(uids.Count, stored, duplicates, moved, headersOnly);
    }

    /// <summary>How many messages one FETCH, one store transaction, one ingest job and one MOVE take.</summary>
    public const int ChunkSize = 50;

    /// <summary>
    /// The first message alone, then chunks of <see cref="ChunkSize"/>: a pass that fails at its first step (the
    /// database or the job queue away) has committed one mail at most, as a pass of single mails would.
    /// </summary>
    private static IEnumerable<UniqueId[]> Chunks(IList<UniqueId> uids) =>
        uids.Count == 0 ? [] : uids.Skip(1).Chunk(ChunkSize).Prepend([uids[0]]);

    private sealed record Fetched(UniqueId Uid, byte[] Raw, long Size, bool HeadersOnly);

    /// <summary>
    /// The chunk's messages in UID order: those within the size limit with one <c>UID FETCH set BODY.PEEK[]</c>,
    /// the others (by RFC822.SIZE, or longer than the server said) as their header section only. A UID the
    /// server no longer has (another Worker moved it a moment ago) is left out.
    /// </summary>
    private async Task<List<Fetched>> DownloadChunkAsync(IMailFolder folder, UniqueId[] chunk, Dictionary<UniqueId, long> sizes, CancellationToken cancellationToken)
    {
        var maxBytes = parserOptions.Value.MaxMessageBytes;
        var whole = new Dictionary<UniqueId, byte[]>();
        var small = chunk.Where(u => sizes.TryGetValue(u, out var size) && size <= maxBytes).ToList();
        if (small.Count > 0)
        {
            // Note: ImapFolder.GetStreamsAsync is one UID FETCH of the set (BODY.PEEK[], so \Seen is not set).
            await ((ImapFolder)folder).GetStreamsAsync(small, async (_, _, uid, stream, ct) =>
            {
                if (await ReadLimitedAsync(stream, maxBytes, ct) is { } raw)
                {
                    whole[uid] = raw;
                }
            }, cancellationToken);
        }

        var fetched = new List<Fetched>(chunk.Length);
        foreach (var uid in chunk)
        {
            var size = sizes.GetValueOrDefault(uid);
            if (whole.TryGetValue(uid, out var raw))
            {
                fetched.Add(new Fetched(uid, raw, Math.Max(size, raw.LongLength), false));
                continue;
            }

            if (!sizes.ContainsKey(uid))
            {
                continue;
            }

            try
            {
                // Over the limit (or bigger than the server said), or gone since: only the header section is fetched.
                var headers = await DownloadHeadersAsync(folder, uid, cancellationToken);
                size = Math.Max(size, maxBytes + 1);
                logger.LogWarning("Mail UID {Uid} is {Size} bytes, over the {Limit}-byte limit: only its headers are stored", uid.Id, size, maxBytes);
                fetched.Add(new Fetched(uid, headers, size, true));
            }
            catch (MessageNotFoundException)
            {
                // Another Worker moved it a moment ago.
            }
        }

        return fetched;
    }

    /// <summary>The whole stream, or null when it turns out longer than <paramref name="maxBytes"/> (it is not held).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Each message's RFC822.SIZE, so a message's size is known before any of it is downloaded.</summary>
    private static async Task<Dictionary<UniqueId, long>> SizesAsync(IMailFolder folder, IList<UniqueId> uids, CancellationToken cancellationToken)
    {
        if (uids.Count == 0)
        {
            return [];
        }

        var summaries = await folder.FetchAsync(uids, new FetchRequest(MessageSummaryItems.Size), cancellationToken);
        return summaries.Where(m => m.Size is not null).ToDictionary(m => m.UniqueId, m => (long)m.Size!.Value);
    }

    /// <summary>At most <see cref="MaxHeaderBytes"/> of the message's header section (BODY.PEEK[HEADER]).</summary>
    private static async Task<byte[]> DownloadHeadersAsync(IMailFolder folder, UniqueId uid, CancellationToken cancellationToken)
    {
        // Note: a partial fetch (<0.N>) of the HEADER section, so even a hostile header block is bounded.
        using var stream = await folder.GetStreamAsync(uid, "HEADER", 0, MaxHeaderBytes, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private const int MaxHeaderBytes = 1024 * 1024;

    /// <summary>
    /// One <c>UID MOVE</c> of the set when the server has MOVE; else COPY of the set, flag \Deleted and expunge
    /// exactly those UIDs (UIDPLUS), never anything else. Returns how many were moved.
    /// </summary>
    private async Task<int> MoveAsync(ImapClient client, IMailFolder folder, IMailFolder processed, IList<UniqueId> uids, CancellationToken cancellationToken)
    {
        if (client.Capabilities.HasFlag(ImapCapabilities.Move))
        {
            await folder.MoveToAsync(uids, processed, cancellationToken);
            return uids.Count;
        }

        await folder.CopyToAsync(uids, processed, cancellationToken);
        await folder.AddFlagsAsync(uids, MessageFlags.Deleted, true, cancellationToken);
        if (client.Capabilities.HasFlag(ImapCapabilities.UidPlus))
        {
            await folder.ExpungeAsync(uids, cancellationToken);
        }
        else
        {
            logger.LogWarning("The IMAP server has neither MOVE nor UIDPLUS: handled mail is copied and flagged deleted, not expunged");
        }

        return uids.Count;
    }

    private static async Task<IMailFolder> OpenFolderAsync(ImapClient client, string name, CancellationToken cancellationToken)
    {
        var folder = name.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(name, cancellationToken);
        if (!folder.IsOpen)
        {
            await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        }

        return folder;
    }

    private static async Task<IMailFolder> GetOrCreateFolderAsync(ImapClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            try
            {
                return await root.CreateAsync(name, true, cancellationToken)
                    ?? throw new InvalidOperationException($"The folder {name} could not be created.");
            }
            catch (ImapCommandException)
            {
                // Another Worker created it at the same moment.
                return await client.GetFolderAsync(name, cancellationToken);
            }
        }
    }
}
