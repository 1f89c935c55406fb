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
/// One unit of work on the mailbox with its own IMAP connection: every message of the watched folder
/// is stored (raw, encrypted, in one transaction), then its ingest job is enqueued, then it is moved
/// to the processed folder. A crash between store and move leaves the message in the folder; the next pass
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
        var maxBytes = parserOptions.Value.MaxMessageBytes;
        int stored = 0, duplicates = 0, moved = 0, headersOnly = 0;
        foreach (var uid in uids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[]? raw = null;
            var size = sizes.GetValueOrDefault(uid);
            try
            {
                if (size <= maxBytes)
                {
                    raw = await DownloadAsync(folder, uid, maxBytes, cancellationToken);
                }

                if (raw is null)
                {
                    // Over the limit (or bigger than the server said): only the header section is fetched.
                    raw = await DownloadHeadersAsync(folder, uid, cancellationToken);
                    size = Math.Max(size, maxBytes + 1);
                    headersOnly++;
                    logger.LogWarning("Mail UID {Uid} is {Size} bytes, over the {Limit}-byte limit: only its headers are stored", uid.Id, size, maxBytes);
                }
            }
            catch (MessageNotFoundException)
            {
                // Another Worker moved it a moment ago.
                continue;
            }

            var key = $"{o.Username}:{folder.UidValidity}:{uid.Id}";
            StoredMail result;
            using (var scope = scopes.CreateScope())
            {
                result = await scope.ServiceProvider.GetRequiredService<MailStore>().StoreAsync(key, raw, Math.Max(size, raw.LongLength), cancellationToken);
            }

            if (result.Duplicate)
            {
                duplicates++;
            }
            else
            {
                stored++;
            }

            // Note: the job is enqueued before the move. Should the enqueue fail (the database cut off a
            // moment), the message stays in the folder and the next pass, seconds later, enqueues it again;
            // moved first, it would wait for the sweeper. Enqueued twice (the move failed) is harmless.
            if (result.Pending)
            {
                var id = result.InboundItemId;
                jobs.Enqueue<IMailIngestJob>(JobQueues.Intake, j => j.ProcessAsync(id, CancellationToken.None));
            }

            if (await MoveAsync(client, folder, processed, uid, cancellationToken))
            {
                moved++;
            }

            logger.LogInformation("Mail UID {Uid} stored as inbound item {InboundItemId} (duplicate: {Duplicate})", uid.Id, result.InboundItemId, result.Duplicate);
        }

        return new MailboxPass(uids.Count, stored, duplicates, moved, headersOnly);
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

    /// <summary>The whole message, or null when it turns out longer than <paramref name="maxBytes"/> (it is not held).</summary>
    private static async Task<byte[]?> DownloadAsync(IMailFolder folder, UniqueId uid, long maxBytes, CancellationToken cancellationToken)
    {
        using var stream = await folder.GetStreamAsync(uid, cancellationToken);
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

    /// <summary>MOVE when the server has it; else COPY, flag \Deleted and expunge that UID only (UIDPLUS), never anything else.</summary>
    private async Task<bool> MoveAsync(ImapClient client, IMailFolder folder, IMailFolder processed, UniqueId uid, CancellationToken cancellationToken)
    {
        if (client.Capabilities.HasFlag(ImapCapabilities.Move))
        {
            await folder.MoveToAsync(uid, processed, cancellationToken);
            return true;
        }

        await folder.CopyToAsync(uid, processed, cancellationToken);
        await folder.AddFlagsAsync(uid, MessageFlags.Deleted, true, cancellationToken);
        if (client.Capabilities.HasFlag(ImapCapabilities.UidPlus))
        {
            await folder.ExpungeAsync([uid], cancellationToken);
        }
        else
        {
            logger.LogWarning("The IMAP server has neither MOVE nor UIDPLUS: handled mail is copied and flagged deleted, not expunged");
        }

        return true;
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
