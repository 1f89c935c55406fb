using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Admin.WebForm;

/// <summary>
/// <c>/report</c>: the web form. A post with a problem (a file too large or of a kind not accepted, a date in the
/// future) shows the form again with everything typed kept and the problem on top; a good one is stored whole
/// and answered with the reference and the receipt, on this page only.
/// </summary>
public sealed class ReportModel(IntakeDbContext db, WebReports reports, PublicText text, IOptions<PublicOptions> options, FoundationClock clock)
    : PageModel
{
    public static readonly string[] AffectedValues = ["me", "colleague", "outlet", "other"];

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public DateOnly? OccurredOn { get; set; }

    [BindProperty]
    public string? Region { get; set; }

    [BindProperty]
    public string? Settlement { get; set; }

    [BindProperty]
    public string? Affected { get; set; }

    [BindProperty]
    public bool MayName { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    /// <summary>The honeypot: hidden from people by the style sheet, filled by robots that fill every field.</summary>
    [BindProperty]
    public string? Website { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public List<string> Errors { get; } = [];

    public List<(string Code, string Name)> Regions { get; private set; } = [];

    public PublicOptions Limits => options.Value;

    public string Today => clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public (string Reference, string Receipt)? Stored { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadRegionsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadRegionsAsync(ct);
        var language = UiLanguage.Current(HttpContext);
        var story = WebReports.Clean(Text, 20_000);
        if (story is null)
        {
            Errors.Add(text["Error.Text"]);
        }

        if (OccurredOn is { } day && day > clock.Today)
        {
            Errors.Add(text["Error.Date"]);
        }

        var region = string.IsNullOrEmpty(Region) ? null : Region;
        if (region is not null && Regions.All(r => r.Code != region))
        {
            Errors.Add(text["Error.Region"]);
        }

        var contact = WebReports.Clean(Contact, 200);
        if (contact is not null && !WebContact.IsValid(contact))
        {
            Errors.Add(text["Error.Contact"]);
        }

        var (files, fileError) = await UploadedFiles.ReadAsync(Files, Limits, text, ct);
        if (fileError is not null)
        {
            Errors.Add(fileError);
        }

        if (Errors.Count > 0)
        {
            if (Files.Count > 0)
            {
                Errors.Add(text["Error.FilesAgain"]);
            }

            return Page();
        }

        var input = new WebReportInput(story!, OccurredOn, region, WebReports.Clean(Settlement, 200),
            AffectedValues.Contains(Affected) ? Affected : null, MayName, WebReports.Clean(Name, 200), contact, language,
            Honeypot: !string.IsNullOrEmpty(Website));
        Stored = await reports.SubmitAsync(input, files, ct);
        return Page();
    }

    private async Task LoadRegionsAsync(CancellationToken ct)
    {
        var language = UiLanguage.Current(HttpContext);
        var rows = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(ct);
        Regions = [.. rows.Select(r => (r.Code, language switch { "kk" => r.NameKk, "en" => r.NameEn, _ => r.NameRu }))];
    }
}
