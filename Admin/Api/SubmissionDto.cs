using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;

namespace AdilSoz.Intake.Admin.Api;

/// <summary>A submission as the JSON API shows it (CONTRACT.md).</summary>
public sealed record SubmissionDto(
    long Id, string Reference, Channel Channel, SubmissionKind Kind, SubmissionStatus Status, DateTimeOffset ReceivedAt,
    string? Language, string? Subject, string Text, long? ClusterId, long? DuplicateOf, long? IncidentId,
    IReadOnlyList<AttachmentDto> Attachments, SuggestedDto Suggested)
{
    /// <summary>Only for Admin callers that ask with <c>includeReporter=true</c>; omitted otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ReporterDto? Reporter { get; init; }

    /// <summary>The quoted text and signature split off the text; like <see cref="Reporter"/>, only for Admins who ask.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? QuotedText { get; init; }

    /// <summary>Where forwarded content came from (a person, a channel); like <see cref="Reporter"/>, only for Admins who ask.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ForwardedFrom { get; init; }

    public static SubmissionDto From(Submission s) => new(
        s.Id, s.Reference, s.Channel, s.Kind, s.Status, s.ReceivedAt, s.Language, s.Subject, s.Text, s.ClusterId, s.DuplicateOfId, s.IncidentId,
        s.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256)).ToList(),
        new SuggestedDto(s.SuggestedCategory, s.SuggestedRegion));
}

public sealed record AttachmentDto(long Id, string FileName, string ContentType, long Size, string? Sha256);

public sealed record SuggestedDto(string? Category, string? Region);

/// <summary>The reporter, for Admins: the name and identity only when the reporter allowed naming.</summary>
public sealed record ReporterDto(long Id, Channel Channel, string? Language, bool MayBeNamed, string? DisplayName, string? Identity, bool Unreachable)
{
    public static ReporterDto? From(Submission s, IdentityProtector protector) => s.Reporter is not { } r ? null : new(
        r.Id, r.Channel, r.Language, s.MayNameReporter,
        s.MayNameReporter ? Moderation.SafeUnprotect.Value(protector, r.DisplayNameEncrypted) : null,
        s.MayNameReporter ? Moderation.SafeUnprotect.Value(protector, r.IdentityEncrypted) : null,
        r.Unreachable);
}

public sealed record ApproveRequest(long? IncidentId, global::AdilSoz.Intake.Core.Registry.IncidentInput? Incident, string? Note, bool WholeCluster = false);

public sealed record RejectRequest(string? Reason, string? Note);

public sealed record ApproveResponse(long IncidentId)
{
    /// <summary>Fields a Monitor sent that need an Editor and were left out; omitted when none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Ignored { get; init; }
}
