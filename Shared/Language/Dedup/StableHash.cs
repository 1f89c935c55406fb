namespace AdilSoz.Intake.Language.Dedup;

/// <summary>Hashes that never change between runs or machines (they are stored in the database).</summary>
internal static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    public static ulong Of(string value)
    {
        var h = FnvOffset;
        foreach (var c in value)
        {
            h ^= c;
            h *= FnvPrime;
        }

        return Mix(h);
    }

    public static int Of32(string value) => unchecked((int)(Of(value) >> 32));

    /// <summary>SplitMix64 finaliser: spreads every input bit over the whole word.</summary>
    public static ulong Mix(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
            return x ^ (x >> 31);
        }
    }

    public static long Combine(ulong kind, ulong a, ulong b = 0, ulong c = 0) =>
        unchecked((long)Mix(Mix(Mix(kind * 0x100000001B3 ^ a) ^ b) ^ c));
}
