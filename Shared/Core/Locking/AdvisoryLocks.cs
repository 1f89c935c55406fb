using System.Security.Cryptography;
using System.Text;

namespace AdilSoz.Intake.Core.Locking;

/// <summary>
/// Every PostgreSQL advisory-lock key of the system. A key's top byte says what it locks: one byte for each
/// single lock below, one for each family of keys made from a value (a mailbox, a mail, an address), whose
/// other 56 bits are a hash of the value. So a single lock never meets a family's key, and two families
/// never meet.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>One process at a time migrates the database (session lock, <c>IntakeDatabase.MigrateAsync</c>).</summary>
    public static readonly long Migration = Single(0x01);

    /// <summary>One writer at a time of the duplicate index (transaction lock: the pipeline's batch, the rebuild).</summary>
    public static readonly long DedupIndex = Single(0x02);

    /// <summary>One pass at a time over a mailbox folder, across Workers (session lock).</summary>
    public static long Mailbox(string host, string? username, string folder) =>
        Keyed(0x11, $"{host}:{username}:{folder}".ToLowerInvariant());

    /// <summary>One store at a time of a mail with the same identity (Message-ID or content hash; transaction lock).</summary>
    public static long Mail(string identity) => Keyed(0x12, identity);

    /// <summary>The keys of several mails, distinct and in order, so two chunks taking them never wait on each other in a circle.</summary>
    public static long[] Mail(IEnumerable<string> identities) => identities.Select(i => Mail(i)).Distinct().Order().ToArray();

    /// <summary>One acknowledgement decision at a time for a sender address (by its key hash; transaction lock).</summary>
    public static long Acknowledgement(string addressHash) => Keyed(0x13, addressHash);

    /// <summary>The keys of several addresses' <see cref="Acknowledgement"/> locks, each once, in the one order every holder of several takes them.</summary>
    public static long[] Acknowledgements(IEnumerable<string> addressHashes) => [.. addressHashes.Select(Acknowledgement).Distinct().Order()];

    /// <summary>The single locks, by name, for the table's test.</summary>
    public static IReadOnlyDictionary<string, long> Singles { get; } = new Dictionary<string, long>
    {
        [nameof(Migration)] = Migration,
        [nameof(DedupIndex)] = DedupIndex,
    };

    private static long Single(byte kind) => (long)kind << 56;

    private static long Keyed(byte kind, string value)
    {
        var hash = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0);
        return ((long)kind << 56) | (hash & 0x00FF_FFFF_FFFF_FFFF);
    }

    /// <summary>What a key locks: its top byte.</summary>
    public static byte KindOf(long key) => (byte)((ulong)key >> 56);
}
