using AdilSoz.Intake.Language.Reference;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Dedup;

/// <summary>
/// Places of Kazakhstan known from the reference list of regions (names in three languages, centres
/// and common spellings), matched by phonetic key so "Уральске", "Uralsk" and "Оралда" all find
/// West Kazakhstan.
/// </summary>
public static class Gazetteer
{
    private sealed record Entry(string Region, string Key, string Display, bool Latin);

    // Words that are place names but far more often a person's name in reports (Abai, Zhambyl).
    private static readonly HashSet<string> Ambiguous = new(StringComparer.OrdinalIgnoreCase)
    {
        "Абай", "Abai", "Abay", "Жамбыл", "Zhambyl", "Jambyl", "Акмола город",
    };

    private static readonly string[] RegionWords = ["область", "облысы", "region", "обл", "г", "city"];

    private static readonly Dictionary<string, List<Entry>> ByVariant = Build();

    /// <summary>The region and display name of a place word (or two words joined), or null.</summary>
    public static PlaceMention? Find(string word)
    {
        var key = NameKeys.Key(word);
        if (key.Length < 3)
        {
            return null;
        }

        foreach (var variant in NameKeys.Variants(key))
        {
            if (ByVariant.TryGetValue(variant, out var entries))
            {
                var matching = entries.Where(e => NameKeys.Same(e.Key, key)).ToList();
                if (matching.Count > 0)
                {
                    // Prefer the English spelling for display.
                    var best = matching.FirstOrDefault(IsLatinAlias) ?? matching[0];
                    return new PlaceMention(best.Region, best.Key, best.Display);
                }
            }
        }

        return null;
    }

    /// <summary>Display name of a region code ("west_kazakhstan" → "West Kazakhstan").</summary>
    public static string RegionDisplay(string code) =>
        ReferenceData.Regions.FirstOrDefault(r => r.Code == code)?.NameEn.Replace(" Region", "", StringComparison.Ordinal) ?? code;

    private static bool IsLatinAlias(Entry e) => e.Latin;

    private static Dictionary<string, List<Entry>> Build()
    {
        var map = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var region in ReferenceData.Regions)
        {
            var names = new List<string> { region.NameEn, region.NameRu, region.NameKk, region.Center ?? "" };
            names.AddRange(region.Aliases);

            // Latin aliases first so they are preferred for display.
            foreach (var name in names.OrderBy(n => n.All(c => c < 128) ? 0 : 1))
            {
                if (Ambiguous.Contains(name))
                {
                    continue;
                }

                var words = name.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries)
                    .Where(w => !RegionWords.Contains(w.ToLowerInvariant()))
                    .ToArray();
                if (words.Length == 0 || words.Length > 2)
                {
                    continue;
                }

                var joined = string.Concat(words).Replace("-", "", StringComparison.Ordinal);
                var key = NameKeys.Key(joined);
                if (key.Length < 3)
                {
                    continue;
                }

                var display = joined.All(c => c < 128)
                    ? TextNormalizer.TitleCase(string.Join(" ", words))
                    : TextNormalizer.TitleCase(Transliterator.ToLatin(string.Join("-", words)));
                var entry = new Entry(region.Code, key, display, joined.All(c => c < 128));
                foreach (var variant in NameKeys.Variants(key))
                {
                    if (!map.TryGetValue(variant, out var list))
                    {
                        map[variant] = list = [];
                    }

                    if (!list.Any(e => e.Region == entry.Region && e.Key == entry.Key))
                    {
                        list.Add(entry);
                    }
                }
            }
        }

        return map;
    }
}
