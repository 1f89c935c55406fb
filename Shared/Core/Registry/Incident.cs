namespace AdilSoz.Intake.Core.Registry;

public enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>A violation of freedom of speech as recorded in the registry.</summary>
public sealed class Incident
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public DateOnly OccurredOn { get; set; }

    public DatePrecision DatePrecision { get; set; } = DatePrecision.Day;

    public string? RegionCode { get; set; }

    public string? Settlement { get; set; }

    public string? CategoryCode { get; set; }

    /// <summary>police, akimat, court, prosecutor, private, unknown, …</summary>
    public string? PerpetratorType { get; set; }

    public string Summary { get; set; } = "";

    public string? Narrative { get; set; }

    /// <summary>
    /// The language (kk, ru, en) the incident was first written in: <see cref="Title"/>, <see cref="Summary"/> and
    /// <see cref="Narrative"/> are in it; <see cref="Translations"/> holds the other languages.
    /// </summary>
    public string SourceLanguage { get; set; } = IncidentTexts.DefaultSource;

    /// <summary>The title, summary and narrative in the languages other than the source one. Stored as JSON in the incident.</summary>
    public List<IncidentTranslation> Translations { get; set; } = [];

    public bool IsPublic { get; set; }

    /// <summary>When an Editor published the incident on the public site; null while it is not published.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When an Editor last withdrew it from the public site (it left pages, feeds and open data then).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>Names of victims without consent are redacted when published.</summary>
    public List<Victim> Victims { get; set; } = [];

    public List<string> Outlets { get; set; } = [];

    public List<string> Links { get; set; } = [];

    public List<LegalCase> LegalCases { get; set; } = [];

    /// <summary>The staff member (account name) who looks after the incident (its cases, its updates). Null: unassigned.</summary>
    public string? AssignedTo { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }

    /// <summary>Every language version of the texts, the source one included.</summary>
    public IncidentTexts Texts() => IncidentTexts.Of(SourceLanguage, new IncidentText(Title, Summary, Narrative),
        Translations.Select(t => (t.Language, new IncidentText(t.Title, t.Summary, t.Narrative))));
}

/// <summary>An incident's title, summary and narrative in one language other than its source language.</summary>
public sealed class IncidentTranslation
{
    /// <summary>kk, ru or en.</summary>
    public required string Language { get; set; }

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string? Narrative { get; set; }
}

/// <summary>A journalist (or outlet staff) affected by an incident. Stored as JSON in the incident.</summary>
public sealed class Victim
{
    public required string Name { get; set; }

    /// <summary>editor, journalist, cameraman, blogger, …</summary>
    public string? Role { get; set; }

    public string? Outlet { get; set; }

    /// <summary>Consent to be named in publications.</summary>
    public bool MayBeNamed { get; set; } = true;
}
