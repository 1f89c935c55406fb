using AdilSoz.Intake.Text;

namespace AdilSoz.Intake.Dedup;

/// <summary>
/// Index keys of a fingerprint: MinHash LSH bands over its terms (texts that share many stems share
/// a band), one key per form of each name, one per file and one per place and date. Two
/// submissions about one event share at least one key with high probability; unrelated ones rarely do.
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

    private static readonly ulong[] Seeds = Enumerable.Range(1, Bands * Rows)
        .Select(i => StableHash.Mix((ulong)i * 0x9E3779B97F4A7C15))
        .ToArray();

    /// <summary>Weight of one shared key in candidate ranking: a file or a name says more than a text band.</summary>
    public const float BandWeight = 1f, NameWeight = 2f, FileWeight = 4f, PlaceDateWeight = 2f;

    public static IEnumerable<long> Of(Fingerprint fp) => WeightedOf(fp).Keys;

    /// <summary>The keys with their weights (a name's weight is shared among its forms).</summary>
    public static Dictionary<long, float> WeightedOf(Fingerprint fp)
    {
        var keys = new Dictionary<long, float>();
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
                keys.TryAdd(StableHash.Combine(BandKind, (ulong)b, minima[b * Rows], minima[(b * Rows) + 1]), BandWeight);
            }
        }

        foreach (var name in fp.Names)
        {
            var variants = NameKeys.Variants(name.Key).Distinct().ToList();
            foreach (var variant in variants)
            {
                keys.TryAdd(StableHash.Combine(NameKind, StableHash.Of(variant)), NameWeight / variants.Count);
            }
        }

        foreach (var file in fp.Files)
        {
            keys[StableHash.Combine(FileKind, StableHash.Of(file))] = FileWeight;
        }

        foreach (var place in fp.Places.Where(p => p.Region is not null).Select(p => p.Region!).Distinct())
        {
            foreach (var date in fp.Dates)
            {
                keys.TryAdd(StableHash.Combine(PlaceDateKind, StableHash.Of(place), (ulong)date.DayNumber), PlaceDateWeight);
            }
        }

        return keys;
    }
}
