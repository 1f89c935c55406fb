using System.Resources;
using AdilSoz.Intake.Language.Text;
using Microsoft.Extensions.Localization;

namespace AdilSoz.Intake.Admin.Localization;

/// <summary>
/// Texts of the admin site: <c>UiText.resx</c> (Russian) with its <c>.kk</c> and <c>.en</c> satellites, in the
/// language <see cref="UiLanguage"/> chose for the request. In a view: <c>@inject UiText T</c>, then
/// <c>@T["Queue"]</c>; a missing key shows the key itself.
/// </summary>
public sealed class UiText(IStringLocalizer<UiText> texts, IHttpContextAccessor accessor)
{
    private static readonly ResourceManager Resources = new(typeof(UiText));

    public string Language => accessor.HttpContext is { } ctx ? UiLanguage.Current(ctx) : "ru";

    public string this[string key] => texts[key];

    /// <summary>A text in a given language rather than the request's: mail to a staff member, in the language they chose.</summary>
    public static string In(string? language, string key) => Resources.GetString(key, TextCulture.Of(language)) ?? key;
}
