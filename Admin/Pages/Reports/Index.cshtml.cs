using System.Globalization;
using AdilSoz.Intake.Admin.Api;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdilSoz.Intake.Admin.Pages.Reports;

/// <summary>The month picker: a month opens <c>/reports/YYYY-MM</c>.</summary>
[Authorize(Policy = AdminSecurity.MonitorPolicy)]
public sealed class IndexModel(FoundationClock clock) : PageModel
{
    public string Suggested { get; private set; } = "";

    public IReadOnlyList<string> Recent { get; private set; } = [];

    public IActionResult OnGet(string? month)
    {
        if (ReportsApi.ParseMonth(month) is { } m)
        {
            return Redirect(FormattableString.Invariant($"/reports/{m.Year:D4}-{m.Month:D2}"));
        }

        var last = clock.Today.AddMonths(-1);
        Suggested = last.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Recent = [.. Enumerable.Range(0, 12).Select(i => last.AddMonths(-i).ToString("yyyy-MM", CultureInfo.InvariantCulture))];
        return Page();
    }
}
