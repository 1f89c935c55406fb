using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Core.Web;
using AdilSoz.Intake.Language.Reference;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Core.Data;

/// <summary>
/// The one database of the system: intake, registry, moderators (ASP.NET Core Identity) and the
/// shared Data Protection key ring. Hangfire keeps its own schema <c>hangfire</c> in the same database.
/// </summary>
/// <remarks>
/// Add a migration with:
/// <c>dotnet ef migrations add NAME --project Shared/Core --startup-project Shared/Core --output-dir Data/Migrations</c>
/// (the design-time factory reads <c>ConnectionStrings__Intake</c>, or uses a local default).
/// </remarks>
public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options)
    : IdentityDbContext<AdminUser>(options), IDataProtectionKeyContext
{
    /// <summary>Database sequence that numbers references AS-&lt;year&gt;-&lt;n&gt;.</summary>
    public const string ReferenceSequence = "submission_reference_seq";

    public DbSet<InboundItem> InboundItems => Set<InboundItem>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<SubmissionAttachment> Attachments => Set<SubmissionAttachment>();

    public DbSet<Blob> Blobs => Set<Blob>();

    public DbSet<DuplicateLink> DuplicateLinks => Set<DuplicateLink>();

    public DbSet<DedupKey> DedupKeys => Set<DedupKey>();

    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();

    public DbSet<WebReceipt> WebReceipts => Set<WebReceipt>();

    public DbSet<Reporter> Reporters => Set<Reporter>();

    public DbSet<DialogueState> DialogueStates => Set<DialogueState>();

    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<LegalCase> LegalCases => Set<LegalCase>();

    public DbSet<Ruling> Rulings => Set<Ruling>();

    /// <summary>Published incidents, public fields only (the view the public process reads).</summary>
    public DbSet<PublicIncident> PublicIncidents => Set<PublicIncident>();

    public DbSet<PublicRegistryState> PublicRegistryState => Set<PublicRegistryState>();

    /// <summary>Published incidents counted per region and category, kept as they change (the map reads these).</summary>
    public DbSet<PublicIncidentCount> PublicIncidentCounts => Set<PublicIncidentCount>();

    /// <summary>Published incidents counted per month, region and category, kept as they change (the chart by month reads these).</summary>
    public DbSet<PublicIncidentMonth> PublicIncidentMonths => Set<PublicIncidentMonth>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<InternalNote> InternalNotes => Set<InternalNote>();

    public DbSet<SavedReply> SavedReplies => Set<SavedReply>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();

    public DbSet<LoginFailure> LoginFailures => Set<LoginFailure>();

    public DbSet<KnownBrowser> KnownBrowsers => Set<KnownBrowser>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The sign-in cookies' own key ring (<see cref="SessionKeyRing"/>).</summary>
    public DbSet<SessionKey> SessionKeys => Set<SessionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasSequence<long>(ReferenceSequence).StartsAt(1);
        builder.ApplyConfigurationsFromAssembly(typeof(IntakeDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names: readable in SQL and stable when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

/// <summary>An installation secret (e.g. the reporter hash key), encrypted with Data Protection.</summary>
public sealed class AppSecret
{
    public required string Name { get; set; }

    public required string ValueEncrypted { get; set; }
}
