using System.Text.Json;
using System.Text.Json.Serialization;
using AdilSoz.Intake.Language.Places;

namespace AdilSoz.Intake.Language.Dedup;

/// <summary>A person or outlet named in a report: phonetic key (see <see cref="Text.NameKeys"/>) and a Latin form to show.</summary>
public sealed record NameMention([property: JsonPropertyName("k")] string Key, [property: JsonPropertyName("d")] string Display);

/// <summary>Two names written side by side (a first name and a surname, either order): phonetic keys of both.</summary>
public sealed record NamePair([property: JsonPropertyName("a")] string A, [property: JsonPropertyName("b")] string B);

/// <summary>
/// What near-duplicate detection keeps of a submission, stored as JSON in <c>Submission.Fingerprint</c>:
/// hashed word stems and concepts, names, places, dates, file hashes and the exact text hash.
/// </summary>
public sealed record Fingerprint
{

    [JsonPropertyName("v")]
    public int Version { get; init; } = 1;

    [JsonPropertyName("lang")]
    public string? Language { get; init; }

    /// <summary>SHA-256 (hex) of the normalised text; null when there is no text.</summary>
    [JsonPropertyName("hash")]
    public string? ExactTextHash { get; init; }

    /// <summary>Sorted, distinct 32-bit hashes of the transliterated stems, concepts and numbers.</summary>
    [JsonPropertyName("terms")]
    public int[] Terms { get; init; } = [];

    [JsonPropertyName("names")]
    public IReadOnlyList<NameMention> Names { get; init; } = [];

    /// <summary>
    /// Names written side by side ("Лукпан Ахмедьяров"): a shared surname whose first names differ is
    /// another person. Absent in fingerprints written before it existed.
    /// </summary>
    [JsonPropertyName("pairs")]
    public IReadOnlyList<NamePair>? Pairs { get; init; }

    /// <summary>
    /// Outlets named in quotation marks («Уральская неделя»): phonetic keys of their words joined by a
    /// space. Two reports naming different outlets are most likely about different people. Absent in
    /// fingerprints written before it existed.
    /// </summary>
    [JsonPropertyName("outlets")]
    public IReadOnlyList<NameMention>? Outlets { get; init; }

    [JsonPropertyName("places")]
    public IReadOnlyList<PlaceMention> Places { get; init; } = [];

    /// <summary>Dates the report mentions or gives as the date of the event.</summary>
    [JsonPropertyName("dates")]
    public IReadOnlyList<DateOnly> Dates { get; init; } = [];

    /// <summary>SHA-256 (hex) of the attachments.</summary>
    [JsonPropertyName("files")]
    public IReadOnlyList<string> Files { get; init; } = [];

    [JsonPropertyName("at")]
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Locality-sensitive keys for the DedupKeys table (see <see cref="DedupKeys"/>).</summary>
    public IEnumerable<long> IndexKeys() => DedupKeys.Of(this);

    public string ToJson() => JsonSerializer.Serialize(this, FingerprintJson.Default.Fingerprint);

    public static Fingerprint FromJson(string json) =>
        JsonSerializer.Deserialize(json, FingerprintJson.Default.Fingerprint) ?? throw new JsonException("Empty fingerprint.");

    /// <summary>Reads the JSON as UTF-8 bytes (a column read as a stream), without making a string of it first.</summary>
    public static Fingerprint FromJson(Stream utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, FingerprintJson.Default.Fingerprint) ?? throw new JsonException("Empty fingerprint.");
}

/// <summary>
/// The fingerprint's JSON, generated at compile time: a duplicate lookup reads two dozen candidates' fingerprints,
/// and reading them through reflection took about as long as comparing them.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Fingerprint))]
internal sealed partial class FingerprintJson : JsonSerializerContext;
