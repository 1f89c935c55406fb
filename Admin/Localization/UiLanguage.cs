using System.Globalization;

namespace AdilSoz.Intake.Admin.Localization;

/// <summary>
/// The language of the admin site (ru, kk, en): <c>?lang=</c> switches it and remembers it in a
/// cookie; otherwise the cookie, then the browser's Accept-Language, then Russian. It becomes the
/// request's UI culture, which <see cref="UiText"/> reads; the formatting culture stays as it is.
/// </summary>
public static class UiLanguage
{
    public const string CookieName = "adilsoz.lang";
    public static readonly string[] Supported = ["ru", "kk", "en"];

    public static string Current(HttpContext context)
    {
        if (context.Items[CookieName] is string cached)
        {
            return cached;
        }

        var lang = Pick(context.Request.Query["lang"]) ?? Pick(context.Request.Cookies[CookieName]);
        if (lang is null)
        {
            lang = context.Request.GetTypedHeaders().AcceptLanguage
                .OrderByDescending(l => l.Quality ?? 1)
                .Select(l => Pick(l.Value.Value?.Split('-')[0]))
                .FirstOrDefault(l => l is not null) ?? "ru";
        }

        context.Items[CookieName] = lang;
        return lang;
    }

    /// <summary>
    /// Middleware step: the request's language becomes its UI culture, and a <c>?lang=</c> choice is stored
    /// in a cookie for the next pages.
    /// </summary>
    public static void UseUiLanguage(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Current(ctx));
        if (Pick(ctx.Request.Query["lang"]) is { } chosen)
        {
            ctx.Response.Cookies.Append(CookieName, chosen, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
            });
        }

        await next();
    });

    private static string? Pick(string? value) =>
        value is not null && Supported.Contains(value.Trim().ToLowerInvariant()) ? value.Trim().ToLowerInvariant() : null;
}
