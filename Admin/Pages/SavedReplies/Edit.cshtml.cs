using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Pages.SavedReplies;

/// <summary>One saved reply: an Editor changes its name, use and texts, or deletes it; both are audited.</summary>
[Authorize(Policy = AdminSecurity.EditorPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class EditModel(IntakeDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SavedReplyForm Reply { get; set; } = new();

    public SavedReply? Saved { get; private set; }

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Saved = await db.SavedReplies.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (Saved is null)
        {
            return NotFound();
        }

        Reply = SavedReplyForm.Of(Saved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var reply = await db.SavedReplies.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (reply is null)
        {
            return NotFound();
        }

        var problems = Reply.Validate();
        var name = Reply.Name?.Trim();
        if (!problems.ContainsKey("Name") && await db.SavedReplies.AnyAsync(r => r.Name == name && r.Id != id, ct))
        {
            problems["Name"] = "SavedReplyNameTaken";
        }

        if (problems.Count > 0)
        {
            Saved = reply;
            Problems = problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var before = SavedReplyForm.Audited(reply);
        Reply.ApplyTo(reply, ActorName.Of(User), clock.GetUtcNow());
        global::AdilSoz.Intake.Core.Moderation.Audit.Add(db, clock, ActorName.Of(User), "saved_reply.update", "saved_reply", id, new { from = before, to = SavedReplyForm.Audited(reply) });
        await db.SaveChangesAsync(ct);
        Flash = "SavedReplySaved";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var reply = await db.SavedReplies.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (reply is null)
        {
            return NotFound();
        }

        db.SavedReplies.Remove(reply);
        global::AdilSoz.Intake.Core.Moderation.Audit.Add(db, clock, ActorName.Of(User), "saved_reply.delete", "saved_reply", id, SavedReplyForm.Audited(reply));
        await db.SaveChangesAsync(ct);
        Flash = "SavedReplyDeleted";
        return RedirectToPage("Index");
    }
}
