using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Language.Reference;

namespace AdilSoz.Intake.Admin.Registry;

/// <summary>Names of reference items in the language of the page.</summary>
public static class Names
{
    public static string Of(Region r, HttpContext http) => Of(r.NameRu, r.NameKk, r.NameEn, UiLanguage.Current(http));

    public static string Of(Category c, HttpContext http) => Of(c.NameRu, c.NameKk, c.NameEn, UiLanguage.Current(http));

    public static string Of(string ru, string kk, string en, string language) => language switch
    {
        "kk" => kk,
        "en" => en,
        _ => ru,
    };
}
