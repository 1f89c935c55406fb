namespace AdilSoz.Intake.Core.Registry;

public enum LegalCaseKind
{
    Criminal,
    Civil,
    Administrative,
}

/// <summary>A criminal, civil or administrative case arising from an incident.</summary>
public sealed class LegalCase
{
    public long Id { get; set; }

    public long IncidentId { get; set; }

    public Incident? Incident { get; set; }

    public LegalCaseKind Kind { get; set; }

    /// <summary>Article of the code or basis of the claim.</summary>
    public string? Article { get; set; }

    /// <summary>official, akimat, business, private person, …</summary>
    public string? PlaintiffType { get; set; }

    public DateOnly FiledOn { get; set; }

    /// <summary>A claim for protection of honor, dignity and business reputation.</summary>
    public bool HonorDignity { get; set; }

    public bool InCourt { get; set; }

    /// <summary>Sum claimed (non-pecuniary damage), whole tenge.</summary>
    public long ClaimedKzt { get; set; }

    public string? Stage { get; set; }

    public DateOnly? NextHearingOn { get; set; }

    public List<Ruling> Rulings { get; set; } = [];
}

/// <summary>A judicial act in a legal case.</summary>
public sealed class Ruling
{
    public long Id { get; set; }

    public long LegalCaseId { get; set; }

    public DateOnly On { get; set; }

    public bool InFavorOfMedia { get; set; }

    /// <summary>Sum the court collected from the media, whole tenge.</summary>
    public long CollectedKzt { get; set; }

    public string? Outcome { get; set; }
}
