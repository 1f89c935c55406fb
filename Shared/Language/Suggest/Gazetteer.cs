using System.Collections.Frozen;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Suggest;

/// <summary>A settlement of Kazakhstan: canonical Russian name, region code and every known name.</summary>
public sealed record Settlement(string Name, string Region, IReadOnlyList<string> Names);

/// <summary>A place named in a text: the region, the settlement if the name was one, the words as written.</summary>
public readonly record struct PlaceMention(string Region, string? Settlement, string Surface, int Offset);

/// <summary>
/// Gazetteer of Kazakhstan: all regions and ~150 settlements in Russian, Kazakh and English with old
/// names, common spellings and grammatical forms. Every form is precompiled into one dictionary keyed
/// by normalised words, looked up by span, so finding places in a text costs a few lookups per word.
/// </summary>
public static class Gazetteer
{
    private static readonly string[] RuRegionEndings = ["ая", "ой", "ую"];
    private static readonly string[] RuRegionNouns = ["область", "области", "областью", "обл", "облысы"];
    private static readonly string[] KkRegionNouns =
        ["облысы", "облысында", "облысындағы", "облысының", "облысынан", "облысына", "облысын"];
    private static readonly string[] EnRegionNouns = ["region", "oblast", "province"];

    // "улица Сатпаева", "Сәтбаев көшесі", "Satpayev street": a street, not the town.
    private static readonly FrozenSet<string> StreetBefore = FrozenSet.ToFrozenSet(
        ["ул", "улица", "улице", "улицы", "улицу", "улицей", "проспект", "проспекте", "проспекта", "пр", "им", "имени",
         "бульвар", "бульваре", "переулок", "переулке", "мкр", "микрорайон", "микрорайоне"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> StreetAfter = FrozenSet.ToFrozenSet(
        ["көшесі", "көшесінде", "көшесіндегі", "көшесінің", "даңғылы", "даңғылында", "даңғылындағы",
         "street", "st", "str", "avenue", "ave", "ауданы", "ауданында", "району", "район", "районе"], StringComparer.Ordinal);

    private static readonly (Dictionary<string, Entry> Index, List<Settlement> Settlements) Data = Build();

    private static readonly Dictionary<string, Entry> Index = Data.Index;

    private static readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Index.GetAlternateLookup<ReadOnlySpan<char>>();

    // For each first word of a key, the most words a key starting with it has: most words start none.
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> FirstWordLookup =
        Index.Keys
            .GroupBy(k => k.Split(' ')[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(k => k.Count(c => c == ' ') + 1), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StreetBeforeLookup =
        StreetBefore.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StreetAfterLookup =
        StreetAfter.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IReadOnlyList<Settlement> Settlements { get; } = Data.Settlements;

    /// <summary>Number of precompiled keys (forms), for diagnostics.</summary>
    public static int FormCount => Index.Count;

    /// <summary>The settlement one name (in any language, spelling or grammatical form) denotes, or null.</summary>
    public static Settlement? FindSettlement(string name) =>
        Lookup.TryGetValue(PlaceForms.Key(name), out var e) ? e.Settlement : null;

    /// <summary>The places named in a text, in order of appearance.</summary>
    public static IReadOnlyList<PlaceMention> FindPlaces(string text) => FindPlaces(TokenizedText.Create(text));

    internal static List<PlaceMention> FindPlaces(TokenizedText t)
    {
        var found = new List<PlaceMention>();
        var i = 0;
        while (i < t.Count)
        {
            var matched = 0;
            if (!FirstWordLookup.TryGetValue(t.Token(i), out var longest))
            {
                i++;
                continue;
            }

            for (var n = Math.Min(longest, t.Count - i); n >= 1; n--)
            {
                if (!Lookup.TryGetValue(t.Run(i, n), out var e))
                {
                    continue;
                }

                if (e.Capital != CapitalRule.None && !(t.StartsUpper(i) && (e.Capital == CapitalRule.Capital || !t.StartsSentence(i))))
                {
                    continue;
                }

                if (e.Settlement is not null && (IsStreet(t, i, n) || (e.PersonLike && NextToName(t, i, n))))
                {
                    continue;
                }

                found.Add(new PlaceMention(e.Region, e.Settlement?.Name, t.Surface(i, i + n - 1), t.OriginalStart(i)));
                matched = n;
                break;
            }

            i += Math.Max(1, matched);
        }

        return found;
    }

    private static bool IsStreet(TokenizedText t, int i, int n) =>
        (i > 0 && StreetBeforeLookup.Contains(t.Token(i - 1)))
        || (i + n < t.Count && StreetAfterLookup.Contains(t.Token(i + n)));

    // A capitalised word mid-sentence right before or after, which is not itself a place.
    private static bool NextToName(TokenizedText t, int i, int n) =>
        (i > 0 && !t.StartsSentence(i) && IsName(t, i - 1)) || (i + n < t.Count && IsName(t, i + n));

    private static bool IsName(TokenizedText t, int k) =>
        t.StartsUpper(k) && !t.StartsSentence(k) && !Lookup.ContainsKey(t.Token(k));

    private static (Dictionary<string, Entry> Index, List<Settlement> Settlements) Build()
    {
        var index = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var settlements = new List<Settlement>();
        foreach (var (region, names) in GazetteerData.Settlements)
        {
            var clean = names.Select(Bare).Distinct().ToArray();
            var settlement = new Settlement(clean[0], region, clean);
            settlements.Add(settlement);
            foreach (var name in names)
            {
                var entry = new Entry(region, settlement, Rule(name), GazetteerData.PersonLike.Contains(Bare(name)));
                foreach (var key in PlaceForms.Of(Bare(name)))
                {
                    index.TryAdd(key, entry);
                }
            }
        }

        foreach (var (region, adjective, kk, en, standalone) in GazetteerData.Regions)
        {
            var entry = new Entry(region, null, CapitalRule.None, false);
            foreach (var ending in RuRegionEndings)
            {
                foreach (var noun in RuRegionNouns)
                {
                    index.TryAdd($"{adjective}{ending} {noun}", entry);
                }
            }

            index.TryAdd($"{adjective}их областях", entry);
            index.TryAdd($"{adjective}ой областях", entry);
            index.TryAdd($"{adjective}ой и", entry);
            var kkKey = PlaceForms.Key(kk);
            foreach (var noun in KkRegionNouns)
            {
                index.TryAdd($"{kkKey} {noun}", entry);
            }

            var enKey = PlaceForms.Key(en);
            foreach (var noun in EnRegionNouns)
            {
                index.TryAdd($"{enKey} {noun}", entry);
                index.TryAdd($"{noun} of {enKey}", entry);
            }

            foreach (var name in standalone)
            {
                foreach (var key in PlaceForms.Of(name))
                {
                    index.TryAdd(key, entry);
                }
            }
        }

        // Adjectives last, so that "карагандинской" alone, a region word, stays the region's.
        foreach (var settlement in settlements)
        {
            var first = GazetteerData.Settlements.First(x => Bare(x.Names[0]) == settlement.Name).Names[0];
            var irregular = GazetteerData.IrregularAdjectives.GetValueOrDefault(settlement.Name);
            if (Rule(first) != CapitalRule.None && irregular is null)
            {
                continue;
            }

            var entry = new Entry(settlement.Region, settlement, CapitalRule.None, false);
            foreach (var key in PlaceForms.Adjectives(settlement.Name, irregular))
            {
                index.TryAdd(key, entry);
            }
        }

        return (index, settlements);
    }

    private static CapitalRule Rule(string name) => name[0] switch
    {
        '^' => CapitalRule.CapitalMidSentence,
        '~' => CapitalRule.Capital,
        _ => CapitalRule.None,
    };

    private static string Bare(string name) => name.TrimStart('^', '~');

    private enum CapitalRule
    {
        None,
        Capital,
        CapitalMidSentence,
    }

    private sealed record Entry(string Region, Settlement? Settlement, CapitalRule Capital, bool PersonLike);
}
