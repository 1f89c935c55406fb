using System.Security.Claims;
using System.Text.Json;
using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Api;

/// <summary>Submissions, clusters, approve and reject (CONTRACT.md). Monitors and up; reporter identity only for Admins who ask.</summary>
public static class SubmissionsApi
{
    public static IEndpointRouteBuilder MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(AdminSecurity.MonitorPolicy);

        // Reports of people at risk: no copy in a browser's or a proxy's cache.
        api.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
        api.MapGet("/submissions", ListAsync);
        api.MapGet("/submissions/{id:long}", GetAsync);
        api.MapGet("/clusters/{clusterId:long}", ClusterAsync);
        api.MapPost("/submissions/{id:long}/approve", ApproveAsync);
        api.MapPost("/submissions/{id:long}/reject", RejectAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IntakeDbContext db, IdentityProtector protector,
        string? status, string? kind, string? channel, int? limit, string? cursor, bool? includeReporter, string? reason, CancellationToken ct)
    {
        if (NoReason(includeReporter, reason) is { } missing)
        {
            return missing;
        }

        var q = db.Submissions.AsNoTracking().Include(s => s.Attachments).AsQueryable();
        if (status is { Length: > 0 })
        {
            if (ParseEnum<SubmissionStatus>(status) is not { } st)
            {
                return Unknown("status", status, Names<SubmissionStatus>());
            }

            q = q.Where(s => s.Status == st);
        }

        if (kind is { Length: > 0 })
        {
            if (ParseEnum<SubmissionKind>(kind) is not { } k)
            {
                return Unknown("kind", kind, Names<SubmissionKind>());
            }

            q = q.Where(s => s.Kind == k);
        }

        if (channel is { Length: > 0 })
        {
            if (ParseEnum<Channel>(channel) is not { } c)
            {
                return Unknown("channel", channel, Names<Channel>());
            }

            q = q.Where(s => s.Channel == c);
        }

        long after;
        try
        {
            after = ApiConventions.DecodeCursor(cursor) is { Length: 1 } v ? v[0].GetInt64() : cursor is { Length: > 0 } ? throw new FormatException() : 0;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            return ApiConventions.BadRequest("Malformed cursor", "Pass the `next` value of the previous page unchanged.");
        }

        var take = ApiConventions.ClampLimit(limit);
        var withReporter = includeReporter == true && http.User.IsInRole(Roles.Admin);
        if (withReporter)
        {
            q = q.Include(s => s.Reporter);
        }

        var rows = await q.Where(s => s.Id > after).OrderBy(s => s.Id).Take(take + 1).AsSplitQuery().ToListAsync(ct);
        var next = rows.Count > take ? ApiConventions.EncodeCursor(rows[take - 1].Id) : null;
        var items = rows.Take(take).Select(s => Dto(s, withReporter, protector)).ToList();
        await AuditRevealsAsync(db, http, rows.Take(take), withReporter, reason, ct);
        return Results.Ok(new ApiConventions.Page<SubmissionDto>(items, next));
    }

    private static async Task<IResult> GetAsync(long id, HttpContext http, IntakeDbContext db, IdentityProtector protector, bool? includeReporter, string? reason, CancellationToken ct)
    {
        if (NoReason(includeReporter, reason) is { } missing)
        {
            return missing;
        }

        var withReporter = includeReporter == true && http.User.IsInRole(Roles.Admin);
        var s = await db.Submissions.AsNoTracking().Include(x => x.Attachments).Include(x => x.Reporter).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return ApiConventions.NotFound($"No submission {id}.");
        }

