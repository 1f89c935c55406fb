using System.Security.Claims;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>
/// Who acts, as the audit log, the claims on queue items and the registry's history record it: the
/// signed-in account's name. Every page and API endpoint is signed in, so the fallback only keeps an
/// audit row readable should that ever change.
/// </summary>
public static class ActorName
{
    public static string Of(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
