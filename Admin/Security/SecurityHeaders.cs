namespace AdilSoz.Intake.Admin.Security;

/// <summary>
/// Headers that every response of the Admin site carries, error pages and downloads included. The pages
/// have no inline script or style, so the policy allows none; the Hangfire dashboard loads its own
/// files from <c>/hangfire/…</c>, which <c>'self'</c> covers.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /// <summary>One year, subdomains too; sent on HTTPS responses only (RFC 6797 §7.2).</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>
    /// Sets the headers when the response starts, so that the exception handler (which clears headers)
    /// and endpoints that set their own stricter policy (attachment downloads) are covered as well.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = PermissionsPolicy;
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (string.IsNullOrEmpty(h.ContentSecurityPolicy))
            {
                h.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            if (ctx.Request.IsHttps)
            {
                h.StrictTransportSecurity = StrictTransportSecurity;
            }

            return Task.CompletedTask;
        });
        return next(ctx);
    });
}
