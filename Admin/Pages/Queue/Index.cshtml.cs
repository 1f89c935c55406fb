using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Data;
using AdilSoz.Intake.Intake;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Pages.Queue;

[Authorize(Policy = AdminSecurity.MonitorPolicy)]
public sealed class IndexModel(IntakeDbContext db) : PageModel
{
    public sealed record Row(long Id, string Reference, Channel Channel, DateTimeOffset ReceivedAt, string? Language, bool Urgent, string Preview);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public int PendingCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PendingCount = await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Pending, ct);
        Items = await db.Submissions.AsNoTracking()
            .Where(s => s.Status == SubmissionStatus.Pending)
            .OrderByDescending(s => s.Urgent).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Id)
            .Take(50)
            .Select(s => new Row(s.Id, s.Reference, s.Channel, s.ReceivedAt, s.Language, s.Urgent,
                s.Text.Length > 200 ? s.Text.Substring(0, 200) + "…" : s.Text))
            .ToListAsync(ct);
    }
}
