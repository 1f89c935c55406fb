using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace AdilSoz.Intake.Core.Reports;

/// <summary>
/// The figures of one calendar month as CONTRACT.md ("Monthly figures") gives them. Serialise with
/// <see cref="JsonOptions"/> (System.Text.Json web defaults: camelCase) to get the contract's shape.
/// </summary>
public sealed record MonthlyReport
{
    /// <summary>The web defaults (camelCase names, case-insensitive reading); Cyrillic and Kazakh letters written as they are.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>"YYYY-MM".</summary>
    public required string Month { get; init; }

    /// <summary>Rulings dated in the month, in cases of every kind.</summary>
    public required JudicialActsFigures JudicialActs { get; init; }

    /// <summary>Cases filed in the month; collected sums of rulings dated in the month.</summary>
    public required CaseFigures Filed { get; init; }

    /// <summary>The same from January 1 to the end of the month.</summary>
    public required CaseFigures YearToDate { get; init; }

    /// <summary>The notable incidents of the month, in date order.</summary>
    public required IReadOnlyList<ReportIncident> Incidents { get; init; }

    [JsonIgnore]
    public int Year => int.Parse(Month.AsSpan(0, 4), CultureInfo.InvariantCulture);

    [JsonIgnore]
    public int MonthNumber => int.Parse(Month.AsSpan(5, 2), CultureInfo.InvariantCulture);
}

public sealed record JudicialActsFigures(int Total, int InFavorOfMedia);

public sealed record CaseFigures(CriminalFigures Criminal, CivilFigures Civil, AdministrativeFigures Administrative)
{
    [JsonIgnore]
    public bool IsEmpty => Criminal.Total == 0 && Civil.Total == 0 && Civil.CollectedKzt == 0 && Administrative.Total == 0;
}

public sealed record CriminalFigures(int Total, int InCourt);

/// <summary>
/// Civil cases: <see cref="ClaimedKzt"/> sums the cases filed in the period, <see cref="CollectedKzt"/>
/// sums the rulings dated in the period (in civil cases), whenever the case was filed.
/// </summary>
public sealed record CivilFigures(int Total, int HonorDignity, long ClaimedKzt, long CollectedKzt);

public sealed record AdministrativeFigures(int Total);

/// <summary>
/// An incident as the report lists it; <c>id</c>, <c>title</c>, <c>summary</c> are the contract's fields (in the
/// incident's source language). <see cref="Texts"/>, when given, holds every language's version for the rendered report.
/// </summary>
public sealed record ReportIncident(long Id, string Title, string Summary, DateOnly OccurredOn, string? Narrative,
    [property: JsonIgnore] Registry.IncidentTexts? Texts = null)
{
    /// <summary>Equal when the contract's fields are (the language versions are not part of the JSON).</summary>
    public bool Equals(ReportIncident? other) =>
        other is not null && Id == other.Id && Title == other.Title && Summary == other.Summary && OccurredOn == other.OccurredOn && Narrative == other.Narrative;

    public override int GetHashCode() => HashCode.Combine(Id, Title, Summary, OccurredOn, Narrative);
}
