using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace AdilSoz.Intake.Language.Suggest;

/// <summary>A suggested code (category, region) with its confidence (0–1) and the words that led to it.</summary>
public sealed record CodeSuggestion(string Code, double Confidence, IReadOnlyList<string> Evidence);

/// <summary>A suggested language code (kk, ru, en) with its confidence and evidence.</summary>
public sealed record LanguageSuggestion(string Code, double Confidence, IReadOnlyList<string> Evidence);

/// <summary>A suggested settlement: canonical Russian name, its region, confidence and the words as written.</summary>
public sealed record SettlementSuggestion(string Name, string Region, double Confidence, IReadOnlyList<string> Evidence);

/// <summary>Whether the report looks urgent, and the words that make it so.</summary>
public sealed record UrgencySuggestion(bool Value, IReadOnlyList<string> Evidence);

/// <summary>
/// What the pipeline suggests for a submission, each part with its evidence, as stored in
/// <c>Submission.SuggestionEvidence</c> (jsonb) and shown by the admin site as "why".
/// </summary>
public sealed record Suggestions(
    CodeSuggestion? Category,
    CodeSuggestion? Region,
    SettlementSuggestion? Settlement,
    LanguageSuggestion? Language,
    UrgencySuggestion Urgent)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Cyrillic stays readable in the database; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>camelCase JSON: { category: { code, confidence, evidence }, region, settlement, language, urgent: { value, evidence } }.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static Suggestions? FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<Suggestions>(json, Json);
}
