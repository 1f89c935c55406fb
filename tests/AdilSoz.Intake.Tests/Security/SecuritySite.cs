using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Language.Dedup;
using AdilSoz.Intake.Language.Suggest;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Tests.Security;

/// <summary>
/// The Admin site on its own database with one of everything a page can show — a clustered report with
/// a file, an incident, an audit entry — each carrying script payloads in every free-text field, and a
/// logged-in browser or API client per role.
/// </summary>
public sealed class SecuritySite : IAsyncLifetime
{
    /// <summary>The test classes that share one site (they run one after another).</summary>
    public const string Collection = "security-site";

    public const string Anonymous = "anonymous";
    public const string AdminKey = "admin-key";
    public const string MonitorKey = "monitor-key";
    public const string AdminNotEnrolled = "admin-without-2fa";
    public const string AdminRecovery = "admin-recovery-code";
    public const string Disabled = "disabled";

    /// <summary>
    /// Who asks: nobody, each role logged in (Editors and Admins with their authenticator code), API keys of the
    /// strongest and the weakest role, an Admin who has not set up a second factor yet, an Admin who logged in
    /// with a recovery code, and a Monitor disabled after logging in.
    /// </summary>
    public static readonly string[] Callers = [Anonymous, Roles.Monitor, Roles.Editor, Roles.Admin, AdminKey, MonitorKey, AdminNotEnrolled, AdminRecovery, Disabled];

    public const string Script = "<script>alert('xss')</script>";
    public const string ImgOnError = "<img src=x onerror=alert(1)>";
    public const string AttributeBreak = "\"><svg onload=alert(2)>";
    public const string JavascriptUrl = "javascript:alert(3)";

    /// <summary>All payloads in one string, for fields that take text.</summary>
    public static readonly string Payload = $"Задержан {Script} {ImgOnError} {AttributeBreak} {JavascriptUrl}";

    private readonly Dictionary<string, HttpClient> _callers = new(StringComparer.Ordinal);
    private readonly Dictionary<HttpClient, string?> _tokens = [];

    public PostgresDatabase Database { get; } = new();

    public AdminApp App { get; private set; } = null!;

    public long SubmissionId { get; private set; }

    public long AttachmentId { get; private set; }

    public long IncidentId { get; private set; }

