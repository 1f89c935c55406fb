using AdilSoz.Intake.Admin.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Admin.WebForm;

/// <summary>
/// <c>/status</c>: the reference and the receipt open the report's state and its conversation (the monitors'
/// questions, the reporter's replies) with a box to answer and add files. Every post carries both again (hidden
/// on the page, which no one caches): the process keeps no session.
/// </summary>
public sealed class StatusModel(WebReports reports, PublicText text, IOptions<PublicOptions> options) : PageModel
{
    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Receipt { get; set; }

    [BindProperty]
    public string? ReplyText { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public string? Error { get; private set; }

    public bool Sent { get; private set; }

    public List<StatusEntry>? Entries { get; private set; }

    public PublicOptions Limits => options.Value;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await OpenAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        if (await OpenAsync(ct) is not { } reportId)
        {
            return Page();
        }

        var answer = WebReports.Clean(ReplyText, 20_000);
        var (files, fileError) = await UploadedFiles.ReadAsync(Files, Limits, text, ct);
        if (fileError is not null || (answer is null && files.Count == 0))
        {
            Error = fileError ?? text["Error.Text"];
            return Page();
        }

        var state = Entries![0];
        await reports.ReplyAsync(reportId, state.ReporterId, state.Language ?? UiLanguage.Current(HttpContext), answer ?? "", files, ct);
        ReplyText = null;
        Sent = true;
        Entries = await reports.StatusAsync(reportId, ct);
        return Page();
    }

    /// <summary>The report's id when the receipt opens it (and its entries loaded); null with the error shown otherwise.</summary>
    private async Task<long?> OpenAsync(CancellationToken ct)
    {
        Reference = Reference?.Trim().ToUpperInvariant();
        var (result, id) = Reference is { Length: > 0 and <= 32 } && Receipt is { Length: <= 64 }
            ? await reports.CheckAsync(Reference, Receipt, ct)
            : (ReceiptCheck.Wrong, 0L);
        if (result == ReceiptCheck.Open && await reports.StatusAsync(id, ct) is [{ Entry: "State" }, ..] entries)
        {
            Entries = entries;
            return id;
        }

        Error = text[result == ReceiptCheck.Locked ? "Status.Locked" : "Status.Wrong"];
        Receipt = null;
        return null;
    }
}
