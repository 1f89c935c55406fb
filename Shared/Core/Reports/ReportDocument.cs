namespace AdilSoz.Intake.Core.Reports;

/// <summary>
/// The monthly report as finished sentences in one language, in the foundation's order, so that the
/// Markdown writer and an HTML page render the same wording without repeating it.
/// </summary>
/// <param name="FoundationNames">The foundation's name in Kazakh, Russian and English (the letterhead).</param>
/// <param name="IncidentsHeading">"It reports:"; shown only when <paramref name="Incidents"/> is not empty.</param>
/// <param name="JudicialActs">The judicial acts paragraph.</param>
/// <param name="Period">"YYYY-MM".</param>
/// <param name="Filed">Charges filed in the month.</param>
/// <param name="YearToDate">Charges filed since the beginning of the year.</param>
public sealed record ReportDocument(
    string Language,
    string Period,
    IReadOnlyList<string> FoundationNames,
    string Title,
    string Introduction,
    string IncidentsHeading,
    IReadOnlyList<ReportDocumentIncident> Incidents,
    string JudicialActs,
    ReportFiguresBlock Filed,
    ReportFiguresBlock YearToDate,
    ReportFooter Footer);

/// <summary>
/// A notable incident: the bullet (its summary, or its title when it has none) and its narrative paragraphs. When the
/// incident has no version in the report's language, <paramref name="Language"/> is the language its texts are in
/// (the source one) and <paramref name="Note"/> says so in the report's language; both are null otherwise.
/// </summary>
public sealed record ReportDocumentIncident(long Id, string Title, string Lead, IReadOnlyList<string> Paragraphs, string? Language = null, string? Note = null);

/// <summary>A heading and its bullet items; no items when the heading itself says that nothing was filed.</summary>
public sealed record ReportFiguresBlock(string Heading, IReadOnlyList<string> Items);

/// <summary>The closing lines: the sources, the signature (role, name, e-mail) and the general contact.</summary>
public sealed record ReportFooter(string Sources, IReadOnlyList<string> Signature, string Contact);

/// <summary>Who signs the report; the default is the signatory of the foundation's February 2021 report.</summary>
public sealed record ReportSignatory(string NameEn, string NameRu, string NameKk, string Email, string ContactEmail)
{
    public static ReportSignatory Default { get; } =
        new("Elena Tsoi", "Елена Цой", "Елена Цой", "lena@adilsoz.kz", "info@adilsoz.kz");
}
