using System.Threading.RateLimiting;
using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.WebForm.OpenData;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Operations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;

namespace AdilSoz.Intake.Admin.WebForm;

/// <summary>
/// <c>Admin public</c>: the reporters' pages as a process of their own (the web form <c>/report</c>, the status page
/// <c>/status</c>, <c>/healthz</c>) and the public registry (pages, map, feed, open data, public API), so that the
/// staff site can stay on an internal address. Only the pages under <c>WebForm/</c> and the public data exist here:
/// the staff pages, the staff API and the Hangfire dashboard are not mapped and answer 404.
/// It works under any Host header and over plain HTTP (an onion service): relative URLs only, no HSTS, no
/// redirect to HTTPS, cookies Secure only over HTTPS. It never reads a forwarded client address, and logs no
/// request line or connection, so no IP address is logged or stored.
/// </summary>
public static class PublicSite
{
    private const string StatusChecks = "status-checks";

    public static bool IsPublic(string[] args) => args is ["public", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args[1..]);
        builder.AddIntakeDefaults();
        builder.AddPublicSite();
        var app = builder.Build();
        app.UsePublicSite();
        return await app.RunIntakeAsync();
    }

    public static void AddPublicSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicOptions>().BindConfiguration(PublicOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var limits = builder.Configuration.GetSection(PublicOptions.SectionName).Get<PublicOptions>() ?? new PublicOptions();

        // Note: Kestrel logs the remote end point of a connection it drops or refuses (and at Debug, of every
        // one); the public process keeps only its errors.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Error);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxRequestBytes);
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = limits.MaxRequestBytes;
            o.ValueCountLimit = 64;
            // Note: past this threshold (64 kB by default) a form's body is buffered to a temporary file, which
            // a killed process leaves behind, photos included. Kept in memory, bounded by ConcurrentPosts.
            o.MemoryBufferThreshold = (int)Math.Min(int.MaxValue, limits.MaxRequestBytes);
        });

        // The staff processes rotate the shared key ring; this one only uses it (its role may not write keys).
        builder.Services.AddDataProtection().DisableAutomaticKeyGeneration();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "adilsoz.public.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/WebForm";
            o.Conventions.AddPageApplicationModelConvention("/Status", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(StatusChecks)));
        });

        // Guessing across references: one budget of receipt checks for everyone (there is no one to tell apart).
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetConcurrencyLimiter("posts", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limits.ConcurrentPosts, QueueLimit = limits.ConcurrentPosts * 8,
                })
                : RateLimitPartition.GetNoLimiter("show"));
            // The public API: one budget a minute for all callers (the process keeps no caller's address, even in memory).
            o.AddPolicy(PublicData.ApiPolicy, _ => RateLimitPartition.GetFixedWindowLimiter("all", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.ApiRequestsPerMinute, Window = TimeSpan.FromMinutes(1),
            }));
            o.AddPolicy(StatusChecks, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("all", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.StatusChecksPerMinute, Window = TimeSpan.FromMinutes(1),
                })
                : RateLimitPartition.GetNoLimiter("show"));
        });
        // Cyrillic and Kazakh letters are written as they are, not as &#x...; entities.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<WebReports>();
        builder.Services.AddScoped<PublicText>();
    }

    public static void UsePublicSite(this WebApplication app)
    {
        app.Use((ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var h = ctx.Response.Headers;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                h["Permissions-Policy"] = Security.SecurityHeaders.PermissionsPolicy;
                h.ContentSecurityPolicy = PublicStyle.ContentSecurityPolicy;
                // Nothing of a reporter's page is kept by the browser or a proxy (the receipt is shown once); the
                // public registry's pages set their own short lifetime with validators (PublicFreshness).
                if (string.IsNullOrEmpty(h.CacheControl))
                {
                    h.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(ctx);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(e => e.Run(ctx => ctx.Response.WriteAsync("500 Internal Server Error\n")));
        }

        app.UseStatusCodePages(PublicStyle.StatusPageAsync);
        app.UseUiLanguage();
        app.UseRouting();
        app.UseRateLimiter();
        app.MapGet(PublicStyle.Path, PublicStyle.Serve);
        app.MapIntakeHealth();
        app.MapPublicData();
        app.MapRazorPages();
    }
}
