using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdilSoz.Intake.Core.Data.Configurations;

internal sealed class WebReceiptConfiguration : IEntityTypeConfiguration<WebReceipt>
{
    public void Configure(EntityTypeBuilder<WebReceipt> b)
    {
        b.HasKey(x => x.SubmissionId);
        b.Property(x => x.SubmissionId).ValueGeneratedNever();
        b.Property(x => x.Reference).HasMaxLength(32);
        b.HasIndex(x => x.Reference).IsUnique();
        b.Property(x => x.ReceiptHash).HasMaxLength(128);
        b.HasOne<Submission>().WithOne().HasForeignKey<WebReceipt>(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("ck_web_receipt_attempts", "\"FailedAttempts\" >= 0"));
    }
}
