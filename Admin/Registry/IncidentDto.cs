using AdilSoz.Intake.Core.Registry;

namespace AdilSoz.Intake.Admin.Registry;

/// <summary>An incident as the JSON API returns it (CONTRACT.md): codes for region and category, money in whole tenge.</summary>
public sealed record IncidentDto(
    long Id,
    string Title,
    DateOnly OccurredOn,
    DatePrecision DatePrecision,
    string? Region,
    string? Settlement,
    string? Category,
    string? PerpetratorType,
    string Summary,
    string? Narrative,
    bool IsPublic,
    IReadOnlyList<VictimDto> Victims,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> Links,
    IReadOnlyList<LegalCaseDto> LegalCases,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string SourceLanguage,
    IReadOnlyList<IncidentInput.TranslationInput> Translations)
{
    public static IncidentDto From(Incident i) => new(
        i.Id, i.Title, i.OccurredOn, i.DatePrecision, i.RegionCode, i.Settlement, i.CategoryCode, i.PerpetratorType,
        i.Summary, i.Narrative, i.IsPublic,
        [.. i.Victims.Select(v => new VictimDto(v.Name, v.Role, v.Outlet, v.MayBeNamed))],
        i.Outlets, i.Links,
        [.. i.LegalCases.OrderBy(c => c.FiledOn).ThenBy(c => c.Id).Select(LegalCaseDto.From)],
        i.CreatedAt, i.UpdatedAt, i.SourceLanguage,
        [.. i.Translations.OrderBy(t => t.Language).Select(t => new IncidentInput.TranslationInput(t.Language, t.Title, t.Summary, t.Narrative))]);

    /// <summary>The same incident as an input, e.g. to fill the edit form.</summary>
    public static IncidentInput ToInput(Incident i) => new()
    {
        Title = i.Title,
        OccurredOn = i.OccurredOn,
        DatePrecision = i.DatePrecision,
        Region = i.RegionCode,
        Settlement = i.Settlement,
        Category = i.CategoryCode,
        PerpetratorType = i.PerpetratorType,
        Summary = i.Summary,
        Narrative = i.Narrative,
        IsPublic = i.IsPublic,
        SourceLanguage = i.SourceLanguage,
        Translations = [.. i.Translations.Select(t => new IncidentInput.TranslationInput(t.Language, t.Title, t.Summary, t.Narrative))],
        Victims = [.. i.Victims.Select(v => new IncidentInput.VictimInput(v.Name, v.Role, v.Outlet, v.MayBeNamed))],
        Outlets = [.. i.Outlets],
        Links = [.. i.Links],
        LegalCases = [.. i.LegalCases.OrderBy(c => c.FiledOn).ThenBy(c => c.Id).Select(c => new IncidentInput.LegalCaseInput
        {
            Kind = c.Kind, Article = c.Article, PlaintiffType = c.PlaintiffType, FiledOn = c.FiledOn, HonorDignity = c.HonorDignity,
            InCourt = c.InCourt, ClaimedKzt = c.ClaimedKzt, Stage = c.Stage, NextHearingOn = c.NextHearingOn,
            Rulings = [.. c.Rulings.OrderBy(r => r.On).ThenBy(r => r.Id).Select(r => new IncidentInput.RulingInput
            {
                On = r.On, InFavorOfMedia = r.InFavorOfMedia, CollectedKzt = r.CollectedKzt, Outcome = r.Outcome,
            })],
        })],
    };
}

public sealed record VictimDto(string Name, string? Role, string? Outlet, bool MayBeNamed);

public sealed record LegalCaseDto(
    long Id,
    LegalCaseKind Kind,
    string? Article,
    string? PlaintiffType,
    DateOnly FiledOn,
    bool HonorDignity,
    bool InCourt,
    long ClaimedKzt,
    string? Stage,
    DateOnly? NextHearingOn,
    IReadOnlyList<RulingDto> Rulings)
{
    public static LegalCaseDto From(LegalCase c) => new(
        c.Id, c.Kind, c.Article, c.PlaintiffType, c.FiledOn, c.HonorDignity, c.InCourt, c.ClaimedKzt, c.Stage, c.NextHearingOn,
        [.. c.Rulings.OrderBy(r => r.On).ThenBy(r => r.Id).Select(r => new RulingDto(r.Id, r.On, r.InFavorOfMedia, r.CollectedKzt, r.Outcome))]);
}

public sealed record RulingDto(long Id, DateOnly On, bool InFavorOfMedia, long CollectedKzt, string? Outcome);
