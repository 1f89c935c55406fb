namespace AdilSoz.Intake.Core.Reports;

/// <summary>The report languages, as the two-letter codes used throughout (CONTRACT.md <c>lang=en|ru|kk</c>).</summary>
public static class ReportLanguage
{
    public const string English = "en";
    public const string Russian = "ru";
    public const string Kazakh = "kk";

    public static IReadOnlyList<string> All { get; } = [Kazakh, Russian, English];

    public static bool IsSupported(string? lang) =>
        lang is not null && All.Contains(lang.Trim().ToLowerInvariant());

    /// <summary>The code in lower case; an unknown language is an <see cref="ArgumentException"/>.</summary>
    public static string Normalize(string lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        var code = lang.Trim().ToLowerInvariant();
        return All.Contains(code)
            ? code
            : throw new ArgumentException($"Unknown report language '{lang}'; use kk, ru or en.", nameof(lang));
    }
}
