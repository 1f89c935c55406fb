using System.Globalization;
using AdilSoz.Intake.Admin.Api;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Language.Reference;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Pages.Incidents;

/// <summary>The registry: filters (period, region, category, outlet, case kind, text), keyset pages, CSV export.</summary>
[Authorize(Policy = AdminSecurity.MonitorPolicy)]
public sealed class IndexModel(IntakeDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Id, string Title, DateOnly OccurredOn, string? RegionCode, string? CategoryCode, List<string> Outlets, bool IsPublic, int Cases,
        string? AssignedTo);

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outlet { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? CaseKind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary><c>me</c>: the caller's incidents; <c>none</c>: nobody's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Assigned { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public string? Next { get; private set; }

    public string? Problem { get; private set; }

    public List<Region> Regions { get; private set; } = [];

    public List<Category> Categories { get; private set; } = [];

    /// <summary>The current filters as a query string (without the cursor), for the export and next-page links.</summary>
    public string FilterQuery => string.Join('&', new (string, string?)[]
        {
            ("from", From), ("to", To), ("region", Region), ("category", Category), ("outlet", Outlet), ("caseKind", CaseKind), ("q", Q), ("assigned", Assigned),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FilterAsync(ct) is not { } filter)
        {
            return Page();
        }

        (DateOnly, long)? after = null;
        try
        {
            if (ApiConventions.DecodeCursor(Cursor) is { Length: 2 } c)
            {
                after = (DateOnly.Parse(c[0].GetString()!, CultureInfo.InvariantCulture), c[1].GetInt64());
            }
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            after = null;
        }

        var incidents = filter.Apply(db.Incidents.AsNoTracking(), Categories, db.InternalNotes);
        var actor = Moderation.ActorName.Of(User);
        incidents = Assigned switch
        {
            "me" => incidents.Where(i => i.AssignedTo == actor),
            "none" => incidents.Where(i => i.AssignedTo == null),
            _ => incidents,
        };
        var rows = await IncidentFilter.After(incidents, after)
            .Take(PageSize + 1)
            .Select(i => new Row(i.Id, i.Title, i.OccurredOn, i.RegionCode, i.CategoryCode, i.Outlets, i.IsPublic, i.LegalCases.Count, i.AssignedTo))
            .ToListAsync(ct);
        Items = rows.Take(PageSize).ToList();
        if (rows.Count > PageSize)
        {
            var last = rows[PageSize - 1];
            Next = ApiConventions.EncodeCursor(last.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last.Id);
        }

        return Page();
    }

    /// <summary><c>?handler=csv</c>: the incidents with the current filters, UTF-8 with BOM.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => await FilterAsync(ct) is { } filter
        ? File(Csv.Utf8WithBom.GetPreamble().Concat(Csv.Utf8WithBom.GetBytes(await IncidentCsv.ExportIncidentsAsync(db, filter, Categories, ct))).ToArray(),
            "text/csv; charset=utf-8", "incidents.csv")
        : BadRequest(Problem ?? "Bad filter.");

    /// <summary><c>?handler=cases</c>: the legal cases of the filtered incidents, UTF-8 with BOM.</summary>
    public async Task<IActionResult> OnGetCasesAsync(CancellationToken ct) => await FilterAsync(ct) is { } filter
        ? File(Csv.Utf8WithBom.GetPreamble().Concat(Csv.Utf8WithBom.GetBytes(await CaseCsv.ExportAsync(db, filter, Categories, ct))).ToArray(),
            "text/csv; charset=utf-8", "cases.csv")
        : BadRequest(Problem ?? "Bad filter.");

    /// <summary><c>?handler=xlsx</c>: the incidents with the current filters as a spreadsheet.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => await FilterAsync(ct) is { } filter
        ? File(await RegistryXlsx.WriteAsync("incidents", IncidentCsv.IncidentColumns, IncidentCsv.IncidentRowsAsync(db, filter, Categories, ct), ct),
            RegistryXlsx.ContentType, "incidents.xlsx")
        : BadRequest(Problem ?? "Bad filter.");

    /// <summary><c>?handler=casesxlsx</c>: the legal cases of the filtered incidents as a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCasesXlsxAsync(CancellationToken ct) => await FilterAsync(ct) is { } filter
        ? File(RegistryXlsx.Write("cases", CaseCsv.Columns, await CaseCsv.RowsAsync(db, filter, Categories, ct)), RegistryXlsx.ContentType, "cases.xlsx")
        : BadRequest(Problem ?? "Bad filter.");

    public string RegionName(string? code) => Regions.FirstOrDefault(r => r.Code == code) is { } r ? Names.Of(r, HttpContext) : code ?? "";

    public string CategoryName(string? code) => Categories.FirstOrDefault(c => c.Code == code) is { } c ? Names.Of(c, HttpContext) : code ?? "";

    private async Task<IncidentFilter?> FilterAsync(CancellationToken ct)
    {
        (Regions, Categories) = await RegistryStore.ReferenceAsync(db, ct);
        var problem = IncidentsApi.ParseFilter(Regions, Categories, From, To, Region, Category, Outlet, CaseKind, Q, out var filter);
        if (problem is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult p)
        {
            Problem = p.ProblemDetails.Detail;
            return null;
        }

        return filter;
    }
}
