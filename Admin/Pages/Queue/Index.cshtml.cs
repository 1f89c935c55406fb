using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Language.Reference;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdilSoz.Intake.Admin.Pages.Queue;

/// <summary>The moderation queue: clusters of pending reports, urgent first, then oldest; filters; keyset pages.</summary>
[Authorize(Policy = AdminSecurity.MonitorPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class IndexModel(QueueQuery queue, IntakeDbContext db, ModerationActions actions, Assignments assignments, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Channel? Channel { get; set; }

    [BindProperty(SupportsGet = true, Name = "language")]
    public string? Lang { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Age { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Attention { get; set; }

    /// <summary>Words in the reference, subject, text or the team's notes.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary><c>me</c>: the caller's items; <c>none</c>: nobody's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Assigned { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    /// <summary>The items chosen for a bulk action (checkboxes on the cards).</summary>
    [BindProperty]
    public List<long> Selected { get; set; } = [];

    /// <summary><c>spam</c>: reject as spam; <c>assign</c>: assign to <see cref="BulkAssignee"/> (empty: nobody).</summary>
    [BindProperty]
    public string? BulkAction { get; set; }

    [BindProperty]
    public string? BulkAssignee { get; set; }

    /// <summary>The query of the queue the bulk form was posted from, to return to.</summary>
    [BindProperty]
    public string? ReturnQuery { get; set; }

    [TempData]
    public string? Flash { get; set; }

    [TempData]
    public string? BulkError { get; set; }

    /// <summary>Who can be assigned items.</summary>
    public IReadOnlyList<string> Staff { get; private set; } = [];

    /// <summary>Most items one bulk action takes.</summary>
    public const int BulkLimit = 200;

    public QueuePage Result { get; private set; } = new([], null, new QueueCounts(0, 0, 0));

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    public string Actor => ActorName.Of(User);

    public bool Filtered => Channel is not null || Lang is { Length: > 0 } || Category is { Length: > 0 } || Region is { Length: > 0 } || Age is > 0 || Attention || Assigned is "me" or "none"
        || !string.IsNullOrWhiteSpace(Search);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var filter = new QueueFilter(Channel, Lang, Category, Region, Age, Attention,
            AssignedTo: Assigned == "me" ? Actor : null, Unassigned: Assigned == "none", Search: Search);
        try
        {
            Result = await queue.PageAsync(filter, Cursor, 50, ct);
        }
        catch (FormatException)
        {
            return BadRequest();
        }

        // The reference lists are small (20 regions, ~40 categories).
        (Regions, Categories) = await RegistryStore.ReferenceAsync(db, ct);
        Staff = await StaffMail.StaffAsync(db, ct);
        return Page();
    }

    /// <summary>
    /// Rejects the chosen items as spam, or assigns them, in one transaction with an audit entry for each; a
    /// plain form post (no script needed), then back to the same view of the queue.
    /// </summary>
    public async Task<IActionResult> OnPostBulkAsync(CancellationToken ct)
    {
        var back = "/queue" + (ReturnQuery is { Length: > 1 } q && q.StartsWith('?') && !q.Contains("//", StringComparison.Ordinal) ? q : "");
        if (Selected.Count == 0)
        {
            BulkError = "BulkNothingChosen";
            return Redirect(back);
        }

        if (Selected.Count > BulkLimit)
        {
            return BadRequest();
        }

        var result = BulkAction switch
        {
            "spam" => await actions.RejectManyAsync(Selected, RejectReason.Spam, null, Actor, ct),
            "assign" => await assignments.AssignSubmissionsAsync(Selected, string.IsNullOrWhiteSpace(BulkAssignee) ? null : BulkAssignee.Trim(), Actor, ct),
            _ => ModerationResult.Invalid("Choose an action."),
        };
        if (result.Succeeded)
        {
            Flash = BulkAction == "spam" ? "BulkRejected" : "BulkAssigned";
        }
        else
        {
            BulkError = result.Outcome == ModerationOutcome.Invalid && BulkAction is not ("spam" or "assign") ? "BulkNoAction" : "BulkFailed";
        }

        return Redirect(back);
    }

    public string RegionName(string? code, string language) => Regions.FirstOrDefault(r => r.Code == code) is { } r
        ? ReferenceNames.Of(r, language) : code ?? "";

    public string CategoryName(string? code, string language) => Categories.FirstOrDefault(c => c.Code == code) is { } c
        ? ReferenceNames.Of(c, language) : code ?? "";

    /// <summary>The link to the next page keeps the filters.</summary>
    public string NextUrl(string next)
    {
        var q = Request.Query.Where(kv => kv.Key != "cursor").ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        q["cursor"] = next;
        return "/queue" + QueryString.Create(q!);
    }
}