    public byte[] AttachmentBytes { get; } = RandomNumberGenerator.GetBytes(64);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        // Sessions are checked against their user on every request, so the disabled caller is out at once.
        App = new AdminApp(Database, settings: new Dictionary<string, string> { ["Security:StampCheckSeconds"] = "0" });
        await using var db = Database.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var incident = new Incident
        {
            Title = "Title " + Payload, OccurredOn = new DateOnly(2021, 2, 10), RegionCode = "west_kazakhstan", CategoryCode = "detention",
            Settlement = "Уральск " + ImgOnError, Summary = "Summary " + Payload, Narrative = "Narrative " + Payload,
            Victims = [new Victim { Name = "Victim " + Script, Role = "Role " + ImgOnError, Outlet = "Outlet " + AttributeBreak }],
            Outlets = ["Outlet " + Script], Links = [JavascriptUrl, "https://example.kz/\"><script>alert(4)</script>"],
            CreatedAt = now, UpdatedAt = now,
        };
        db.Incidents.Add(incident);
        var sha = Convert.ToHexStringLower(SHA256.HashData(AttachmentBytes));
        db.Blobs.Add(new Blob { Sha256 = sha, Size = AttachmentBytes.Length, Bytes = AttachmentBytes, CreatedAt = now });
        var protector = App.Services.GetRequiredService<IdentityProtector>();
        var head = Report(now, protector);
        head.Attachments.Add(new SubmissionAttachment
        {
            FileName = $"../../etc/{Script}{ImgOnError}.pdf", ContentType = "application/pdf", Size = AttachmentBytes.Length,
            Sha256 = sha, Status = AttachmentStatus.Stored,
        });
        var other = Report(now.AddMinutes(-5), protector);
        db.Submissions.AddRange(head, other);
        await db.SaveChangesAsync();
        head.ClusterId = head.Id;
        other.ClusterId = head.Id;
        db.DuplicateLinks.Add(new DuplicateLink
        {
            SubmissionId = other.Id, OtherId = head.Id, Level = LinkLevel.SameEvent, Score = 0.8, Explanation = "names: " + Script, CreatedAt = now,
        });
        Audit.Add(db, TimeProvider.System, "actor " + ImgOnError, "reject", "submission", head.Id, new { note = Script }, reason: "Reason " + Payload);
        // The team's notes on the item, its cluster and the incident (plain text, shown encoded).
        db.InternalNotes.AddRange(
            new InternalNote { EntityType = InternalNote.OnSubmission, EntityId = head.Id, Author = "author " + ImgOnError, Text = "Note " + Payload, CreatedAt = now },
            new InternalNote { EntityType = InternalNote.OnCluster, EntityId = head.Id, Author = "author " + Script, Text = "Cluster note " + Payload, CreatedAt = now },
            new InternalNote { EntityType = InternalNote.OnIncident, EntityId = incident.Id, Author = "author " + AttributeBreak, Text = "Incident note " + Payload, CreatedAt = now });
        await db.SaveChangesAsync();
        (SubmissionId, AttachmentId, IncidentId) = (head.Id, head.Attachments[0].Id, incident.Id);
    }

    private static Submission Report(DateTimeOffset at, IdentityProtector protector) => new()
    {
        Channel = Channel.Email, Status = SubmissionStatus.Pending, Language = "ru", Subject = "Subject " + Payload,
        Text = "<p>Mail HTML</p>" + Payload, QuotedTextEncrypted = protector.Protect("Quoted " + Script), ReceivedAt = at, UpdatedAt = at,
        Settlement = "Settlement " + ImgOnError, Affected = "Affected " + Script, ForwardedFromEncrypted = protector.Protect("Forwarded " + AttributeBreak),
        SuggestedCategory = "detention", SuggestedRegion = "west_kazakhstan", SuggestedSettlement = "Уральск",
        SuggestionEvidence = new Suggestions(new CodeSuggestion("detention", 0.9, ["Evidence " + Script]), null, null, null,
            new UrgencySuggestion(true, [ImgOnError])).ToJson(),
        AttentionReason = "Attention " + ImgOnError,
    };

    /// <summary>Fills <c>{submission}</c>, <c>{attachment}</c>, <c>{incident}</c> in a URL of the route table.</summary>
    public string Url(string template) => template
        .Replace("{submission}", SubmissionId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{attachment}", AttachmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{incident}", IncidentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>A client for the caller, made once and kept (a fresh one with <paramref name="fresh"/>, e.g. to log out).</summary>
    public async Task<HttpClient> CallerAsync(string caller, bool fresh = false)
    {
        if (!fresh && _callers.TryGetValue(caller, out var known))
        {
            return known;
        }

        var client = App.CreateBrowser();
        if (caller is AdminKey or MonitorKey)
        {
            var key = await ApiKeyAsync(caller == AdminKey ? Roles.Admin : Roles.Monitor);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        else if (caller == AdminNotEnrolled)
        {
            var login = await AdminApp.LogInAsync(client, await App.CreateUserAsync(Roles.Admin, twoFactor: false));
            Assert.Equal("/queue", login.Headers.Location?.OriginalString);
        }
        else if (caller == AdminRecovery)
        {
            var email = await App.CreateUserAsync(Roles.Admin);
            var codes = await App.RecoveryCodesAsync(email);
            var login = await AdminApp.LogInAsync(client, email, secondFactor: codes[0]);
            Assert.Equal("/queue", login.Headers.Location?.OriginalString);
        }
        else if (caller == Disabled)
        {
            var email = await App.CreateUserAsync(Roles.Monitor);
            var login = await AdminApp.LogInAsync(client, email);
            Assert.Equal("/queue", login.Headers.Location?.OriginalString);
            await App.DisableAsync(email);
        }
        else if (caller != Anonymous)
        {
            var login = await AdminApp.LogInAsync(client, await App.CreateUserAsync(caller));
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        if (!fresh)
        {
            _callers[caller] = client;
        }

        return client;
    }

    /// <summary>Stores a new key of the role and returns the key itself (shown once, as the command does).</summary>
    public async Task<string> ApiKeyAsync(string role, string? name = null)
    {
        var key = ApiKeys.NewKey();
        await using var db = Database.CreateDbContext();
        db.ApiKeys.Add(new ApiKey
        {
            Name = name ?? $"test-{role}-{Guid.NewGuid():N}"[..24], Role = role, KeyHash = ApiKeys.Hash(key), Prefix = key[..10], CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>An antiforgery token for the caller's session, from a page that has a form.</summary>
    public async Task<string?> TokenAsync(HttpClient client)
    {
        if (_tokens.TryGetValue(client, out var known))
        {
            return known;
        }

        var page = await client.GetAsync("/account/login");
        var html = await page.Content.ReadAsStringAsync();
        var token = html.Contains("__RequestVerificationToken", StringComparison.Ordinal) ? AdminApp.AntiforgeryToken(html) : null;
        _tokens[client] = token;
        return token;
    }

    public async Task DisposeAsync()
    {
        foreach (var c in _callers.Values)
        {
            c.Dispose();
        }

        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
