using System.Security.Claims;
using AdilSoz.Intake.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Admin.Security;

/// <summary>
/// What a logged-in person must do before anything else: choose their own password (after <c>users add</c> or a
/// reset), then, if their role requires it, enrol an authenticator. Until then every page leads there and the
/// API and the dashboard answer 403.
/// </summary>
public static class AccountGate
{
    public const string PasswordPath = "/account/password";
    public const string EnrolPath = "/account/two-factor/enrol";

    public static bool RequiresTwoFactor(ClaimsPrincipal user, TwoFactorRequirement requirement) =>
        requirement == TwoFactorRequirement.All || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Editor);

    /// <summary>Where the session must go first, or null when it may go anywhere its role allows.</summary>
    public static string? Pending(ClaimsPrincipal user, TwoFactorRequirement requirement)
    {
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: var type } || type != IdentityConstants.ApplicationScheme)
        {
            return null;
        }

        if (user.HasClaim(c => c.Type == StaffClaimsFactory.MustChangePassword))
        {
            return PasswordPath;
        }

        return RequiresTwoFactor(user, requirement) && !user.HasClaim(StaffClaimsFactory.Amr, StaffClaimsFactory.Mfa) ? EnrolPath : null;
    }

    public static void UseAccountGate(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        var requirement = ctx.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RequireTwoFactor;
        var path = ctx.Request.Path;
        if (Pending(ctx.User, requirement) is { } target && !Open(path))
        {
            if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hangfire") || !HttpMethods.IsGet(ctx.Request.Method))
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            ctx.Response.Redirect(target);
            return;
        }

        await next(ctx);
    });

    /// <summary>Pages a session with a pending step may still use.</summary>
    private static bool Open(PathString path) =>
        path.StartsWithSegments(PasswordPath) || path.StartsWithSegments(EnrolPath) || path.StartsWithSegments("/account/logout")
        || path.StartsWithSegments("/account/login") || path.StartsWithSegments("/error") || path.StartsWithSegments("/healthz")
        || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics") || path.StartsWithSegments("/css");
}
