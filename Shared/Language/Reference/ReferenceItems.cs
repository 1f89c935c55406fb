namespace AdilSoz.Intake.Language.Reference;

/// <summary>A violation category of the foundation's typology; editable by Editors.</summary>
public sealed class Category
{
    public required string Code { get; set; }

    /// <summary>Code of the group (criminal_attack, obstruction, …); null for a group itself.</summary>
    public string? GroupCode { get; set; }

    public required string NameKk { get; set; }

    public required string NameRu { get; set; }

    public required string NameEn { get; set; }

    /// <summary>Urgent kinds (detention, assault, threat, seizure) notify the monitors at once.</summary>
    public bool Urgent { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>A region of Kazakhstan (17 regions and 3 cities of republican significance).</summary>
public sealed class Region
{
    public required string Code { get; set; }

    public required string NameKk { get; set; }

    public required string NameRu { get; set; }

    public required string NameEn { get; set; }

    /// <summary>Other spellings: old names, transliterations, short forms.</summary>
    public List<string> Aliases { get; set; } = [];

    public string? Center { get; set; }

    public int SortOrder { get; set; }
}
