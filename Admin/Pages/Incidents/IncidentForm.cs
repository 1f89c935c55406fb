using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Reports;

namespace AdilSoz.Intake.Admin.Pages.Incidents;

/// <summary>
/// The incident as the edit form posts it: like <see cref="IncidentInput"/>, with blank rows for one more
/// victim, case and ruling (dropped when left empty) and outlets and links one per line.
/// </summary>
public sealed partial class IncidentForm
{
    public static readonly string[] PerpetratorTypes = ["police", "akimat", "court", "prosecutor", "national_security", "officials", "private", "unknown", "other"];

    /// <summary>The incident's row version (PostgreSQL xmin) when the form was opened; null for a new incident.</summary>
    public uint? Version { get; set; }

    public string? Title { get; set; }

    public DateOnly? OccurredOn { get; set; }

    public DatePrecision DatePrecision { get; set; }

    public string? Region { get; set; }

    public string? Settlement { get; set; }

    public string? Category { get; set; }

    public string? PerpetratorType { get; set; }

    public string? Summary { get; set; }

    public string? Narrative { get; set; }

    /// <summary>The language of <see cref="Title"/>, <see cref="Summary"/> and <see cref="Narrative"/> (the original texts).</summary>
    public string SourceLanguage { get; set; } = IncidentTexts.DefaultSource;

    /// <summary>The versions in the two other languages, beside the original.</summary>
    public List<TranslationRow> Translations { get; set; } = [];

    public bool IsPublic { get; set; }

    public string? Outlets { get; set; }

    public string? Links { get; set; }

    public List<VictimRow> Victims { get; set; } = [];

    public List<CaseRow> Cases { get; set; } = [];

    public sealed class TranslationRow
    {
        public string Language { get; set; } = "";

        public string? Title { get; set; }

        public string? Summary { get; set; }

        public string? Narrative { get; set; }
    }

    public sealed class VictimRow
    {
        public string? Name { get; set; }

        public string? Role { get; set; }

        public string? Outlet { get; set; }

        public bool Withheld { get; set; }
    }

    public sealed class CaseRow
    {
        public LegalCaseKind Kind { get; set; } = LegalCaseKind.Civil;

        public string? Article { get; set; }

        public string? PlaintiffType { get; set; }

        public DateOnly? FiledOn { get; set; }

        public bool HonorDignity { get; set; }

        public bool InCourt { get; set; }

        public long? ClaimedKzt { get; set; }

        public string? Stage { get; set; }

        public DateOnly? NextHearingOn { get; set; }

        public bool Remove { get; set; }

        public List<RulingRow> Rulings { get; set; } = [];

        public bool IsBlank => FiledOn is null && string.IsNullOrWhiteSpace(Article) && string.IsNullOrWhiteSpace(PlaintiffType)
            && (ClaimedKzt ?? 0) == 0 && string.IsNullOrWhiteSpace(Stage) && NextHearingOn is null && Rulings.All(r => r.IsBlank);
    }

    public sealed class RulingRow
    {
        public DateOnly? On { get; set; }

        public bool InFavorOfMedia { get; set; }

        public long? CollectedKzt { get; set; }

        public string? Outcome { get; set; }

        public bool Remove { get; set; }

        public bool IsBlank => On is null && (CollectedKzt ?? 0) == 0 && string.IsNullOrWhiteSpace(Outcome);
    }

    public static IncidentForm From(IncidentInput i) => new()
    {
        Title = i.Title,
        OccurredOn = i.OccurredOn,
        DatePrecision = i.DatePrecision ?? DatePrecision.Day,
        Region = i.Region,
        Settlement = i.Settlement,
        Category = i.Category,
        PerpetratorType = i.PerpetratorType,
        Summary = i.Summary,
        Narrative = i.Narrative,
        SourceLanguage = i.SourceLanguage ?? IncidentTexts.DefaultSource,
        Translations = [.. (i.Translations ?? []).Select(t => new TranslationRow { Language = t.Language, Title = t.Title, Summary = t.Summary, Narrative = t.Narrative })],
        IsPublic = i.IsPublic ?? false,
        Outlets = string.Join('\n', i.Outlets ?? []),
        Links = string.Join('\n', i.Links ?? []),
        Victims = [.. (i.Victims ?? []).Select(v => new VictimRow { Name = v.Name, Role = v.Role, Outlet = v.Outlet, Withheld = !v.MayBeNamed })],
        Cases = [.. (i.LegalCases ?? []).Select(c => new CaseRow
        {
            Kind = c.Kind, Article = c.Article, PlaintiffType = c.PlaintiffType, FiledOn = c.FiledOn, HonorDignity = c.HonorDignity,
            InCourt = c.InCourt, ClaimedKzt = c.ClaimedKzt, Stage = c.Stage, NextHearingOn = c.NextHearingOn,
            Rulings = [.. (c.Rulings ?? []).Select(r => new RulingRow { On = r.On, InFavorOfMedia = r.InFavorOfMedia, CollectedKzt = r.CollectedKzt, Outcome = r.Outcome })],
        })],
    };

