using AdilSoz.Intake.Core.Reports;

namespace AdilSoz.Intake.Core.Registry;

/// <summary>An incident's title, summary and narrative in one language.</summary>
public sealed record IncidentText(string Title, string Summary, string? Narrative)
{
    /// <summary>A version counts once it has a title; a blank one is a language not translated yet.</summary>
    public bool IsPresent => !string.IsNullOrWhiteSpace(Title);
}

/// <summary>
/// The texts shown to a reader: in <see cref="Language"/>, which is the one asked for unless
/// <see cref="IsOriginal"/> — then the incident has no version in the reader's language and this is the source text.
/// </summary>
public sealed record ShownText(string Language, string Title, string Summary, string? Narrative, bool IsOriginal);

/// <summary>
/// The versions of an incident's texts per language (kk, ru, en) and the language it was first written in. A reader
/// gets their language's version, or the source text marked as such — never another translation silently.
/// </summary>
public sealed class IncidentTexts
{
    /// <summary>The language of incidents recorded before the registry kept several: the registry was kept in English.</summary>
    public const string DefaultSource = ReportLanguage.English;

    private readonly Dictionary<string, IncidentText> _versions;

    private IncidentTexts(string sourceLanguage, Dictionary<string, IncidentText> versions)
    {
        SourceLanguage = sourceLanguage;
        _versions = versions;
    }

    public string SourceLanguage { get; }

    public static IncidentTexts Of(string? sourceLanguage, IncidentText source, IEnumerable<(string Language, IncidentText Text)> others)
    {
        var sourceCode = ReportLanguage.IsSupported(sourceLanguage) ? ReportLanguage.Normalize(sourceLanguage!) : DefaultSource;
        var versions = new Dictionary<string, IncidentText>();
        foreach (var (language, text) in others)
        {
            if (ReportLanguage.IsSupported(language) && text.IsPresent)
            {
                versions[ReportLanguage.Normalize(language)] = text;
            }
        }

        versions[sourceCode] = source;
        return new IncidentTexts(sourceCode, versions);
    }

    /// <summary>The version in <paramref name="language"/>, or null when there is none.</summary>
    public IncidentText? Version(string language) =>
        _versions.TryGetValue(language, out var text) && (text.IsPresent || language == SourceLanguage) ? text : null;

    public IncidentText Source => _versions[SourceLanguage];

    /// <summary>The languages (kk, ru, en) with no version yet.</summary>
    public IEnumerable<string> Missing => ReportLanguage.All.Where(l => Version(l) is null);

    /// <summary>What a reader of <paramref name="language"/> sees: that language's version, else the source text.</summary>
    public ShownText In(string language)
    {
        var code = ReportLanguage.IsSupported(language) ? ReportLanguage.Normalize(language) : SourceLanguage;
        return Version(code) is { } text
            ? new ShownText(code, text.Title, text.Summary, text.Narrative, false)
            : new ShownText(SourceLanguage, Source.Title, Source.Summary, Source.Narrative, true);
    }
}
