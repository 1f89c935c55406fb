using Microsoft.Extensions.Localization;

namespace AdilSoz.Intake.Admin.WebForm;

/// <summary>
/// Texts of the public pages: <c>PublicText.resx</c> (Russian) with <c>.kk</c> and <c>.en</c>, in the language
/// <see cref="Localization.UiLanguage"/> chose (the <c>?lang=</c> link, then its cookie, then Accept-Language).
/// In a view: <c>@T["Report.Title"]</c>; <c>T.Format("Error.FileTooLarge", name, size)</c>.
/// </summary>
public sealed class PublicText(IStringLocalizer<PublicText> texts)
{
    public string this[string key] => texts[key];

    public string Format(string key, params object[] arguments) => texts[key, arguments];
}