    /// <summary>Adds the empty rows the form shows for one more victim, case and ruling.</summary>
    public IncidentForm WithBlankRows()
    {
        // One column per language other than the source one, in the order kk, ru, en; a version typed in the column
        // of the language now chosen as the source stays on show, so that the Editor sees why it is refused.
        var source = ReportLanguage.IsSupported(SourceLanguage) ? ReportLanguage.Normalize(SourceLanguage) : IncidentTexts.DefaultSource;
        Translations = [.. ReportLanguage.All
            .Select(l => Translations.FirstOrDefault(t => string.Equals(t.Language, l, StringComparison.OrdinalIgnoreCase)) ?? new TranslationRow { Language = l })
            .Where(t => t.Language != source || !string.IsNullOrWhiteSpace(t.Title) || !string.IsNullOrWhiteSpace(t.Summary) || !string.IsNullOrWhiteSpace(t.Narrative))];

        Victims = [.. Victims.Where(v => !string.IsNullOrWhiteSpace(v.Name)), new VictimRow()];
        Cases = [.. Cases.Where(c => !c.IsBlank && !c.Remove), new CaseRow()];
        foreach (var c in Cases)
        {
            c.Rulings = [.. c.Rulings.Where(r => !r.IsBlank && !r.Remove), new RulingRow()];
        }

        return this;
    }

    /// <summary>
    /// The input to validate and save, and a map from the input's case and ruling positions back to the
    /// form's rows, so that each explanation is shown beside its field.
    /// </summary>
    public (IncidentInput Input, Func<string, string> FormKey) ToInput()
    {
        var caseRows = new List<int>();
        var rulingRows = new List<List<int>>();
        var cases = new List<IncidentInput.LegalCaseInput>();
        for (var ci = 0; ci < Cases.Count; ci++)
        {
            var c = Cases[ci];
            if (c.IsBlank || c.Remove)
            {
                continue;
            }

            var kept = new List<int>();
            var rulings = new List<IncidentInput.RulingInput>();
            for (var ri = 0; ri < c.Rulings.Count; ri++)
            {
                var r = c.Rulings[ri];
                if (r.IsBlank || r.Remove)
                {
                    continue;
                }

                kept.Add(ri);
                rulings.Add(new IncidentInput.RulingInput { On = r.On, InFavorOfMedia = r.InFavorOfMedia, CollectedKzt = r.CollectedKzt ?? 0, Outcome = r.Outcome });
            }

            caseRows.Add(ci);
            rulingRows.Add(kept);
            cases.Add(new IncidentInput.LegalCaseInput
            {
                Kind = c.Kind, Article = c.Article, PlaintiffType = c.PlaintiffType, FiledOn = c.FiledOn, HonorDignity = c.HonorDignity,
                InCourt = c.InCourt, ClaimedKzt = c.ClaimedKzt ?? 0, Stage = c.Stage, NextHearingOn = c.NextHearingOn, Rulings = rulings,
            });
        }

        var input = new IncidentInput
        {
            Title = Title,
            OccurredOn = OccurredOn,
            DatePrecision = DatePrecision,
            Region = Region,
            Settlement = Settlement,
            Category = Category,
            PerpetratorType = PerpetratorType,
            Summary = Summary,
            Narrative = Narrative,
            SourceLanguage = SourceLanguage,
            Translations = [.. Translations.Select(t => new IncidentInput.TranslationInput(t.Language, t.Title, t.Summary, t.Narrative))],
            IsPublic = IsPublic,
            Outlets = Lines(Outlets),
            Links = Lines(Links),
            Victims = [.. Victims.Where(v => !string.IsNullOrWhiteSpace(v.Name)).Select(v => new IncidentInput.VictimInput(v.Name!, v.Role, v.Outlet, !v.Withheld))],
            LegalCases = cases,
        };

        string FormKey(string key) => CaseKey().Replace(key, m =>
        {
            var c = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var text = $"legalCases[{caseRows[c]}]";
            if (m.Groups[2].Success)
            {
                var r = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                text += $".rulings[{rulingRows[c][r]}]";
            }

            return text;
        });

        return (input, FormKey);
    }

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"^legalCases\[(\d+)\](?:\.rulings\[(\d+)\])?")]
    private static partial Regex CaseKey();
}
