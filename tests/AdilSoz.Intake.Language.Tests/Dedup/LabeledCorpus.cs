using System.Text.Json;
using System.Text.Json.Serialization;
using AdilSoz.Intake.Language.Dedup;

namespace AdilSoz.Intake.Language.Tests.Dedup;

/// <summary>One hand-written report of the labeled corpus; <see cref="Event"/> is the label.</summary>
public sealed record CorpusReport(
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("lang")] string Language,
    [property: JsonPropertyName("received")] DateTimeOffset Received,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("settlement")] string? Settlement = null,
    [property: JsonPropertyName("region")] string? Region = null,
    [property: JsonPropertyName("files")] string[]? Files = null)
{
    public DedupInput ToInput(long id) =>
        new(id, Text, null, null, Received, Region, Settlement, Files ?? [], null);
}

public static class LabeledCorpus
{
    public static IReadOnlyList<CorpusReport> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Dedup", "Corpus", "reports.json");
        return JsonSerializer.Deserialize<List<CorpusReport>>(File.ReadAllText(path)) ?? [];
    }
}
