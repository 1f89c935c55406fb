using System.Globalization;
using System.Text;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Reports;

namespace AdilSoz.Intake.Admin.Api;

/// <summary>
/// <c>GET /api/v1/reports/monthly?month=YYYY-MM[&amp;format=md&amp;lang=en|ru|kk]</c> (CONTRACT.md) and the
/// downloads <c>/reports/YYYY-MM.md?lang=</c> (Markdown) and <c>/reports/YYYY-MM.docx?lang=</c> (Word).
/// </summary>
public static class ReportsApi
{
    public static void MapReportsApi(this WebApplication app)
    {
        app.MapGet("/api/v1/reports/monthly", MonthlyAsync).RequireAuthorization(AdminSecurity.MonitorPolicy);
        app.MapGet("/reports/{month}.md", MarkdownAsync).RequireAuthorization(AdminSecurity.MonitorPolicy);
        app.MapGet("/reports/{month}.docx", DocxAsync).RequireAuthorization(AdminSecurity.MonitorPolicy);
    }

    /// <summary>"YYYY-MM" as year and month; null when it is not one.</summary>
    public static (int Year, int Month)? ParseMonth(string? month)
    {
        if (month is not null && DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return (d.Year, d.Month);
        }

        return null;
    }

    private static async Task<IResult> MonthlyAsync(IntakeDbContext db, string? month, string? format, string? lang, CancellationToken ct)
    {
        if (ParseMonth(month) is not { } m)
        {
            return ApiConventions.BadRequest("Bad month", $"month=\"{month}\" is not a month; write YYYY-MM, e.g. 2021-02.");
        }

        if (format is not null && format is not ("md" or "json"))
        {
            return ApiConventions.BadRequest("Unknown format", $"format=\"{format}\"; accepted: json, md.");
        }

        if (lang is not null && !ReportLanguage.IsSupported(lang))
        {
            return ApiConventions.BadRequest("Unknown language", $"lang=\"{lang}\"; accepted: en, ru, kk.");
        }

        var report = await RegistryStore.MonthlyReportAsync(db, m.Year, m.Month, ct);
        return format == "md"
            ? Results.Text(MonthlyReportRenderer.ToMarkdown(report, ReportLanguage.Normalize(lang ?? "en")), "text/markdown; charset=utf-8", Encoding.UTF8)
            : Results.Json(report, MonthlyReport.JsonOptions);
    }

    private static async Task<IResult> MarkdownAsync(IntakeDbContext db, HttpContext http, string month, string? lang, CancellationToken ct)
    {
        if (ParseMonth(month) is not { } m)
        {
            return Results.NotFound();
        }

        var language = ReportLanguage.IsSupported(lang) ? ReportLanguage.Normalize(lang!) : Localization.UiLanguage.Current(http);
        var report = await RegistryStore.MonthlyReportAsync(db, m.Year, m.Month, ct);
        var bytes = Encoding.UTF8.GetBytes(MonthlyReportRenderer.ToMarkdown(report, language));
        return Results.File(bytes, "text/markdown; charset=utf-8", $"adilsoz-report-{report.Month}-{language}.md");
    }

    private static async Task<IResult> DocxAsync(IntakeDbContext db, HttpContext http, string month, string? lang, CancellationToken ct)
    {
        if (ParseMonth(month) is not { } m)
        {
            return Results.NotFound();
        }

        var language = ReportLanguage.IsSupported(lang) ? ReportLanguage.Normalize(lang!) : Localization.UiLanguage.Current(http);
        var report = await RegistryStore.MonthlyReportAsync(db, m.Year, m.Month, ct);
        var bytes = ReportDocx.Write(MonthlyReportRenderer.Build(report, language));
        return Results.File(bytes, ReportDocx.ContentType, $"adilsoz-report-{report.Month}-{language}.docx");
    }
}
