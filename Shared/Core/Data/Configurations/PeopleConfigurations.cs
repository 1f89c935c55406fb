using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdilSoz.Intake.Core.Data.Configurations;

internal sealed class ReporterConfiguration : IEntityTypeConfiguration<Reporter>
{
    public void Configure(EntityTypeBuilder<Reporter> b)
    {
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.HasIndex(x => x.ClaimedKeyHash);
        b.Property(x => x.ClaimedKeyHash).HasMaxLength(64);
        b.Property(x => x.Language).HasMaxLength(2);
    }
}

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> b)
    {
        b.HasIndex(x => x.ReporterId);
        b.Property(x => x.CodeHash).HasMaxLength(64);
        b.Property(x => x.Outcome).HasMaxLength(32);
        b.HasOne<Reporter>().WithMany().HasForeignKey(x => x.ReporterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DialogueStateConfiguration : IEntityTypeConfiguration<DialogueState>
{
    public void Configure(EntityTypeBuilder<DialogueState> b)
    {
        b.HasKey(x => x.ReporterId);
        b.Property(x => x.DraftJson).HasColumnType("jsonb");
        b.Property(x => x.Version).IsRowVersion();
        b.HasOne<Reporter>().WithOne().HasForeignKey<DialogueState>(x => x.ReporterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasIndex(x => x.At);
        b.Property(x => x.Details).HasColumnType("jsonb");
    }
}

internal sealed class InternalNoteConfiguration : IEntityTypeConfiguration<InternalNote>
{
    public void Configure(EntityTypeBuilder<InternalNote> b)
    {
        b.HasIndex(x => new { x.EntityType, x.EntityId, x.CreatedAt });
        b.Property(x => x.EntityType).HasMaxLength(16);
        b.Property(x => x.Author).HasMaxLength(256);
        b.Property(x => x.Text).HasMaxLength(InternalNote.MaxLength);
        b.ToTable(t => t.HasCheckConstraint("ck_internal_note_entity", "\"EntityType\" IN ('submission','cluster','incident')"));
    }
}

internal sealed class SavedReplyConfiguration : IEntityTypeConfiguration<SavedReply>
{
    public void Configure(EntityTypeBuilder<SavedReply> b)
    {
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Name).HasMaxLength(SavedReply.NameLength);
        b.Property(x => x.TextKk).HasMaxLength(SavedReply.TextLength);
        b.Property(x => x.TextRu).HasMaxLength(SavedReply.TextLength);
        b.Property(x => x.TextEn).HasMaxLength(SavedReply.TextLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        b.ToTable(t => t.HasCheckConstraint("ck_saved_reply_text", "COALESCE(\"TextKk\", \"TextRu\", \"TextEn\") IS NOT NULL"));
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.Property(x => x.Role).HasMaxLength(16);
    }
}

internal sealed class AppSecretConfiguration : IEntityTypeConfiguration<AppSecret>
{
    public void Configure(EntityTypeBuilder<AppSecret> b) => b.HasKey(x => x.Name);
}

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> b)
    {
        b.HasIndex(x => new { x.Account, x.Network, x.At });
        b.HasIndex(x => x.At);
        b.Property(x => x.Account).HasMaxLength(256);
        b.Property(x => x.Network).HasMaxLength(64);
    }
}

internal sealed class KnownBrowserConfiguration : IEntityTypeConfiguration<KnownBrowser>
{
    public void Configure(EntityTypeBuilder<KnownBrowser> b)
    {
        b.HasIndex(x => new { x.UserId, x.TokenHash }).IsUnique();
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasOne<AdminUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
