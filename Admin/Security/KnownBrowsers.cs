using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Security;

/// <summary>
/// Recognises the browsers a user logged in from by a long-lived random cookie (only its hash is stored), and
/// mails the user through the outbox when a login comes from a browser not seen before for them.
/// </summary>
public sealed class KnownBrowsers(IntakeDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string CookieName = "adilsoz.browser";

    public async Task SeenAsync(HttpContext http, AdminUser user, CancellationToken ct)
    {
        var token = http.Request.Cookies[CookieName];
        if (token is not { Length: 43 })
        {
            token = Base64Url(RandomNumberGenerator.GetBytes(32));
            http.Response.Cookies.Append(CookieName, token, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                Expires = clock.GetUtcNow().AddYears(2),
            });
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
        var now = clock.GetUtcNow();
        if (await db.KnownBrowsers.Where(b => b.UserId == user.Id && b.TokenHash == hash)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.LastSeenAt, now), ct) > 0)
        {
            return;
        }

        var browser = new KnownBrowser { UserId = user.Id, TokenHash = hash, FirstSeenAt = now, LastSeenAt = now };
        db.KnownBrowsers.Add(browser);
        await db.SaveChangesAsync(ct);
        if (string.IsNullOrWhiteSpace(user.Email))
        {
            return;
        }

        var (subject, body) = NewBrowserMail(user.UiLanguage ?? "ru", now, UserAgent(http), ClientNetwork.Of(http));
        var message = new OutboundMessage
        {
            IdempotencyKey = $"new-browser:{browser.Id}",
            Channel = Channel.Email,
            Kind = OutboundKind.Notice,
            Recipient = user.Email,
            Subject = subject,
            Body = body,
            CreatedAt = now,
        };
        db.OutboundMessages.Add(message);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<IOutboundJob>(JobQueues.Notifications, j => j.SendAsync(message.Id, CancellationToken.None));
    }

    public static (string Subject, string Body) NewBrowserMail(string language, DateTimeOffset at, string browser, string network)
    {
        var when = at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return (UiText.In(language, "NewBrowserMailSubject"),
            string.Format(CultureInfo.InvariantCulture, UiText.In(language, "NewBrowserMailBody"), when, browser, network));
    }

    private static string UserAgent(HttpContext http)
    {
        var ua = http.Request.Headers.UserAgent.ToString();
        ua = new string(ua.Where(c => !char.IsControl(c)).Take(200).ToArray());
        return ua.Length == 0 ? "?" : ua;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
