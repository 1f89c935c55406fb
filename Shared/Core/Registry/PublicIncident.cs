using System.Linq.Expressions;
using NpgsqlTypes;

namespace AdilSoz.Intake.Core.Registry;

/// <summary>
/// An incident as the public sees it: a row of the view <c>public_incidents</c> (published incidents only), or of
/// <c>incident_public_fields</c> for an Editor's preview before publishing. Only public fields: no narrative
/// history, links, submissions, notes or reporters; victims who did not consent have no name (nor outlet) and
/// their names are masked in the texts. The SQL is in <see cref="Data.PublicRegistrySql"/>.
/// </summary>
public sealed class PublicIncident
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public DateOnly OccurredOn { get; set; }

    public DatePrecision DatePrecision { get; set; }

    public string? RegionCode { get; set; }

    public string? Settlement { get; set; }

    public string? CategoryCode { get; set; }

    public string Summary { get; set; } = "";

    public string? Narrative { get; set; }

    /// <summary>JSON array of <c>{ name (null when withheld), role, outlet (null when withheld) }</c>.</summary>
    public string Victims { get; set; } = "[]";

    public List<string> Outlets { get; set; } = [];

    /// <summary>Kinds of the legal cases (Criminal, Civil, Administrative), for the case-kind filter.</summary>
    public List<string> CaseKinds { get; set; } = [];

    /// <summary>JSON array of the legal cases' public fields with their rulings.</summary>
    public string LegalCases { get; set; } = "[]";

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public NpgsqlTsVector SearchVector { get; set; } = null!;

    /// <summary>
    /// Every column but <see cref="SearchVector"/>, as a projection for rows that are shown: the vector is made from the
    /// masked texts of each row read (most of a page's time in the database) and serves only to filter, before it.
    /// </summary>
    public static readonly Expression<Func<PublicIncident, PublicIncident>> Shown = ShownColumns();

    private static Expression<Func<PublicIncident, PublicIncident>> ShownColumns()
    {
        var row = Expression.Parameter(typeof(PublicIncident), "i");
        var columns = typeof(PublicIncident).GetProperties()
            .Where(p => p.CanWrite && p.Name != nameof(SearchVector))
            .Select(p => Expression.Bind(p, Expression.Property(row, p)));
        return Expression.Lambda<Func<PublicIncident, PublicIncident>>(Expression.MemberInit(Expression.New(typeof(PublicIncident)), columns), row);
    }

    /// <summary>The language the incident was first written in; <see cref="Title"/>, <see cref="Summary"/> and <see cref="Narrative"/> are in it.</summary>
    public string SourceLanguage { get; set; } = IncidentTexts.DefaultSource;

    // Each language's version (masked like the source texts); null where the incident has none in that language.
    public string? TitleKk { get; set; }

    public string? SummaryKk { get; set; }

    public string? NarrativeKk { get; set; }

    public string? TitleRu { get; set; }

    public string? SummaryRu { get; set; }

    public string? NarrativeRu { get; set; }

    public string? TitleEn { get; set; }

    public string? SummaryEn { get; set; }

    public string? NarrativeEn { get; set; }

    /// <summary>Every language version of the public texts.</summary>
    public IncidentTexts Texts() => IncidentTexts.Of(SourceLanguage, SourceText(),
    [
        ("kk", new IncidentText(TitleKk ?? "", SummaryKk ?? "", NarrativeKk)),
        ("ru", new IncidentText(TitleRu ?? "", SummaryRu ?? "", NarrativeRu)),
        ("en", new IncidentText(TitleEn ?? "", SummaryEn ?? "", NarrativeEn)),
    ]);

    /// <summary>The source texts from the language columns (masked under both scripts of a name), else the source columns.</summary>
    private IncidentText SourceText() => SourceLanguage switch
    {
        "kk" when TitleKk is not null => new IncidentText(TitleKk, SummaryKk ?? "", NarrativeKk),
        "ru" when TitleRu is not null => new IncidentText(TitleRu, SummaryRu ?? "", NarrativeRu),
        "en" when TitleEn is not null => new IncidentText(TitleEn, SummaryEn ?? "", NarrativeEn),
        _ => new IncidentText(Title, Summary, Narrative),
    };
}

/// <summary>
/// The one row of the view <c>public_registry_state</c>: how many incidents are public and when the public data last
/// changed (a publication, an edit of a public incident, a withdrawal, a deletion), the source of ETag and
/// Last-Modified. Kept as the incidents change (see <see cref="Data.PublicRegistryCountsSql"/>), not counted.
/// </summary>
public sealed class PublicRegistryState
{
    public long Published { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }
}

/// <summary>
/// A row of the view <c>public_incident_counts</c>: how many published incidents have this region and category (either
/// may be null), kept as the incidents change. Counts only: no incident is reachable through it.
/// </summary>
public sealed class PublicIncidentCount
{
    public string? RegionCode { get; set; }

    public string? CategoryCode { get; set; }

    public long Published { get; set; }
}

/// <summary>
/// A row of the view <c>public_incident_months</c>: how many published incidents happened in this month (its first day)
/// with this region and category (either may be null), kept as the incidents change. Counts only: no incident is
/// reachable through it.
/// </summary>
public sealed class PublicIncidentMonth
{
    public DateOnly Month { get; set; }

    public string? RegionCode { get; set; }

    public string? CategoryCode { get; set; }

    public long Published { get; set; }
}
