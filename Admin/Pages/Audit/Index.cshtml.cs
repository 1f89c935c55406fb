using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Pages.Audit;

/// <summary>Who did what, when and why: every audited action, newest first, with filters and keyset pages.</summary>
[Authorize(Policy = AdminSecurity.MonitorPolicy)]
public sealed class IndexModel(IntakeDbContext db) : PageModel
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Submission { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public long? Next { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            q = q.Where(a => a.Actor == Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(ActionName))
        {
            q = q.Where(a => a.Action == ActionName);
        }

        if (Submission is { } sid)
        {
            q = q.Where(a => a.EntityType == "submission" && a.EntityId == sid);
        }

        if (Before is { } before)
        {
            q = q.Where(a => a.Id < before);
        }

        var rows = await q.OrderByDescending(a => a.Id).Take(PageSize + 1).ToListAsync(ct);
        Next = rows.Count > PageSize ? rows[PageSize - 1].Id : null;
        Entries = rows.Take(PageSize).ToList();
        Actions = await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
    }

    public string NextUrl(long next)
    {
        var q = Request.Query.Where(kv => kv.Key != "before").ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        q["before"] = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "/audit" + QueryString.Create(q!);
    }
}
