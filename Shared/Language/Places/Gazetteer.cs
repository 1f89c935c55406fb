using System.Collections.Frozen;
using AdilSoz.Intake.Language.Reference;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Places;

/// <summary>
/// The gazetteer of Kazakhstan, for suggestions and fingerprints alike: all regions and ~150
/// settlements in Russian, Kazakh and English with old names, common spellings and grammatical forms.
/// Every form is precompiled into one dictionary keyed by normalised words, looked up by span, so
/// finding places in a text costs a few lookups per word. A capitalised word no form matches is then
/// tried by phonetic key (<see cref="NameKeys"/>), which tolerates spellings and endings the forms
/// lack ("Uralskda", "Oskemende").
/// </summary>
public static partial class Gazetteer
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

    private static readonly Dictionary<string, Settlement> SettlementsByName = Data.Settlements.ToDictionary(s => s.Name, StringComparer.Ordinal);

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

    /// <summary>Display name of a region code ("west_kazakhstan" → "West Kazakhstan").</summary>
    public static string RegionDisplay(string code) =>
        ReferenceData.Regions.FirstOrDefault(r => r.Code == code)?.NameEn.Replace(" Region", "", StringComparison.Ordinal) ?? code;

    /// <summary>The settlement one name (in any language, spelling or grammatical form) denotes, or null.</summary>
    public static Settlement? FindSettlement(string name) => FindName(name) is { Settlement: { } s } ? SettlementsByName[s] : null;

    /// <summary>
    /// The place one name denotes (a settlement or region chosen in the dialogue): its forms first, then
    /// by phonetic key; null when the gazetteer does not know it.
    /// </summary>
    public static PlaceMention? FindName(string name)
    {
        if (Lookup.TryGetValue(PlaceForms.Key(name), out var e))
        {
            return e.Place;
        }

        var t = TokenizedText.Create(name);
        var joined = new System.Text.StringBuilder();
        for (var i = 0; i < t.Count; i++)
        {
            joined.Append(t.Token(i));
        }

        return FindByKey(joined.ToString());
    }

    /// <summary>The places named in a text, in order of appearance.</summary>
    public static IReadOnlyList<PlaceMention> FindPlaces(string text) => FindPlaces(TokenizedText.Create(text));

    internal static List<PlaceMention> FindPlaces(TokenizedText t) => Find(t).ConvertAll(f => f.Place);

    /// <summary>A place found in a tokenised text and the tokens it took.</summary>
    internal readonly record struct Found(PlaceMention Place, int First, int Count);

    /// <summary>
    /// The places named in a text, in order of appearance. Exact forms decide where they match (with
    /// the guards against common words, streets and people); a capitalised word they leave is tried by
    /// phonetic key, alone and joined with the next capitalised word.
    /// </summary>
    internal static List<Found> Find(TokenizedText t)
    {
        var found = new List<Found>();
        var i = 0;
        while (i < t.Count)
        {
            var matched = 0;
            if (FirstWordLookup.TryGetValue(t.Token(i), out var longest))
            {
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

                    if (e.Place.Settlement is not null && (IsStreet(t, i, n) || (e.PersonLike && NextToName(t, i, n))))
                    {
                        continue;
                    }

                    found.Add(new Found(e.Place with { Surface = t.Surface(i, i + n - 1), Offset = t.OriginalStart(i) }, i, n));
                    matched = n;
                    break;
                }
            }

            if (matched == 0 && ByPhoneticKey(t, i) is { } phonetic)
            {
                found.Add(phonetic);
                matched = phonetic.Count;
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
                var entry = new Entry(Mention(settlement, Bare(name)), Rule(name), GazetteerData.PersonLike.Contains(Bare(name)));
                foreach (var key in PlaceForms.Of(Bare(name)))
                {
                    index.TryAdd(key, entry);
                }
            }
        }

        foreach (var (region, adjective, kk, en, standalone) in GazetteerData.Regions)
        {
            var entry = new Entry(new PlaceMention(region, NameKeys.Key(RegionDisplay(region)), RegionDisplay(region)), CapitalRule.None, false);
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

            var entry = new Entry(Mention(settlement, settlement.Name), CapitalRule.None, false);
            foreach (var key in PlaceForms.Adjectives(settlement.Name, irregular))
            {
                index.TryAdd(key, entry);
            }
        }

        return (index, settlements);
    }

    /// <summary>
    /// A settlement as one of its names: the key of that name, shown in the settlement's Latin spelling of
    /// it ("Оралда" → Oral, "Уральске" → Uralsk), or transliterated when it has none.
    /// </summary>
    private static PlaceMention Mention(Settlement settlement, string name)
    {
        var key = NameKeys.Key(name);
        var latin = settlement.Names.FirstOrDefault(n => n.All(char.IsAscii) && NameKeys.Same(NameKeys.Key(n), key))
            ?? string.Join("-", name.Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries).Select(w => TextNormalizer.TitleCase(Transliterator.ToLatin(w))));
        return new PlaceMention(settlement.Region, key, latin) { Settlement = settlement.Name };
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

    private sealed record Entry(PlaceMention Place, CapitalRule Capital, bool PersonLike);
}
