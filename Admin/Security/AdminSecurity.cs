using System.Threading.RateLimiting;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

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
        // Identity's own lockout counts wrong second-factor codes only (they need the password first); wrong
        // passwords are counted per account and network by LoginThrottle.
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
    }

    /// <summary>When the session began; kept in the cookie's properties across renewals.</summary>
    private const string SignedInAt = ".adilsoz.signedin";

    public static IHostApplicationBuilder AddAdminSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddSessionKeyRing();
        services.AddIdentity<AdminUser, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<IntakeDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<LoginThrottle>();
        services.AddScoped<KnownBrowsers>();
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(security.Value.StampCheckSeconds);
            // A session renewed from the database keeps the proof of its second factor.
            o.OnRefreshingPrincipal = ctx =>
            {
                if (ctx.CurrentPrincipal?.FindFirst(StaffClaimsFactory.Amr) is { } amr && ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity id
                    && !id.HasClaim(StaffClaimsFactory.Amr, amr.Value))
                {
                    id.AddClaim(new System.Security.Claims.Claim(StaffClaimsFactory.Amr, amr.Value));
                }

                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "adilsoz.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Idle timeout; the session also ends SessionHours after login, however active.
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            var validateStamp = o.Events.OnValidatePrincipal;
            o.Events.OnSigningIn = ctx =>
            {
                ctx.Properties.Items.TryAdd(SignedInAt, ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async ctx =>
            {
                var hours = ctx.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.SessionHours;
                if (!ctx.Properties.Items.TryGetValue(SignedInAt, out var at) || !long.TryParse(at, out var seconds)
                    || ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > TimeSpan.FromHours(hours))
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await validateStamp(ctx);
            };
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

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Login and second-factor posts per client network (IPv4 address, IPv6 /64); showing the forms is not limited.
            o.AddPolicy(LoginRateLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    ClientNetwork.Of(ctx),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = ctx.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.LoginAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                    })
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
        app.UseAccountGate();
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
