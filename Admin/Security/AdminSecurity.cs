using System.Threading.RateLimiting;
using AdilSoz.Intake.Data;
using AdilSoz.Intake.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace AdilSoz.Intake.Admin.Security;

/// <summary>Who may do what: Identity logins, API keys, policies, lockout, headers, login rate limit.</summary>
public static class AdminSecurity
{
    /// <summary>Policies by the least role that may pass (Admin ⊃ Editor ⊃ Monitor).</summary>
    public const string MonitorPolicy = "Monitor";
    public const string EditorPolicy = "Editor";
    public const string AdminPolicy = "Admin";
    public const string LoginRateLimit = "login";
    private const string SmartScheme = "Smart";

    public static void ConfigureIdentity(IdentityOptions o)
    {
        // Long passphrases rather than composition rules (NIST SP 800-63B).
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
    }

    public static IHostApplicationBuilder AddAdminSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddSessionKeyRing();
        services.AddIdentity<AdminUser, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<IntakeDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "adilsoz.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // API clients get status codes, not redirects to the login page.
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(o =>
            {
                // Note: AddIdentity sets DefaultAuthenticateScheme to the cookie, which outranks
                // DefaultScheme; without this line API keys are never read.
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or API key", o => o.ForwardDefaultSelector = ctx =>
                UsesApiKey(ctx.Request) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(MonitorPolicy, p => p.RequireRole(Roles.Admin, Roles.Editor, Roles.Monitor))
            .AddPolicy(EditorPolicy, p => p.RequireRole(Roles.Admin, Roles.Editor))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        var loginAttemptsPerMinute = builder.Configuration.GetValue("Security:LoginAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Login posts per client address; showing the form is not limited.
            o.AddPolicy(LoginRateLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = loginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("get"));
        });

        // Cyrillic and Kazakh letters are written as they are, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "adilsoz.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Every cookie (sign-in, antiforgery, language): HttpOnly, Secure over HTTPS, at least SameSite=Lax.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        ApiKeyTexts.Register();
        return builder;
    }

    public static void UseAdminSecurity(this WebApplication app)
    {
        // Behind a TLS-terminating proxy on this machine (README): take the scheme and client address it
        // forwards, from loopback proxies only (ASP.NET Core's default), so that HSTS, Secure cookies and
        // the login rate limit see the browser's connection rather than the proxy's.
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
        });
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    /// <summary>
    /// API keys open the JSON API only: a key (even an Admin's) never opens the pages, the Hangfire
    /// dashboard or the downloads, which are for people who logged in.
    /// </summary>
    public static bool UsesApiKey(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hangfire"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
