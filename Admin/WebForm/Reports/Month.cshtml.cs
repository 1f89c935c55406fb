using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdilSoz.Intake.Admin.WebForm.Reports;

/// <summary>
/// <c>/reports/YYYY-MM</c>: the foundation's monthly report of the published incidents, in the reader's language, in
/// the layout of the staff report (the same <see cref="MonthlyReportRenderer"/>); no script.
/// </summary>
public sealed class MonthModel(IntakeDbContext db) : PageModel
{
    public ReportDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, int month, CancellationToken ct)
    {
        if (year is < 1900 or > 9999 || month is < 1 or > 12)
        {
            return NotFound();
        }

        if (await Incidents.PublicFreshness.IsCurrentAsync(HttpContext, db, ct))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var report = await PublicMonthlyReport.ComputeAsync(db, year, month, ct);
        Document = MonthlyReportRenderer.Build(report, UiLanguage.Current(HttpContext));
        return Page();
    }
}
