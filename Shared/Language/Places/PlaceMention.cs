using System.Text.Json.Serialization;

namespace AdilSoz.Intake.Language.Places;

/// <summary>A settlement of Kazakhstan: canonical Russian name, region code and every known name.</summary>
public sealed record Settlement(string Name, string Region, IReadOnlyList<string> Names);

/// <summary>
/// A place named in a text or chosen in the dialogue: the region code when known, the phonetic key of
/// the name (see <see cref="Text.NameKeys"/>) and a Latin form to show. Fingerprints store these three
/// as <c>r</c>, <c>k</c>, <c>d</c>; where it was found (the settlement, the words as written, their
/// offset) is kept only while the text is read.
/// </summary>
public sealed record PlaceMention(
    [property: JsonPropertyName("r")] string? Region,
    [property: JsonPropertyName("k")] string Key,
    [property: JsonPropertyName("d")] string Display)
{
    /// <summary>Canonical Russian name of the settlement, when the name was one (not a region alone).</summary>
    [JsonIgnore]
    public string? Settlement { get; init; }

    /// <summary>The words as written in the text.</summary>
    [JsonIgnore]
    public string Surface { get; init; } = "";

    /// <summary>Where the words start in the text.</summary>
    [JsonIgnore]
    public int Offset { get; init; }

    /// <summary>What a fingerprint keeps of the mention: region, key and display.</summary>
    public PlaceMention Stored() => new(Region, Key, Display);
}
