using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>
/// Attachment content by attachment id only (no paths): common raster images inline (the submission
/// page shows them as thumbnails), everything else — PDFs, SVG, HTML — as a download.
/// </summary>
public static class AttachmentDownloads
{
    private static readonly HashSet<string> InlineImages = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/png", "image/gif", "image/webp",
    };

    public static bool IsInlineImage(string contentType) => InlineImages.Contains(contentType);

    public static IEndpointRouteBuilder MapAttachmentDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/attachments/{id:long}", DownloadAsync).RequireAuthorization(AdminSecurity.MonitorPolicy);
        return app;
    }

    private static async Task<IResult> DownloadAsync(long id, bool? download, HttpContext http, IntakeDbContext db, CancellationToken ct)
    {
        var a = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is not { Status: AttachmentStatus.Stored, Sha256: { } sha })
        {
            return Results.NotFound();
        }

        var bytes = await db.Blobs.AsNoTracking().Where(b => b.Sha256 == sha).Select(b => b.Bytes).SingleOrDefaultAsync(ct);
        if (bytes is null)
        {
            return Results.NotFound();
        }

        var inline = download != true && IsInlineImage(a.ContentType);
        var type = inline || a.ContentType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase) ? a.ContentType : "application/octet-stream";
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(string.IsNullOrWhiteSpace(a.FileName) ? $"attachment-{a.Id}" : Path.GetFileName(a.FileName));
        http.Response.Headers.ContentDisposition = disposition.ToString();
        // Evidence from people at risk: no copy in the browser's cache or on a shared machine's disk.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Content-Security-Policy"] = "default-src 'none'; sandbox";
        return Results.Bytes(bytes, type);
    }
}
