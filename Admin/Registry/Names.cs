using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Language.Reference;

namespace AdilSoz.Intake.Admin.Registry;

/// <summary>Names of reference items in the language of the page.</summary>
public static class Names
{
    public static string Of(Region r, HttpContext http) => ReferenceNames.Of(r, UiLanguage.Current(http));

    public static string Of(Category c, HttpContext http) => ReferenceNames.Of(c, UiLanguage.Current(http));
}
