using AdilSoz.Intake.Language.Reference;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Places;

// The phonetic fallback: names of the reference regions (three languages, centres, aliases) and of the
// settlements, matched by phonetic key, so a spelling or ending the forms lack still finds the place.
public static partial class Gazetteer
{
    // Words that are place names but far more often a person's name in reports (Abai, Zhambyl).
    private static readonly HashSet<string> Ambiguous = new(StringComparer.OrdinalIgnoreCase)
    {
        "Абай", "Abai", "Abay", "Жамбыл", "Zhambyl", "Jambyl", "Акмола город",
    };

    private static readonly string[] RegionWords = ["область", "облысы", "region", "обл", "г", "city"];

    private sealed record KeyEntry(PlaceMention Place, bool Latin);

    /// <summary>
    /// A capitalised word (or two, joined: "Nur Sultan") that no form matched, found by phonetic key.
    /// Lower-case words are left to the forms, which know which of them are also common words
    /// ("оралды" is "returned"); streets and people are told apart as for the forms.
    /// </summary>
    private static Found? ByPhoneticKey(TokenizedText t, int i)
    {
        if (t.Token(i).Length < 3 || !t.StartsUpper(i))
        {
            return null;
        }

        if (i + 1 < t.Count && t.StartsUpper(i + 1) && FindByKey(string.Concat(t.Token(i), t.Token(i + 1))) is { } pair)
        {
            return Guarded(t, i, 2, pair);
        }

        return FindByKey(t.Token(i).ToString()) is { } single ? Guarded(t, i, 1, single) : null;
    }

    private static Found? Guarded(TokenizedText t, int i, int n, PlaceMention place) =>
        IsStreet(t, i, n) || NextToName(t, i, n)
            ? null
            : new Found(place with { Surface = t.Surface(i, i + n - 1), Offset = t.OriginalStart(i) }, i, n);

    /// <summary>The place a word (or words joined) names by phonetic key, or null.</summary>
    private static PlaceMention? FindByKey(string word)
    {
        var key = NameKeys.Key(word);
        if (key.Length < 3)
        {
            return null;
        }

        foreach (var variant in NameKeys.Variants(key))
        {
            if (PhoneticIndex.ByVariant.TryGetValue(variant, out var entries))
            {
                var matching = entries.Where(e => NameKeys.Same(e.Place.Key, key)).ToList();
                if (matching.Count > 0)
                {
                    // The English spelling is the one shown.
                    return (matching.FirstOrDefault(e => e.Latin) ?? matching[0]).Place;
                }
            }
        }

        return null;
    }

    // Built on first use, after the forms: a reference name that is a known settlement carries it.
    private static class PhoneticIndex
    {
        public static readonly Dictionary<string, List<KeyEntry>> ByVariant = Build();

        private static Dictionary<string, List<KeyEntry>> Build()
        {
            var map = new Dictionary<string, List<KeyEntry>>(StringComparer.Ordinal);
            foreach (var region in ReferenceData.Regions)
            {
                var names = new List<string> { region.NameEn, region.NameRu, region.NameKk, region.Center ?? "" };
                names.AddRange(region.Aliases);
                foreach (var name in names.OrderBy(n => n.All(char.IsAscii) ? 0 : 1))
                {
                    Add(map, region.Code, name);
                }
            }

            // Settlements none of whose names is also a common word or a person's name: a phonetic key
            // reaches their other spellings too ("Alga" is "алга", "forward").
            foreach (var (region, names) in GazetteerData.Settlements)
            {
                if (names.Any(n => Rule(n) != CapitalRule.None || GazetteerData.PersonLike.Contains(n)))
                {
                    continue;
                }

                foreach (var name in names.OrderBy(n => n.All(char.IsAscii) ? 0 : 1))
                {
                    Add(map, region, name);
                }
            }

            return map;
        }

        private static void Add(Dictionary<string, List<KeyEntry>> map, string region, string name)
        {
            if (Ambiguous.Contains(name))
            {
                return;
            }

            var words = name.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => !RegionWords.Contains(w.ToLowerInvariant()))
                .ToArray();
            if (words.Length == 0 || words.Length > 2)
            {
                return;
            }

            var joined = string.Concat(words).Replace("-", "", StringComparison.Ordinal);
            var key = NameKeys.Key(joined);
            if (key.Length < 3)
            {
                return;
            }

            var latin = joined.All(char.IsAscii);
            var settlement = Lookup.TryGetValue(PlaceForms.Key(name), out var known) && known.Place.Region == region ? known.Place.Settlement : null;
            var display = latin
                ? TextNormalizer.TitleCase(string.Join(" ", words))
                : TextNormalizer.TitleCase(Transliterator.ToLatin(string.Join("-", words)));
            var entry = new KeyEntry(new PlaceMention(region, key, display) { Settlement = settlement }, latin);
            foreach (var variant in NameKeys.Variants(key))
            {
                if (!map.TryGetValue(variant, out var list))
                {
                    map[variant] = list = [];
                }

                if (!list.Exists(e => e.Place.Region == region && e.Place.Key == key))
                {
                    list.Add(entry);
                }
            }
        }
    }
}
