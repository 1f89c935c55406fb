using AdilSoz.Intake.Language.Reference;

namespace AdilSoz.Intake.Core.Registry;

/// <summary>The name of a region or category in a language (ru, kk, en); any other language gets Russian.</summary>
public static class ReferenceNames
{
    public static string Of(Region r, string language) => Of(r.NameRu, r.NameKk, r.NameEn, language);

    public static string Of(Category c, string language) => Of(c.NameRu, c.NameKk, c.NameEn, language);

    private static string Of(string ru, string kk, string en, string language) => language switch
    {
        "kk" => kk,
        "en" => en,
        _ => ru,
    };
}
