using System.Text;

namespace AdilSoz.Intake.Core.Reports;

/// <summary>
/// Writes a <see cref="MonthlyReport"/> in the layout of the foundation's own report: letterhead, title,
/// introduction, "It reports:" with the notable incidents, the judicial acts, the charges of the month,
/// the charges since the beginning of the year, and the footer.
/// </summary>
public static class MonthlyReportRenderer
{
    /// <summary>The report as sentences in <paramref name="lang"/> (kk, ru, en), for an HTML page or a document writer.</summary>
    public static ReportDocument Build(MonthlyReport report, string lang, ReportSignatory? signatory = null)
    {
        var texts = ReportTexts.For(lang);
        var (year, month) = (report.Year, report.MonthNumber);
        var filed = report.Filed.IsEmpty
            ? new ReportFiguresBlock(texts.NothingFiled(year, month), [])
            : new ReportFiguresBlock(texts.FiledHeading(year, month), texts.Items(report.Filed, yearToDate: false));
        var yearToDate = report.YearToDate.IsEmpty
            ? new ReportFiguresBlock(texts.NothingFiledThisYear, [])
            : new ReportFiguresBlock(texts.YearToDateHeading, texts.Items(report.YearToDate, yearToDate: true));

        return new ReportDocument(
            texts.Language,
            report.Month,
            ReportTexts.FoundationNames,
            texts.Title(year, month),
            texts.Introduction(year, month),
            texts.IncidentsHeading,
            [.. report.Incidents.Select(i => ToDocument(i, texts))],
            texts.JudicialActs(report.JudicialActs, year, month),
            filed,
            yearToDate,
            texts.Footer(signatory ?? ReportSignatory.Default));
    }

    public static string ToMarkdown(MonthlyReport report, string lang, ReportSignatory? signatory = null) =>
        ToMarkdown(Build(report, lang, signatory));

    public static string ToMarkdown(ReportDocument document)
    {
        var md = new StringBuilder();
        md.AppendJoin("  \n", document.FoundationNames.Select(Escape)).Append("\n\n");
        md.Append("# ").Append(Escape(document.Title)).Append("\n\n");
        md.Append(Escape(document.Introduction)).Append("\n\n");

        if (document.Incidents.Count > 0)
        {
            md.Append(Escape(document.IncidentsHeading)).Append("\n\n");
            foreach (var incident in document.Incidents)
            {
                md.Append("- ").Append(Escape(incident.Lead)).Append("\n\n");
                if (incident.Note is { } note)
                {
                    md.Append('_').Append(Escape(note)).Append("_\n\n");
                }

                foreach (var paragraph in incident.Paragraphs)
                {
                    md.Append(Escape(paragraph)).Append("\n\n");
                }
            }
        }

        md.Append(Escape(document.JudicialActs)).Append("\n\n");
        AppendBlock(md, document.Filed);
        AppendBlock(md, document.YearToDate);

        md.Append(Escape(document.Footer.Sources)).Append("\n\n");
        md.AppendJoin("  \n", document.Footer.Signature.Select(Escape)).Append("\n\n");
        md.Append(Escape(document.Footer.Contact)).Append('\n');
        return md.ToString();
    }

    /// <summary>The same as plain text paragraphs (no Markdown escapes), e.g. for an e-mail or a DOCX writer.</summary>
    public static IReadOnlyList<string> ToPlainParagraphs(ReportDocument document)
    {
        var paragraphs = new List<string> { string.Join('\n', document.FoundationNames), document.Title, document.Introduction };
        if (document.Incidents.Count > 0)
        {
            paragraphs.Add(document.IncidentsHeading);
            foreach (var incident in document.Incidents)
            {
                paragraphs.Add("- " + incident.Lead);
                if (incident.Note is { } note)
                {
                    paragraphs.Add(note);
                }

                paragraphs.AddRange(incident.Paragraphs);
            }
        }

        paragraphs.Add(document.JudicialActs);
        foreach (var block in new[] { document.Filed, document.YearToDate })
        {
            paragraphs.Add(block.Heading);
            paragraphs.AddRange(block.Items.Select(item => "- " + item));
        }

        paragraphs.Add(document.Footer.Sources);
        paragraphs.Add(string.Join('\n', document.Footer.Signature));
        paragraphs.Add(document.Footer.Contact);
        return paragraphs;
    }

    private static void AppendBlock(StringBuilder md, ReportFiguresBlock block)
    {
        md.Append(Escape(block.Heading)).Append("\n\n");
        foreach (var item in block.Items)
        {
            md.Append("- ").Append(Escape(item)).Append('\n');
        }

        if (block.Items.Count > 0)
        {
            md.Append('\n');
        }
    }

    private static ReportDocumentIncident ToDocument(ReportIncident incident, ReportTexts texts)
    {
        var shown = incident.Texts?.In(texts.Language)
            ?? new Registry.ShownText(texts.Language, incident.Title, incident.Summary, incident.Narrative, false);
        var lead = string.IsNullOrWhiteSpace(shown.Summary) ? shown.Title : shown.Summary;
        var paragraphs = (shown.Narrative ?? "")
            .ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries)))
            .ToList();
        return shown.IsOriginal
            ? new ReportDocumentIncident(incident.Id, shown.Title.Trim(), lead.Trim(), paragraphs, shown.Language, texts.NotTranslated(shown.Language))
            : new ReportDocumentIncident(incident.Id, shown.Title.Trim(), lead.Trim(), paragraphs);
    }

    /// <summary>
    /// Keeps text typed by Editors literal in Markdown: escapes the characters that make emphasis, links,
    /// code or HTML, and a line start that would read as a heading, list or quote.
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '|')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        var s = sb.ToString();
        if (s.Length > 0 && s[0] is '#' or '+' or '-' or '=')
        {
            return "\\" + s;
        }

        // Note: a digit cannot be escaped; "1. text" stays literal as "1\. text".
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < s.Length && s[digits] is '.' or ')'
            ? string.Concat(s.AsSpan(0, digits), "\\", s.AsSpan(digits))
            : s;
    }
}
