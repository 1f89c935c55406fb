using System.Text.Json;
using System.Text.Json.Serialization;
using AdilSoz.Intake.Core.Reports;
using AdilSoz.Intake.Language.Reference;

namespace AdilSoz.Intake.Core.Registry;

/// <summary>
/// An incident as the JSON API and the forms take it (CONTRACT.md). <c>region</c> and <c>category</c>
/// accept a code or any name (kk, ru, en, aliases), case-insensitively; <c>victims</c> accepts names
/// or objects. <see cref="Validate"/> explains every problem; <see cref="ApplyTo"/> writes the entity.
/// </summary>
public sealed class IncidentInput
{
    public string? Title { get; set; }

    public DateOnly? OccurredOn { get; set; }

    public DatePrecision? DatePrecision { get; set; }

    public string? Region { get; set; }

    public string? Settlement { get; set; }

    public string? Category { get; set; }

    public string? PerpetratorType { get; set; }

    public string? Summary { get; set; }

    public string? Narrative { get; set; }

    public bool? IsPublic { get; set; }

    /// <summary>The language (kk, ru, en) of <see cref="Title"/>, <see cref="Summary"/> and <see cref="Narrative"/>; null keeps the incident's (en for a new one).</summary>
    public string? SourceLanguage { get; set; }

    /// <summary>The texts in the other languages; null keeps the incident's, a list replaces them (a blank title drops that language).</summary>
    public List<TranslationInput>? Translations { get; set; }

    [JsonConverter(typeof(VictimListConverter))]
    public List<VictimInput>? Victims { get; set; }

    public List<string>? Outlets { get; set; }

    public List<string>? Links { get; set; }

    public List<LegalCaseInput>? LegalCases { get; set; }

