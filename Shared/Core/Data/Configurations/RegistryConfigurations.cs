using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Language.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdilSoz.Intake.Core.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Version).IsRowVersion();
        b.OwnsMany(x => x.Victims, v => v.ToJson());
        b.Property(x => x.SourceLanguage).HasMaxLength(2);
        b.OwnsMany(x => x.Translations, t => t.ToJson());
        b.HasIndex(x => x.OccurredOn);
        b.Property(x => x.AssignedTo).HasMaxLength(256);
        b.HasIndex(x => x.AssignedTo);
        b.HasIndex(x => new { x.RegionCode, x.OccurredOn });
        b.HasIndex(x => new { x.CategoryCode, x.OccurredOn });
        b.HasIndex(x => x.Outlets).HasMethod("gin");

        // The public registry reads published incidents only: newest first by keyset (the list, the API, the open
        // data, the latest month), with region and category at hand so that a map counted over a period needs no
        // row; and by publication (the feed).
        b.HasIndex(x => new { x.OccurredOn, x.Id }, "IX_Incidents_Published_OccurredOn_Id")
            .IsDescending().HasFilter(PublishedFilter).IncludeProperties(x => new { x.RegionCode, x.CategoryCode });
        b.HasIndex(x => new { x.PublishedAt, x.Id }, "IX_Incidents_Published_PublishedAt_Id")
            .IsDescending().HasFilter(PublishedFilter);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryCode).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.LegalCases).WithOne(x => x.Incident).HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);

        // Full-text search in three languages: 'simple' (exact words, any language, Kazakh included)
        // plus 'russian' (stems). A stored generated column with a GIN index; see migration IncidentSearch
        // for the immutable array-to-text function it uses.
        b.Property<NpgsqlTypes.NpgsqlTsVector>(IncidentSearch.Column)
            .HasComputedColumnSql(SearchVectorSql, stored: true);
        b.HasIndex(IncidentSearch.Column).HasMethod("GIN");
    }

    private const string PublishedFilter = "\"PublishedAt\" IS NOT NULL";

    private const string SearchText =
        "coalesce(\"Title\", '') || ' ' || coalesce(\"Summary\", '') || ' ' || coalesce(\"Narrative\", '') || ' ' || " +
        "coalesce(\"Settlement\", '') || ' ' || adilsoz_join_text(\"Outlets\")";

    private const string SearchVectorSql =
        "to_tsvector('simple'::regconfig, " + SearchText + ") || to_tsvector('russian'::regconfig, " + SearchText + ")";
}

internal sealed class LegalCaseConfiguration : IEntityTypeConfiguration<LegalCase>
{
    public void Configure(EntityTypeBuilder<LegalCase> b)
    {
        b.HasIndex(x => x.FiledOn);
        // The registry's "case kind" filter: an index-only check per incident.
        b.HasIndex(x => new { x.IncidentId, x.Kind });
        b.HasMany(x => x.Rulings).WithOne().HasForeignKey(x => x.LegalCaseId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("ck_legal_case_claimed", "\"ClaimedKzt\" >= 0"));
    }
}

internal sealed class RulingConfiguration : IEntityTypeConfiguration<Ruling>
{
    public void Configure(EntityTypeBuilder<Ruling> b)
    {
        b.HasIndex(x => x.On);
        b.ToTable(t => t.HasCheckConstraint("ck_ruling_collected", "\"CollectedKzt\" >= 0"));
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(64);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(64);
    }
}

internal sealed class PublicIncidentConfiguration : IEntityTypeConfiguration<PublicIncident>
{
    public void Configure(EntityTypeBuilder<PublicIncident> b)
    {
        // A view made by PublicRegistrySql (not by EF): migrations leave it alone.
        b.HasNoKey().ToView(PublicRegistrySql.PublicIncidents);
        b.Property(x => x.Victims).HasColumnType("jsonb");
        b.Property(x => x.LegalCases).HasColumnType("jsonb");
    }
}

internal sealed class PublicRegistryStateConfiguration : IEntityTypeConfiguration<PublicRegistryState>
{
    public void Configure(EntityTypeBuilder<PublicRegistryState> b) => b.HasNoKey().ToView(PublicRegistrySql.State);
}

internal sealed class PublicIncidentCountConfiguration : IEntityTypeConfiguration<PublicIncidentCount>
{
    // A view made by PublicRegistryCountsSql (not by EF): migrations leave it alone.
    public void Configure(EntityTypeBuilder<PublicIncidentCount> b) => b.HasNoKey().ToView(PublicRegistryCountsSql.Counts);
}

internal sealed class PublicIncidentMonthConfiguration : IEntityTypeConfiguration<PublicIncidentMonth>
{
    // A view made by PublicRegistryMonthsSql (not by EF): migrations leave it alone.
    public void Configure(EntityTypeBuilder<PublicIncidentMonth> b) => b.HasNoKey().ToView(PublicRegistryMonthsSql.Months);
}
