using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Pages.SavedReplies;

/// <summary>The team's saved replies: Editors list them and add new ones; each is changed or deleted on its own page.</summary>
[Authorize(Policy = AdminSecurity.EditorPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class IndexModel(IntakeDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SavedReply> Replies { get; private set; } = [];

    [BindProperty]
    public SavedReplyForm New { get; set; } = new();

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var problems = New.Validate();
        var name = New.Name?.Trim();
        if (!problems.ContainsKey("Name") && await db.SavedReplies.AnyAsync(r => r.Name == name, ct))
        {
            problems["Name"] = "SavedReplyNameTaken";
        }

        if (problems.Count > 0)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }

        var reply = new SavedReply { Name = "", UpdatedBy = "" };
        New.ApplyTo(reply, ActorName.Of(User), clock.GetUtcNow());
        db.SavedReplies.Add(reply);
        await db.SaveChangesAsync(ct);
        await global::AdilSoz.Intake.Core.Moderation.Audit.WriteAsync(db, clock, ActorName.Of(User), "saved_reply.create", "saved_reply", reply.Id, SavedReplyForm.Audited(reply));
        Flash = "SavedReplyCreated";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Replies = await db.SavedReplies.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
}
