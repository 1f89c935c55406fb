using System.Net;
using System.Net.Http.Headers;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Language.Dedup;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Tests.Moderation;

/// <summary>Puts reports, reporters, clusters and incidents into the Admin's database for the moderation tests.</summary>
public sealed class ModerationSeed(AdminApp app)
{
    public async Task<T> WithDbAsync<T>(Func<IntakeDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IntakeDbContext>());
    }

    public async Task<Reporter> ReporterAsync(string language = "ru", Channel channel = Channel.Telegram, string name = "Айгерим Нурланова", bool unreachable = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var directory = new ReporterDirectory(db, scope.ServiceProvider.GetRequiredService<IdentityProtector>(), TimeProvider.System);
        var identity = channel == Channel.Email ? $"r{Guid.NewGuid():N}@example.kz" : Random.Shared.NextInt64(100000, 999999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reporter = await directory.GetOrCreateAsync(channel, identity, identity, name, language, CancellationToken.None);
        reporter.Unreachable = unreachable;
        await db.SaveChangesAsync();
        return reporter;
    }

    public async Task<Submission> ReportAsync(string text, Reporter? reporter = null, bool urgent = false, DateTimeOffset? receivedAt = null,
        long? clusterId = null, bool mayName = false, Channel channel = Channel.Telegram, string? language = "ru", long? parentId = null,
        SubmissionKind kind = SubmissionKind.Report, string? category = "detention", string? region = "west_kazakhstan", SubmissionStatus status = SubmissionStatus.Pending)
    {
        var s = new Submission
        {
            Channel = channel, Kind = kind, Status = status, Language = language, Text = text,
            ReceivedAt = receivedAt ?? DateTimeOffset.UtcNow.AddMinutes(-Random.Shared.Next(10, 1000)), UpdatedAt = DateTimeOffset.UtcNow,
            ReporterId = reporter?.Id, Urgent = urgent, ClusterId = clusterId, MayNameReporter = mayName, ParentId = parentId,
            SuggestedCategory = category, SuggestedRegion = region, SuggestedSettlement = "Уральск",
        };
        await WithDbAsync(async db =>
        {
            db.Submissions.Add(s);
            return await db.SaveChangesAsync();
        });
        return s;
    }

    /// <summary>Puts the submissions into one cluster named after the first, with a reason for each.</summary>
    public Task<long> ClusterAsync(params Submission[] members) => WithDbAsync(async db =>
    {
        var head = members[0].Id;
        var ids = members.Select(m => m.Id).ToList();
        await db.Submissions.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.ClusterId, head));
        foreach (var m in members.Skip(1))
        {
            db.DuplicateLinks.Add(new DuplicateLink
            {
                SubmissionId = m.Id, OtherId = head, Level = LinkLevel.SameEvent, Score = 0.8,
                Explanation = $"same photo; names: Ахмедьяров; Уральск ({m.Id})", CreatedAt = DateTimeOffset.UtcNow,
            });
        }

        await db.SaveChangesAsync();
        return head;
    });

    public Task<long> IncidentAsync(string title, DateOnly on) => WithDbAsync(async db =>
    {
        var i = new Incident { Title = title, OccurredOn = on, RegionCode = "west_kazakhstan", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Incidents.Add(i);
        await db.SaveChangesAsync();
        return i.Id;
    });

    public Task<Submission> ReloadAsync(long id) => WithDbAsync(db => db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id));

    public Task<List<OutboundMessage>> OutboundAsync(long submissionId) =>
        WithDbAsync(db => db.OutboundMessages.AsNoTracking().Where(m => m.SubmissionId == submissionId).OrderBy(m => m.Id).ToListAsync());

    /// <summary>An HTTP client with a fresh API key of <paramref name="role"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(string role)
    {
        var key = ApiKeys.NewKey();
        await WithDbAsync(async db =>
        {
            db.ApiKeys.Add(new ApiKey { Name = $"test-{role}-{Guid.NewGuid():N}"[..24], Role = role, KeyHash = ApiKeys.Hash(key), Prefix = key[..8], CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A logged-in browser of a new user with <paramref name="role"/>, and the user's name.</summary>
    public async Task<(HttpClient Browser, string Email)> BrowserAsync(string role, string language = "en")
    {
        var email = await app.CreateUserAsync(role);
        var browser = app.CreateBrowser(language);
        var login = await AdminApp.LogInAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return (browser, email);
    }

    /// <summary>Posts a form of the page at <paramref name="url"/> to its handler, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string url, string handler, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(url);
        fields["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(page);
        var sep = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return await browser.PostAsync($"{url}{sep}handler={handler}", new FormUrlEncodedContent(fields));
    }
}
