using AdilSoz.Intake.Core.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdilSoz.Intake.Core.Data.Configurations;

internal sealed class InboundItemConfiguration : IEntityTypeConfiguration<InboundItem>
{
    public void Configure(EntityTypeBuilder<InboundItem> b)
    {
        b.HasIndex(x => new { x.Channel, x.SourceKey }).IsUnique();
        b.HasIndex(x => x.MessageId);
        b.HasIndex(x => x.ContentSha256);
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.ReporterId);
        b.Property(x => x.SourceKey).HasMaxLength(512);
        b.Property(x => x.MessageId).HasMaxLength(998);
        b.Property(x => x.ContentSha256).HasMaxLength(64);
        b.HasOne(x => x.Submission).WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.Property(x => x.Reference)
            .HasMaxLength(32)
            .HasDefaultValueSql(
                $"'AS-' || to_char(now() at time zone 'utc', 'YYYY') || '-' || to_char(nextval('{IntakeDbContext.ReferenceSequence}'), 'FM99999999999900000')")
            .ValueGeneratedOnAdd();
        b.HasIndex(x => x.Reference).IsUnique();
        b.HasIndex(x => new { x.Status, x.Urgent, x.ReceivedAt, x.Id });
        b.HasIndex(x => x.ClusterId);
        b.HasIndex(x => x.TextHash);
        b.HasIndex(x => x.ReporterId);
        b.HasIndex(x => x.ParentId);
        b.HasIndex(x => x.InboundItemId).IsUnique();
        b.Property(x => x.AssignedTo).HasMaxLength(256);
        b.HasIndex(x => new { x.AssignedTo, x.Status });
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.SuggestionEvidence).HasColumnType("jsonb");
        b.Property(x => x.Fingerprint).HasColumnType("jsonb");
        b.HasOne(x => x.Reporter).WithMany().HasForeignKey(x => x.ReporterId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Submission>().WithMany().HasForeignKey(x => x.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Submission>().WithMany().HasForeignKey(x => x.MentionsId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Incident).WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("ck_submission_language", "\"Language\" IS NULL OR \"Language\" IN ('kk','ru','en')"));
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<SubmissionAttachment>
{
    public void Configure(EntityTypeBuilder<SubmissionAttachment> b)
    {
        b.ToTable("Attachments");
        b.HasIndex(x => x.Sha256);
        b.HasIndex(x => x.TelegramFileUniqueId);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<Blob>().WithMany().HasForeignKey(x => x.Sha256).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("ck_attachment_size", "\"Size\" >= 0"));
    }
}

internal sealed class BlobConfiguration : IEntityTypeConfiguration<Blob>
{
    public void Configure(EntityTypeBuilder<Blob> b)
    {
        b.HasKey(x => x.Sha256);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}

internal sealed class DuplicateLinkConfiguration : IEntityTypeConfiguration<DuplicateLink>
{
    public void Configure(EntityTypeBuilder<DuplicateLink> b)
    {
        b.HasIndex(x => new { x.SubmissionId, x.OtherId }).IsUnique();
        b.HasIndex(x => x.OtherId);
        b.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Submission>().WithMany().HasForeignKey(x => x.OtherId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DedupKeyConfiguration : IEntityTypeConfiguration<DedupKey>
{
    public void Configure(EntityTypeBuilder<DedupKey> b)
    {
        // Note: the key serves the replacement of a submission's keys (by SubmissionId); the lookup reads
        // (Key, ReceivedAt) backwards and needs SubmissionId only: an index-only scan. Two indexes a row, no
        // sequence, no foreign-key check per row (DedupKeysSql deletes the rows of deleted submissions).
        b.HasKey(x => new { x.SubmissionId, x.Key });
        b.HasIndex(x => new { x.Key, x.ReceivedAt }).IncludeProperties(x => x.SubmissionId);
    }
}

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> b)
    {
        b.HasIndex(x => x.IdempotencyKey).IsUnique();
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        // "Was this reporter answered within the last minutes?", asked for every mail report.
        b.HasIndex(x => new { x.ReporterId, x.CreatedAt });
        b.HasIndex(x => x.ProviderMessageId);
        b.Property(x => x.IdempotencyKey).HasMaxLength(200);
        b.Property(x => x.Recipient).HasMaxLength(320);
        b.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.SetNull);
    }
}
