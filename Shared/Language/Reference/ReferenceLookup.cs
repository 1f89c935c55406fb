namespace AdilSoz.Intake.Language.Reference;

/// <summary>
/// Resolves a region or category given as a code or any of its names (kk, ru, en, aliases),
/// case-insensitively, as the JSON API and CSV import accept them.
/// </summary>
public static class ReferenceLookup
{
    public static string? FindRegion(IEnumerable<Region> regions, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = Key(value);
        return regions.FirstOrDefault(r =>
            Key(r.Code) == v || Key(r.NameKk) == v || Key(r.NameRu) == v || Key(r.NameEn) == v
            || r.Aliases.Any(a => Key(a) == v))?.Code;
    }

    public static string? FindCategory(IEnumerable<Category> categories, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = Key(value);
        return categories.FirstOrDefault(c =>
            Key(c.Code) == v || Key(c.NameKk) == v || Key(c.NameRu) == v || Key(c.NameEn) == v)?.Code;
    }

    private static string Key(string s) => s.Trim().ToLowerInvariant().Replace('ё', 'е');
}
