using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdilSoz.Intake.Admin.Pages.Reports;

/// <summary>
/// <c>/reports/YYYY-MM?lang=en|ru|kk</c>: the monthly report in the foundation's layout, computed from
/// the registry, printable (the site's header and tools are hidden in print).
/// </summary>
[Authorize(Policy = AdminSecurity.MonitorPolicy)]
public sealed class MonthModel(IntakeDbContext db) : PageModel
{
    public ReportDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, int month, string? lang, CancellationToken ct)
    {
        if (year is < 1900 or > 9999 || month is < 1 or > 12)
        {
            return NotFound();
        }

        var language = ReportLanguage.IsSupported(lang) ? ReportLanguage.Normalize(lang!) : UiLanguage.Current(HttpContext);
        var report = await RegistryStore.MonthlyReportAsync(db, year, month, ct);
        Document = MonthlyReportRenderer.Build(report, language);
        return Page();
    }
}