        await AuditRevealsAsync(db, http, [s], withReporter, reason, ct);
        return Results.Ok(Dto(s, withReporter, protector));
    }

    private static async Task<IResult> ClusterAsync(long clusterId, HttpContext http, IntakeDbContext db, IdentityProtector protector, bool? includeReporter, string? reason, CancellationToken ct)
    {
        if (NoReason(includeReporter, reason) is { } missing)
        {
            return missing;
        }

        var withReporter = includeReporter == true && http.User.IsInRole(Roles.Admin);
        var members = await db.Submissions.AsNoTracking().Include(x => x.Attachments).Include(x => x.Reporter)
            .Where(s => s.ClusterId == clusterId).OrderBy(s => s.Id).AsSplitQuery().ToListAsync(ct);
        if (members.Count == 0)
        {
            return ApiConventions.NotFound($"No cluster {clusterId}.");
        }

        await AuditRevealsAsync(db, http, members, withReporter, reason, ct);
        return Results.Ok(new ApiConventions.Page<SubmissionDto>(members.Select(s => Dto(s, withReporter, protector)).ToList(), null));
    }

    /// <summary>An identity is shown only with a reason, which the audit keeps beside who asked and when.</summary>
    private static IResult? NoReason(bool? includeReporter, string? reason) => includeReporter == true && (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        ? ApiConventions.BadRequest("Reason required", "includeReporter=true needs a `reason` (up to 500 characters): why the identity is needed. It is kept in the audit log.")
        : null;

    /// <summary>One audit entry per reporter whose name or identity the answer carries.</summary>
    private static async Task AuditRevealsAsync(IntakeDbContext db, HttpContext http, IEnumerable<Submission> shown, bool withReporter, string? reason, CancellationToken ct)
    {
        if (!withReporter)
        {
            return;
        }

        var revealed = shown.Where(s => s is { MayNameReporter: true, Reporter: not null }).ToList();
        foreach (var s in revealed)
        {
            Audit.Add(db, http.RequestServices.GetRequiredService<TimeProvider>(), ActorName.Of(http.User), "reveal", "reporter", s.ReporterId, new { submission = s.Id, via = "api" }, reason!.Trim());
        }

        if (revealed.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    private static async Task<IResult> ApproveAsync(long id, ApproveRequest? body, ClaimsPrincipal user, ModerationActions actions, CancellationToken ct)
    {
        if (body is null || (body.IncidentId is null == (body.Incident is null)))
        {
            return ApiConventions.BadRequest("Incident required", "Send either { \"incidentId\": N } or { \"incident\": { … } }.");
        }

        IReadOnlyList<long> ids = body.WholeCluster ? await actions.WithClusterAsync(id, ct) : [id];
        var result = await actions.ApproveAsync(ids, body.IncidentId, body.Incident, IsEditor(user), ActorName.Of(user), body.Note, ct);
        return result.Succeeded
            ? Results.Ok(new ApproveResponse(result.IncidentId!.Value) { Ignored = result.Ignored.Count > 0 ? result.Ignored : null })
            : Problem(result);
    }

    private static async Task<IResult> RejectAsync(long id, RejectRequest? body, ClaimsPrincipal user, ModerationActions actions, CancellationToken ct)
    {
        if (ParseEnum<RejectReason>(body?.Reason) is not { } reason)
        {
            return Unknown("reason", body?.Reason ?? "", Names<RejectReason>());
        }

        var result = await actions.RejectAsync(id, reason, body!.Note, ActorName.Of(user), ct);
        return result.Succeeded ? Results.NoContent() : Problem(result);
    }

    public static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);

    public static IResult Problem(ModerationResult r) => r.Outcome switch
    {
        ModerationOutcome.NotFound => ApiConventions.NotFound(r.Message ?? "Not found."),
        ModerationOutcome.Conflict => Results.Problem(title: "Conflict", detail: r.Message, statusCode: StatusCodes.Status409Conflict),
        _ when r.Errors is { Count: > 0 } => Results.ValidationProblem(r.Errors.ToDictionary(), detail: r.Message, title: "Invalid request"),
        _ => ApiConventions.BadRequest("Invalid request", r.Message ?? ""),
    };

    private static SubmissionDto Dto(Submission s, bool withReporter, IdentityProtector protector) =>
        withReporter
            ? SubmissionDto.From(s) with
            {
                Reporter = ReporterDto.From(s, protector),
                QuotedText = SafeUnprotect.Value(protector, s.QuotedTextEncrypted),
                ForwardedFrom = SafeUnprotect.Value(protector, s.ForwardedFromEncrypted),
            }
            : SubmissionDto.From(s);

    public static T? ParseEnum<T>(string? value)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim();
        foreach (var e in Enum.GetValues<T>())
        {
            if (string.Equals(JsonNamingPolicy.SnakeCaseLower.ConvertName(e.ToString()), v, StringComparison.OrdinalIgnoreCase)
                || string.Equals(e.ToString(), v, StringComparison.OrdinalIgnoreCase))
            {
                return e;
            }
        }

        return null;
    }

    public static string[] Names<T>()
        where T : struct, Enum => Enum.GetNames<T>().Select(JsonNamingPolicy.SnakeCaseLower.ConvertName).ToArray();

    private static IResult Unknown(string field, string value, string[] accepted) =>
        ApiConventions.BadRequest($"Unknown {field}", $"\"{value}\" is not a {field}. Accepted: {string.Join(", ", accepted)}.",
            new Dictionary<string, object?> { ["accepted"] = accepted });
}