    /// <summary>An incident's title, summary and narrative in <paramref name="Language"/> (kk, ru, en).</summary>
    public sealed record TranslationInput(string Language, string? Title, string? Summary = null, string? Narrative = null)
    {
        public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Summary) && string.IsNullOrWhiteSpace(Narrative);
    }

    /// <summary>A victim; not named in publications unless <paramref name="MayBeNamed"/> says they agreed.</summary>
    public sealed record VictimInput(string Name, string? Role = null, string? Outlet = null, bool MayBeNamed = false);

    public sealed class LegalCaseInput
    {
        public LegalCaseKind Kind { get; set; }

        public string? Article { get; set; }

        public string? PlaintiffType { get; set; }

        public DateOnly? FiledOn { get; set; }

        public bool HonorDignity { get; set; }

        public bool InCourt { get; set; }

        public long ClaimedKzt { get; set; }

        public string? Stage { get; set; }

        public DateOnly? NextHearingOn { get; set; }

        public List<RulingInput>? Rulings { get; set; }
    }

    public sealed class RulingInput
    {
        public DateOnly? On { get; set; }

        public bool InFavorOfMedia { get; set; }

        public long CollectedKzt { get; set; }

        public string? Outcome { get; set; }
    }

    /// <summary>The validated region and category codes, filled by <see cref="Validate"/>.</summary>
    [JsonIgnore]
    public string? RegionCode { get; private set; }

    [JsonIgnore]
    public string? CategoryCode { get; private set; }

    /// <summary>Problems by field (camelCase JSON paths), empty when the input is valid.</summary>
    public Dictionary<string, string[]> Validate(IReadOnlyCollection<Region> regions, IReadOnlyCollection<Category> categories)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors["title"] = ["A title is required."];
        }
        else if (Title.Length > 500)
        {
            errors["title"] = ["The title is longer than 500 characters."];
        }

        if (OccurredOn is null)
        {
            errors["occurredOn"] = ["The date (occurredOn, YYYY-MM-DD) is required."];
        }

        RegionCode = ReferenceLookup.FindRegion(regions, Region);
        if (!string.IsNullOrWhiteSpace(Region) && RegionCode is null)
        {
            errors["region"] = [$"Unknown region \"{Region}\". Accepted codes: {string.Join(", ", regions.OrderBy(r => r.SortOrder).Select(r => r.Code))} (or their names in Kazakh, Russian or English)."];
        }

        CategoryCode = ReferenceLookup.FindCategory(categories, Category);
        if (!string.IsNullOrWhiteSpace(Category) && CategoryCode is null)
        {
            errors["category"] = [$"Unknown category \"{Category}\". Accepted codes: {string.Join(", ", categories.OrderBy(c => c.SortOrder).Select(c => c.Code))} (or their names in Kazakh, Russian or English)."];
        }

        if (SourceLanguage is not null && !ReportLanguage.IsSupported(SourceLanguage))
        {
            errors["sourceLanguage"] = [$"Unknown language \"{SourceLanguage}\"; use kk, ru or en."];
        }

        foreach (var t in (Translations ?? []).Where(t => !t.IsBlank))
        {
            if (!ReportLanguage.IsSupported(t.Language))
            {
                errors["translations"] = [$"Unknown language \"{t.Language}\"; use kk, ru or en."];
                continue;
            }

            var key = "translations." + ReportLanguage.Normalize(t.Language);
            if (SourceLanguage is not null && ReportLanguage.IsSupported(SourceLanguage) && ReportLanguage.Normalize(SourceLanguage) == ReportLanguage.Normalize(t.Language))
            {
                errors[key] = ["This language is the source language: its text is the original. Empty this version or choose another source language."];
            }
            else if (string.IsNullOrWhiteSpace(t.Title))
            {
                errors[key] = ["A translated version needs a title."];
            }
            else if (t.Title.Length > 500)
            {
                errors[key] = ["The title is longer than 500 characters."];
            }
        }

        for (var i = 0; i < (LegalCases?.Count ?? 0); i++)
        {
            var c = LegalCases![i];
            if (c.FiledOn is null)
            {
                errors[$"legalCases[{i}].filedOn"] = ["The filing date is required."];
            }

            if (c.ClaimedKzt < 0)
            {
                errors[$"legalCases[{i}].claimedKzt"] = ["The sum claimed cannot be negative."];
            }

            if (c.HonorDignity && c.Kind != LegalCaseKind.Civil)
            {
                errors[$"legalCases[{i}].honorDignity"] = ["Only civil claims are for honor and dignity."];
            }

            for (var j = 0; j < (c.Rulings?.Count ?? 0); j++)
            {
                var r = c.Rulings![j];
                if (r.On is null)
                {
                    errors[$"legalCases[{i}].rulings[{j}].on"] = ["The date of the ruling is required."];
                }
                else if (c.FiledOn is { } filed && r.On < filed)
                {
                    errors[$"legalCases[{i}].rulings[{j}].on"] = ["A ruling cannot be dated before its case was filed."];
                }

                if (r.CollectedKzt < 0)
                {
                    errors[$"legalCases[{i}].rulings[{j}].collectedKzt"] = ["The sum collected cannot be negative."];
                }
            }
        }

        return errors;
    }

    /// <summary>Writes the input into <paramref name="incident"/> (call <see cref="Validate"/> first). Legal cases are replaced.</summary>
    public void ApplyTo(Incident incident, DateTimeOffset now)
    {
        incident.Title = Title!.Trim();
        incident.OccurredOn = OccurredOn!.Value;
        incident.DatePrecision = DatePrecision ?? Registry.DatePrecision.Day;
        incident.RegionCode = RegionCode;
        incident.Settlement = Blank(Settlement);
        incident.CategoryCode = CategoryCode;
        incident.PerpetratorType = Blank(PerpetratorType);
        incident.Summary = Summary?.Trim() ?? "";
        incident.Narrative = Blank(Narrative);
        incident.IsPublic = IsPublic ?? incident.IsPublic;
        if (SourceLanguage is not null)
        {
            incident.SourceLanguage = ReportLanguage.Normalize(SourceLanguage);
        }

        if (Translations is not null)
        {
            incident.Translations = [.. Translations
                .Where(t => !string.IsNullOrWhiteSpace(t.Title) && ReportLanguage.Normalize(t.Language) != incident.SourceLanguage)
                .DistinctBy(t => ReportLanguage.Normalize(t.Language))
                .Select(t => new IncidentTranslation
                {
                    Language = ReportLanguage.Normalize(t.Language), Title = t.Title!.Trim(), Summary = t.Summary?.Trim() ?? "", Narrative = Blank(t.Narrative),
                })];
        }
        incident.Victims = (Victims ?? []).Where(v => !string.IsNullOrWhiteSpace(v.Name))
            .Select(v => new Victim { Name = v.Name.Trim(), Role = Blank(v.Role), Outlet = Blank(v.Outlet), MayBeNamed = v.MayBeNamed }).ToList();
        incident.Outlets = (Outlets ?? []).Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
        incident.Links = (Links ?? []).Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
        incident.LegalCases = (LegalCases ?? []).Select(c => new LegalCase
        {
            Kind = c.Kind,
            Article = Blank(c.Article),
            PlaintiffType = Blank(c.PlaintiffType),
            FiledOn = c.FiledOn!.Value,
            HonorDignity = c.HonorDignity,
            InCourt = c.InCourt,
            ClaimedKzt = c.ClaimedKzt,
            Stage = Blank(c.Stage),
            NextHearingOn = c.NextHearingOn,
            Rulings = (c.Rulings ?? []).Select(r => new Ruling
            {
                On = r.On!.Value, InFavorOfMedia = r.InFavorOfMedia, CollectedKzt = r.CollectedKzt, Outcome = Blank(r.Outcome),
            }).ToList(),
        }).ToList();
        incident.UpdatedAt = now;
        if (incident.Id == 0)
        {
            incident.CreatedAt = now;
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Victims as <c>["Name", …]</c> or <c>[{ "name": …, "role": …, "outlet": … }, …]</c>.</summary>
    private sealed class VictimListConverter : JsonConverter<List<VictimInput>>
    {
        public override List<VictimInput>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new JsonException("victims must be an array of names or objects.");
            }

            return doc.RootElement.EnumerateArray().Select(e => e.ValueKind switch
            {
                JsonValueKind.String => new VictimInput(e.GetString()!),
                JsonValueKind.Object => new VictimInput(
                    Prop(e, "name") ?? throw new JsonException("Each victim needs a name."),
                    Prop(e, "role"), Prop(e, "outlet"),
                    e.TryGetProperty("mayBeNamed", out var m) && m.ValueKind == JsonValueKind.True),
                _ => throw new JsonException("victims must be an array of names or objects."),
            }).ToList();
        }

        public override void Write(Utf8JsonWriter writer, List<VictimInput> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var v in value)
            {
                writer.WriteStartObject();
                writer.WriteString("name", v.Name);
                writer.WriteString("role", v.Role);
                writer.WriteString("outlet", v.Outlet);
                writer.WriteBoolean("mayBeNamed", v.MayBeNamed);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        private static string? Prop(JsonElement e, string name) =>
            e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
    }
}
