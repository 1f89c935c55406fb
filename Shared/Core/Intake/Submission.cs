using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Reporters;

namespace AdilSoz.Intake.Core.Intake;

/// <summary>One report (or follow-up, auto-reply, …) as the pipeline and the monitors see it.</summary>
public sealed class Submission
{
    /// <summary>The <see cref="SenderNotVerified"/> of every mail while the Worker has no trusted authserv-id.</summary>
    public const string SenderVerificationOff = "Sender verification is off: Mailbox:TrustedAuthServId is not set.";

    public long Id { get; set; }

    /// <summary>AS-&lt;year&gt;-&lt;sequence&gt;, assigned by the database from a sequence on insert.</summary>
    public string Reference { get; set; } = null!;

    public required Channel Channel { get; set; }

    public SubmissionKind Kind { get; set; } = SubmissionKind.Report;

    public SubmissionStatus Status { get; set; } = SubmissionStatus.Received;

    /// <summary>kk, ru, en or null when unknown.</summary>
    public string? Language { get; set; }

    public string? Subject { get; set; }

    /// <summary>The new text of the report (quoted replies and signatures split off).</summary>
    public string Text { get; set; } = "";

    /// <summary>
    /// Encrypted quoted text and signature split off the new text (a signature carries the sender's name,
    /// phone, address); shown only where the reporter's identity may be shown, cleared on erasure.
    /// </summary>
    public string? QuotedTextEncrypted { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long? ReporterId { get; set; }

    public Reporter? Reporter { get; set; }

    public long? InboundItemId { get; set; }

    /// <summary>The report this one follows up (mail reply, answer to a monitor's question).</summary>
    public long? ParentId { get; set; }

    public Submission? Parent { get; set; }

    /// <summary>Cluster of submissions about the same event; the id of the cluster's first member.</summary>
    public long? ClusterId { get; set; }

    /// <summary>Exact duplicate of this earlier submission; never queued twice.</summary>
    public long? DuplicateOfId { get; set; }

    public long? IncidentId { get; set; }

    public Incident? Incident { get; set; }

    // What the reporter told us (dialogue or parsed mail).
    public DateOnly? OccurredOn { get; set; }

    public string? RegionCode { get; set; }

    public string? Settlement { get; set; }

    /// <summary>me / colleague / outlet / other.</summary>
    public string? Affected { get; set; }

    /// <summary>The reporter allowed being named.</summary>
    public bool MayNameReporter { get; set; }

    /// <summary>
    /// Encrypted provenance of forwarded content (the channel or person it was forwarded from, a forwarded
    /// mail's sender); shown only where the reporter's identity may be shown, cleared on erasure.
    /// </summary>
    public string? ForwardedFromEncrypted { get; set; }

    /// <summary>A mail's Reply-To when it differs from its From, encrypted; shown where the identity may be. Never used to answer.</summary>
    public string? ReplyToEncrypted { get; set; }

    /// <summary>Why the mail's sender could not be verified (operator-facing); null when verified or not a mail.</summary>
    public string? SenderNotVerified { get; set; }

    /// <summary>A report of another reporter that this one quotes (its reference, or a reply to our mail about it).</summary>
    public long? MentionsId { get; set; }

    // What the pipeline suggests.
    public string? SuggestedCategory { get; set; }

    public string? SuggestedRegion { get; set; }

    public string? SuggestedSettlement { get; set; }

    public bool Urgent { get; set; }

    /// <summary>JSON with the evidence of each suggestion.</summary>
    public string? SuggestionEvidence { get; set; }

    /// <summary>Normalised text hash for exact-duplicate detection.</summary>
    public string? TextHash { get; set; }

    /// <summary>JSON fingerprint (normalised tokens, names, places, dates, file hashes) used to verify near-duplicate candidates.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>Why it needs attention (operator-facing).</summary>
    public string? AttentionReason { get; set; }

    // Moderation.
    public RejectReason? RejectReason { get; set; }

    /// <summary>The moderator's message to the reporter, shown in /status.</summary>
    public string? DecisionNote { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>
    /// The staff member (account name) who owns the item until it is decided; unlike the claim it does not
    /// time out. Null: unassigned.
    /// </summary>
    public string? AssignedTo { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    /// <summary>
    /// When a person first responded to the report: asked the reporter, decided, or assigned it to someone.
    /// Null while it waits; measured against the response targets (<c>Moderation:UrgentResponseHours</c>, <c>ResponseHours</c>).
    /// </summary>
    public DateTimeOffset? FirstResponseAt { get; set; }

    /// <summary>When retention purged this submission's text (rejected spam past its retention period).</summary>
    public DateTimeOffset? PurgedAt { get; set; }

    public List<SubmissionAttachment> Attachments { get; set; } = [];
}
