using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Dedup;

/// <summary>
/// Index keys of a fingerprint: MinHash LSH bands over its terms (texts that share many stems share
/// a band), one key per form of each name, one per file and one per place and date, and the combined
/// keys name + date and name + region. Two submissions about one event share at least one key with
/// high probability; unrelated ones rarely do. A combined key is far more selective than its parts (a
/// common surname is shared by hundreds of reports a year, the surname on one day by a handful), so it
/// weighs more in candidate ranking and reads more rows (see <see cref="IndexKey.Combined"/>).
/// </summary>
public static class DedupKeys
{
    /// <summary>Bands of the MinHash signature; each band is <see cref="Rows"/> minima.</summary>
    public const int Bands = 10;

    public const int Rows = 2;

    private const ulong BandKind = 1;
    private const ulong NameKind = 2;
    private const ulong FileKind = 3;
    private const ulong PlaceDateKind = 4;
    private const ulong NameDateKind = 5;
    private const ulong NamePlaceKind = 6;

    private static readonly ulong[] Seeds = Enumerable.Range(1, Bands * Rows)
        .Select(i => StableHash.Mix((ulong)i * 0x9E3779B97F4A7C15))
        .ToArray();

    /// <summary>Weight of one shared key in candidate ranking: a file or a name says more than a text band.</summary>
    public const float BandWeight = 1f, NameWeight = 2f, FileWeight = 4f, PlaceDateWeight = 2f;

    /// <summary>Weight of a shared name on the same date / in the same region (shared among the name's forms).</summary>
    public const float NameDateWeight = 4f, NamePlaceWeight = 2f;

    public static IEnumerable<long> Of(Fingerprint fp) => WeightedOf(fp).Keys;

    /// <summary>The keys with their weights (a name's weight is shared among its forms).</summary>
    public static Dictionary<long, IndexKey> WeightedOf(Fingerprint fp)
    {
        var keys = new Dictionary<long, IndexKey>();
        if (fp.Terms.Length >= 3)
        {
            var minima = new ulong[Seeds.Length];
            Array.Fill(minima, ulong.MaxValue);
            foreach (var term in fp.Terms)
            {
                for (var i = 0; i < Seeds.Length; i++)
                {
                    var h = StableHash.Mix((uint)term ^ Seeds[i]);
                    if (h < minima[i])
                    {
                        minima[i] = h;
                    }
                }
            }

            for (var b = 0; b < Bands; b++)
            {
                keys.TryAdd(StableHash.Combine(BandKind, (ulong)b, minima[b * Rows], minima[(b * Rows) + 1]), new IndexKey(BandWeight, false));
            }
        }

        var regions = fp.Places.Where(p => p.Region is not null).Select(p => p.Region!).Distinct().ToList();
        foreach (var name in fp.Names)
        {
            var variants = NameKeys.Variants(name.Key).Distinct().ToList();
            foreach (var variant in variants)
            {
                var hash = StableHash.Of(variant);
                keys.TryAdd(StableHash.Combine(NameKind, hash), new IndexKey(NameWeight / variants.Count, false));
                foreach (var date in fp.Dates)
                {
                    keys.TryAdd(StableHash.Combine(NameDateKind, hash, (ulong)date.DayNumber), new IndexKey(NameDateWeight / variants.Count, true));
                }

                foreach (var region in regions)
                {
                    keys.TryAdd(StableHash.Combine(NamePlaceKind, hash, StableHash.Of(region)), new IndexKey(NamePlaceWeight / variants.Count, true));
                }
            }
        }

        foreach (var file in fp.Files)
        {
            keys[StableHash.Combine(FileKind, StableHash.Of(file))] = new IndexKey(FileWeight, true);
        }

        foreach (var region in regions)
        {
            foreach (var date in fp.Dates)
            {
                keys.TryAdd(StableHash.Combine(PlaceDateKind, StableHash.Of(region), (ulong)date.DayNumber), new IndexKey(PlaceDateWeight, false));
            }
        }

        return keys;
    }
}

/// <summary>
/// An index key's weight in candidate ranking, and whether it is a selective one (a file, a name with a
/// date or a region) that may read more rows than a single-token key.
/// </summary>
public readonly record struct IndexKey(float Weight, bool Combined);
