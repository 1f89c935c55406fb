using AdilSoz.Intake.Core.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace AdilSoz.Intake.Admin.Registry;

/// <summary>
/// The monthly report as a Word document (Open XML SDK): the letterhead, the title as a heading, the
/// notable incidents as bullets with their narratives, the judicial acts, the two figures blocks under
/// their headings, and the footer — the same wording as the page and the Markdown.
/// </summary>
public static class ReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const int BulletNumberingId = 1;

    public static byte[] Write(ReportDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = document.Title;
            package.PackageProperties.Language = document.Language;
            var main = package.AddMainDocumentPart();
            AddStyles(main, document.Language);
            AddBullets(main);

            var body = new Body();
            foreach (var line in document.FoundationNames)
            {
                body.Append(Paragraph(line, style: null, bold: true, centered: true));
            }

            body.Append(Paragraph(document.Title, "Heading1"));
            body.Append(Paragraph(document.Introduction));
            if (document.Incidents.Count > 0)
            {
                body.Append(Paragraph(document.IncidentsHeading));
                foreach (var incident in document.Incidents)
                {
                    body.Append(Bullet(incident.Lead, bold: true));
                    foreach (var paragraph in incident.Paragraphs)
                    {
                        body.Append(Paragraph(paragraph));
                    }
                }
            }

            body.Append(Paragraph(document.JudicialActs));
            foreach (var block in new[] { document.Filed, document.YearToDate })
            {
                body.Append(Paragraph(block.Heading, "Heading2"));
                foreach (var item in block.Items)
                {
                    body.Append(Bullet(item, bold: false));
                }
            }

            body.Append(Paragraph(document.Footer.Sources));
            var signature = new Paragraph();
            for (var i = 0; i < document.Footer.Signature.Count; i++)
            {
                if (i > 0)
                {
                    signature.Append(new Run(new Break()));
                }

                signature.Append(new Run(new W.Text(document.Footer.Signature[i]) { Space = SpaceProcessingModeValues.Preserve }));
            }

            body.Append(signature);
            body.Append(Paragraph(document.Footer.Contact));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1418U, Right = 850U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The report's paragraphs as plain text, in order (to read a document back).</summary>
    public static IReadOnlyList<string> ReadParagraphs(Stream docx)
    {
        using var package = WordprocessingDocument.Open(docx, false);
        return package.MainDocumentPart?.Document?.Body?.Elements<Paragraph>()
            .Select(p => string.Concat(p.Descendants().Select(e => e switch { W.Text t => t.Text, Break => "\n", _ => "" })))
            .ToList() ?? [];
    }

    private static Paragraph Paragraph(string text, string? style = null, bool bold = false, bool centered = false)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        if (centered)
        {
            properties.Append(new Justification { Val = JustificationValues.Center });
        }

        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(properties, run);
    }

    private static Paragraph Bullet(string text, bool bold)
    {
        var paragraph = Paragraph(text, "ListParagraph", bold);
        paragraph.ParagraphProperties!.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId }));
        return paragraph;
    }

    private static void AddStyles(MainDocumentPart main, string language)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var lang = language switch { "ru" => "ru-RU", "kk" => "kk-KZ", _ => "en-GB" };
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
                    new FontSize { Val = "24" },
                    new Languages { Val = lang })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto },
                    new Justification { Val = JustificationValues.Both }))),
            Style("Normal", "Normal", null, isDefault: true),
            Style("Heading1", "heading 1", new StyleRunProperties(new Bold(), new FontSize { Val = "32" }),
                paragraph: new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "240" }, new Justification { Val = JustificationValues.Center }, new OutlineLevel { Val = 0 })),
            Style("Heading2", "heading 2", new StyleRunProperties(new Bold(), new FontSize { Val = "26" }),
                paragraph: new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "200", After = "120" }, new OutlineLevel { Val = 1 })),
            Style("ListParagraph", "List Paragraph", null, paragraph: new StyleParagraphProperties(new Indentation { Left = "720" })));
        part.Styles.Save();
    }

    private static Style Style(string id, string name, StyleRunProperties? run, bool isDefault = false, StyleParagraphProperties? paragraph = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? OnOffValue.FromBoolean(true) : null };
        style.Append(new StyleName { Val = name });
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" });
            style.Append(new PrimaryStyle());
        }

        if (paragraph is not null)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    private static void AddBullets(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(
                new Level(
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "–" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });
        part.Numbering.Save();
    }
}
