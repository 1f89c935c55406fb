using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Core.Web;
using AdilSoz.Intake.Language.Reference;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Pages.Submissions;

/// <summary>One submission: text, files, provenance, thread, suggestions, cluster, history and the actions.</summary>
[Authorize(Policy = AdminSecurity.MonitorPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class DetailsModel(IntakeDbContext db, ModerationActions actions, Claims claims, Assignments assignments, Notes notes,
    IdentityProtector protector, TimeProvider clock) : PageModel
{
    public SubmissionView View { get; private set; } = null!;

    public Claims.Holder? Holder { get; private set; }

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    /// <summary>Name and identity of the reporter, only for Admins, only when the reporter allowed naming, only after a reason is given.</summary>
    public (string? Name, string? Identity)? ReporterIdentity { get; private set; }

    /// <summary>
    /// The split-off quote and signature and the forward origin (they name people), decrypted for Admins
    /// only, like the reporter's identity; null for everyone else.
    /// </summary>
    public (string? QuotedText, string? ForwardedFrom)? Personal { get; private set; }

    /// <summary>The mail's differing Reply-To, shown only with the identity.</summary>
    public string? ReplyTo { get; private set; }

    /// <summary>Another reporter's report that this one quotes.</summary>
    public (long Id, string Reference)? Mentions { get; private set; }

    /// <summary>
    /// For a report from the web form: whether a question also goes by mail (the reporter left a mail address)
    /// or is shown only on the report's status page (a Telegram username, a phone number or no contact); null
    /// for other channels. The contact itself is not shown.
    /// </summary>
    public bool? WebQuestionByMail { get; private set; }

    /// <summary>Whether this caller may ask to see the reporter's identity (an Admin, and the reporter allowed naming).</summary>
    public bool CanReveal => User.IsInRole(Roles.Admin) && View.Submission is { MayNameReporter: true, Reporter: { IdentityDeletedAt: null } };

    [BindProperty]
    public string? RevealReason { get; set; }

    public IReadOnlyList<Incident> Found { get; private set; } = [];

    [BindProperty]
    public IncidentForm Incident { get; set; } = new();

    [BindProperty]
    public bool WholeCluster { get; set; }

    [BindProperty]
    public long? IncidentId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public RejectReason? Reason { get; set; }

    [BindProperty]
    public string? Question { get; set; }

    /// <summary>The staff member to assign the item to; empty: nobody.</summary>
    [BindProperty]
    public string? Assignee { get; set; }

    /// <summary>A new internal note (staff only).</summary>
    [BindProperty]
    public string? NoteText { get; set; }

    [BindProperty]
    public bool NoteOnCluster { get; set; }

    /// <summary>The team's notes on the item and on its cluster.</summary>
    public IReadOnlyList<AdilSoz.Intake.Core.Moderation.InternalNote> TeamNotes { get; private set; } = [];

    /// <summary>Who can be assigned the item.</summary>
    public IReadOnlyList<string> Staff { get; private set; } = [];

    /// <summary>The team's saved replies, offered in the messages to the reporter they are usable in.</summary>
    public IReadOnlyList<SavedReply> SavedReplies { get; private set; } = [];

    /// <summary>The saved reply chosen to fill a message (a plain GET, so it works without script).</summary>
    [BindProperty(SupportsGet = true, Name = "reply")]
    public long? ReplyId { get; set; }

    /// <summary>Which message the saved reply fills: ask, reject, approve or attach.</summary>
    [BindProperty(SupportsGet = true, Name = "replyFor")]
    public string? ReplyFor { get; set; }

    /// <summary>The language of the saved reply's text; unset: the reporter's.</summary>
    [BindProperty(SupportsGet = true, Name = "replyLanguage")]
    public string? ReplyLanguage { get; set; }

    /// <summary>The message filled from the saved reply, and the language of its text.</summary>
    public (string Language, string Text)? Filled { get; private set; }

    /// <summary>The language the reporter is written to in, which a saved reply's text is picked in by default.</summary>
    public string ReporterLanguage => ModerationActions.LanguageOf(View.Submission);

    /// <summary>The text a message's box starts with: the saved reply's when it was chosen for that message.</summary>
    public string? FilledFor(string target) => ReplyFor == target ? Filled?.Text : null;

    /// <summary>What a saved reply is usable in for each message of the page.</summary>
    public static SavedReplyUse UseOf(string target) => target switch
    {
        "ask" => SavedReplyUse.Ask,
        "reject" => SavedReplyUse.Reject,
        _ => SavedReplyUse.Approve,
    };

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "place")]
    public string? Place { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public string? Error { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string Actor => ActorName.Of(User);

    public DateTimeOffset Now => clock.GetUtcNow();

    public string RegionName(string? code, string language) => Regions.FirstOrDefault(r => r.Code == code) is { } r
        ? ReferenceNames.Of(r, language) : code ?? "—";

    public string CategoryName(string? code, string language) => Categories.FirstOrDefault(c => c.Code == code) is { } c
        ? ReferenceNames.Of(c, language) : code ?? "—";

    /// <summary>Incidents that other members of the cluster were already approved into.</summary>
    public IEnumerable<long> ClusterIncidents => View.Cluster.Select(m => m.Submission.IncidentId).OfType<long>().Distinct();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Holder = await claims.ClaimAsync(id, Actor, takeOver: false, ct);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Incident = IncidentForm.Prefill(View.Submission, View.Suggestions);
        await SearchAsync(ct);
        if (ReplyId is { } replyId && ReplyFor is "ask" or "reject" or "approve" or "attach"
            && SavedReplies.FirstOrDefault(r => r.Id == replyId && r.UsableFor(UseOf(ReplyFor))) is { } reply)
        {
            Filled = reply.Fill(ReplyLanguage is { } l && SavedReply.Languages.Contains(l) ? l : ReporterLanguage, View.Submission.Reference);
        }

        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) =>
        ActAsync(id, async ids => await actions.ApproveAsync(ids, null, Incident.ToInput(), Api.SubmissionsApi.IsEditor(User), Actor, Note, ct), "Approved", ct);

    public Task<IActionResult> OnPostAttachAsync(long id, CancellationToken ct) => IncidentId is null
        ? FailAsync(id, ModerationResult.Invalid("Choose an incident."), ct)
        : ActAsync(id, async ids => await actions.ApproveAsync(ids, IncidentId, null, Api.SubmissionsApi.IsEditor(User), Actor, Note, ct), "Attached", ct);

    public Task<IActionResult> OnPostRejectAsync(long id, CancellationToken ct) => Reason is not { } reason
        ? FailAsync(id, ModerationResult.Invalid("Choose a reason."), ct)
        : ActAsync(id, async _ => await actions.RejectAsync(id, reason, Note, Actor, ct), "Rejected", ct, single: true);

    public Task<IActionResult> OnPostSplitAsync(long id, CancellationToken ct) =>
        ActAsync(id, async _ => await actions.SplitAsync(id, Actor, ct), "SplitDone", ct, single: true);

    public Task<IActionResult> OnPostAskAsync(long id, CancellationToken ct) =>
        ActAsync(id, async _ => await actions.AskAsync(id, Question ?? "", Actor, ct), "Asked", ct, single: true);

    /// <summary>Assigns the item (or its whole cluster) to a staff member, to the caller, or to nobody.</summary>
    public Task<IActionResult> OnPostAssignAsync(long id, CancellationToken ct) =>
        ActAsync(id, async ids => await assignments.AssignSubmissionsAsync(ids, string.IsNullOrWhiteSpace(Assignee) ? null : Assignee.Trim(), Actor, ct),
            string.IsNullOrWhiteSpace(Assignee) ? "Unassigned" : "Assigned", ct);

    /// <summary>Adds an internal note to the item (or its cluster); colleagues it mentions get a mail.</summary>
    public async Task<IActionResult> OnPostNoteAsync(long id, CancellationToken ct)
    {
        var result = await notes.AddToSubmissionAsync(id, NoteText, NoteOnCluster, Actor, ct);
        if (!result.Succeeded)
        {
            return await FailAsync(id, result, ct);
        }

        Flash = "NoteAdded";
        return RedirectToPage(new { id });
    }

    /// <summary>Shows the reporter's identity in this one response, after recording who asked, when and why.</summary>
    public async Task<IActionResult> OnPostRevealAsync(long id, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Holder = new Claims.Holder(View.Submission.ClaimedBy, View.Submission.ClaimedUntil);
        Incident = IncidentForm.Prefill(View.Submission, View.Suggestions);
        await SearchAsync(ct);
        if (!CanReveal)
        {
            return Page();
        }

        var reason = RevealReason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            Errors = new Dictionary<string, string[]> { ["revealReason"] = [HttpContext.RequestServices.GetRequiredService<Localization.UiText>()["RevealReasonRequired"]] };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var r = View.Submission.Reporter!;
        await AdilSoz.Intake.Core.Moderation.Audit.WriteAsync(db, clock, Actor, "reveal", "reporter", r.Id, new { submission = id, via = "page" }, reason);
        ReporterIdentity = (SafeUnprotect.Value(protector, r.DisplayNameEncrypted), SafeUnprotect.Value(protector, r.IdentityEncrypted));
        ReplyTo = SafeUnprotect.Value(protector, View.Submission.ReplyToEncrypted);
        return Page();
    }

    public async Task<IActionResult> OnPostTakeOverAsync(long id, CancellationToken ct)
    {
        var before = await db.Submissions.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.ClaimedBy, s.ClaimedUntil }).SingleOrDefaultAsync(ct);
        if (before is null)
        {
            return NotFound();
        }

        await claims.ClaimAsync(id, Actor, takeOver: true, ct);
        if (before.ClaimedBy is { } previous && previous != Actor && before.ClaimedUntil > Now)
        {
            await AdilSoz.Intake.Core.Moderation.Audit.WriteAsync(db, clock, Actor, "take_over", "submission", id, new { from = previous });
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReleaseAsync(long id, CancellationToken ct)
    {
        await claims.ReleaseAsync(id, Actor, ct);
        return Redirect("/queue");
    }

    private async Task<IActionResult> ActAsync(long id, Func<IReadOnlyList<long>, Task<ModerationResult>> action, string flash, CancellationToken ct,
        bool single = false)
    {
        IReadOnlyList<long> ids = !single && WholeCluster ? await actions.WithClusterAsync(id, ct) : [id];
        var result = await action(ids);
        if (!result.Succeeded)
        {
            return await FailAsync(id, result, ct);
        }

        Flash = flash;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> FailAsync(long id, ModerationResult result, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Holder = new Claims.Holder(View.Submission.ClaimedBy, View.Submission.ClaimedUntil);
        Error = result.Message;
        Errors = result.Errors ?? new Dictionary<string, string[]>();
        Response.StatusCode = result.Outcome == ModerationOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        await SearchAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var view = await SubmissionView.LoadAsync(db, id, ct);
        if (view is null)
        {
            return false;
        }

        View = view;
        (Regions, Categories) = await RegistryStore.ReferenceAsync(db, ct);
        Staff = await StaffMail.StaffAsync(db, ct);
        SavedReplies = await db.SavedReplies.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        TeamNotes = await notes.OfSubmissionAsync(id, view.Submission.ClusterId, ct);
        if (view.Submission.MentionsId is { } mentionsId)
        {
            Mentions = await db.Submissions.AsNoTracking().Where(m => m.Id == mentionsId)
                .Select(m => new ValueTuple<long, string>(m.Id, m.Reference)).SingleOrDefaultAsync(ct);
        }

        if (view.Submission.Reporter is { Channel: Channel.Web } webReporter)
        {
            WebQuestionByMail = WebContact.MailAddress(SafeUnprotect.Value(protector, webReporter.ContactEncrypted)) is not null;
        }

        if (User.IsInRole(Roles.Admin))
        {
            Personal = (SafeUnprotect.Value(protector, view.Submission.QuotedTextEncrypted), SafeUnprotect.Value(protector, view.Submission.ForwardedFromEncrypted));
        }

        return true;
    }

    /// <summary>
    /// Incidents to attach to: by words and a date range as the registry searches them (the same words find
    /// the same incidents on both pages), and by a region or settlement.
    /// </summary>
    private async Task SearchAsync(CancellationToken ct)
    {
        var q = new IncidentFilter(From, To, Query: Search).Apply(db.Incidents.AsNoTracking(), Categories);
        if (!string.IsNullOrWhiteSpace(Place))
        {
            var place = Place.Trim();
            var pattern = "%" + place.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            var region = ReferenceLookup.FindRegion(Regions, place);
            q = q.Where(i => i.RegionCode == region || (i.Settlement != null && EF.Functions.ILike(i.Settlement, pattern)));
        }

        var searching = Search is not null || From is not null || To is not null || Place is not null;
        if (!searching && View.Submission.OccurredOn is { } on)
        {
            // Without a search, incidents near the reported date come first.
            q = q.Where(i => i.OccurredOn >= on.AddDays(-14) && i.OccurredOn <= on.AddDays(14));
        }

        Found = await q.OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).Take(20).ToListAsync(ct);
    }
}
