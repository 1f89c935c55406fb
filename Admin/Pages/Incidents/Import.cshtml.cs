using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdilSoz.Intake.Admin.Pages.Incidents;

/// <summary>
/// CSV import of past years' registry (Editors, Admins): an incidents file, or a legal cases file (told apart by
/// the header) whose rows name their incidents. A dry run reports every row it would reject and why.
/// </summary>
[Authorize(Policy = AdminSecurity.EditorPolicy)]
[RequestSizeLimit(MaxBytes)]
public sealed class ImportModel(IntakeDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxBytes = 20 * 1024 * 1024;

    public IncidentCsv.ImportResult? Result { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The file was a legal cases file (told apart by its header).</summary>
    public bool IsCases { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool dryRun, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Problem = "Choose a CSV file.";
            return Page();
        }

        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(ct);
        IsCases = CaseCsv.IsCasesFile(text);
        Result = IsCases
            ? await CaseCsv.ImportAsync(db, clock, text, dryRun, ActorName.Of(User), ct)
            : await IncidentCsv.ImportAsync(db, clock, text, dryRun, ActorName.Of(User), ct);
        return Page();
    }
}
