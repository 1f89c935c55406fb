using System.Text;
using MimeKit.Text;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// HTML mail to safe plain text: scripts, styles, head, images (tracking pixels included) and event
/// handlers are dropped — attributes never reach the output at all. Block elements become line breaks,
/// list items bullets, links keep their address, and blockquotes become "> " lines so that quoted
/// replies are recognised as such. The work is bounded whatever the input: quote markers stop deepening
/// at <see cref="MaxQuoteMarks"/> levels and the text stops at <see cref="MaxChars"/> characters, so a
/// small hostile document (thousands of unclosed blockquotes) cannot grow into gigabytes of text.
/// </summary>
public static class HtmlText
{
    /// <summary>Most quote levels shown as "&gt;" marks; deeper quotes keep this many.</summary>
    public const int MaxQuoteMarks = 10;

    /// <summary>Longest text produced; the rest of the document is not read.</summary>
    public const int MaxChars = 2_000_000;

    private static readonly HashSet<HtmlTagId> Hidden =
    [
        HtmlTagId.Script, HtmlTagId.Style, HtmlTagId.Head, HtmlTagId.Title, HtmlTagId.NoScript,
        HtmlTagId.Object, HtmlTagId.Embed, HtmlTagId.IFrame, HtmlTagId.Applet, HtmlTagId.FrameSet,
        HtmlTagId.Select, HtmlTagId.Button,
    ];

    private static readonly HashSet<HtmlTagId> Blocks =
    [
        HtmlTagId.P, HtmlTagId.Div, HtmlTagId.TR, HtmlTagId.Table, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3,
        HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6, HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.BlockQuote,
        HtmlTagId.Pre, HtmlTagId.HR, HtmlTagId.Address, HtmlTagId.Center, HtmlTagId.DL, HtmlTagId.DT,
        HtmlTagId.DD, HtmlTagId.Form, HtmlTagId.Body,
    ];

    public static string ToPlainText(string html) => Convert(html, MaxChars, CancellationToken.None).Text;

    /// <summary>
    /// The text of <paramref name="html"/>, at most <paramref name="maxChars"/> characters, with how deep its
    /// quotes nested and whether it was cut. <paramref name="cancellationToken"/> ends a read over its time.
    /// </summary>
    public static HtmlTextResult Convert(string html, int maxChars, CancellationToken cancellationToken)
    {
        var output = new Output(maxChars);
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader) { DecodeCharacterReferences = true };
        var hiddenDepth = 0;
        var preDepth = 0;
        string? href = null;
        var linkText = new StringBuilder();

        var tokens = 0;
        while (!output.Full && tokenizer.ReadNextToken(out var token))
        {
            if (++tokens % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            switch (token)
            {
                case HtmlTagToken tag when Hidden.Contains(tag.Id) || tag.Name.Equals("template", StringComparison.OrdinalIgnoreCase):
                    if (!tag.IsEmptyElement)
                    {
                        hiddenDepth = Math.Max(0, hiddenDepth + (tag.IsEndTag ? -1 : 1));
                    }

                    break;
                case HtmlTagToken when hiddenDepth > 0:
                    break;
                case HtmlTagToken tag:
                    HandleTag(tag, output, ref preDepth, ref href, linkText);
                    break;
                case HtmlDataToken data when hiddenDepth == 0 && token.Kind == HtmlTokenKind.Data:
                    if (href is not null && linkText.Length < 64 * 1024)
                    {
                        linkText.Append(data.Data);
                    }

                    output.Write(data.Data, preDepth > 0);
                    break;
                default:
                    // Comments, CDATA, script data and doctype never reach the text.
                    break;
            }
        }

        return new HtmlTextResult(output.ToString(), output.DeepestQuote, output.Full);
    }

    private static void HandleTag(HtmlTagToken tag, Output output, ref int preDepth, ref string? href, StringBuilder linkText)
    {
        switch (tag.Id)
        {
            case HtmlTagId.Br:
                output.LineBreak();
                return;
            case HtmlTagId.LI:
                output.EndLine();
                if (!tag.IsEndTag)
                {
                    output.Write("• ", false);
                }

                return;
            case HtmlTagId.TD or HtmlTagId.TH:
                if (!tag.IsEndTag)
                {
                    output.Write(" ", false);
                }

                return;
            case HtmlTagId.A:
                if (!tag.IsEndTag)
                {
                    href = tag.Attributes.FirstOrDefault(a => a.Id == HtmlAttributeId.Href)?.Value?.Trim();
                    linkText.Clear();
                }
                else
                {
                    // Keep a web address the reader would otherwise lose (a link to an article, a video).
                    if (href is not null
                        && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                        && !linkText.ToString().Contains(href, StringComparison.OrdinalIgnoreCase))
                    {
                        output.Write($" <{href}>", false);
                    }

                    href = null;
                }

                return;
            case HtmlTagId.Pre:
                preDepth = Math.Max(0, preDepth + (tag.IsEndTag ? -1 : 1));
                output.BlockBreak();
                return;
            case HtmlTagId.BlockQuote:
                output.BlockBreak();
                output.Quote(tag.IsEndTag ? -1 : 1);
                return;
            default:
                if (Blocks.Contains(tag.Id))
                {
                    output.BlockBreak();
                }

                return;
        }
    }

    /// <summary>Accumulates lines, collapsing whitespace, prefixing quoted lines with "> ", up to a length.</summary>
    private sealed class Output(int maxChars)
    {
        private readonly List<string> _lines = [];
        private readonly StringBuilder _line = new();
        private int _lineQuoteDepth;
        private bool _linePreformatted;
        private long _length;

        /// <summary>Open quote levels (unbounded: only counted).</summary>
        public int QuoteDepth { get; private set; }

        /// <summary>The deepest quote level seen.</summary>
        public int DeepestQuote { get; private set; }

        /// <summary>The text reached its length limit; nothing more is taken.</summary>
        public bool Full { get; private set; }

        public void Quote(int change)
        {
            QuoteDepth = Math.Max(0, QuoteDepth + change);
            DeepestQuote = Math.Max(DeepestQuote, QuoteDepth);
        }

        public void Write(string text, bool preformatted)
        {
            if (preformatted)
            {
                var parts = text.Replace("\r\n", "\n").Split('\n');
                for (var i = 0; i < parts.Length && !Full; i++)
                {
                    if (i > 0)
                    {
                        LineBreak();
                    }

                    _linePreformatted = true;
                    Append(parts[i]);
                }

                return;
            }

            foreach (var c in text)
            {
                if (Full)
                {
                    return;
                }

                if (char.IsWhiteSpace(c) || c == '\u00A0')
                {
                    if (_line.Length > 0 && _line[^1] != ' ')
                    {
                        _line.Append(' ');
                    }
                }
                else if (!char.IsControl(c) && c != '\u200B' && c != '\uFEFF')
                {
                    Append(c.ToString());
                }
            }
        }

        private void Append(string s)
        {
            if (_line.Length == 0)
            {
                _lineQuoteDepth = QuoteDepth;
            }

            if (_length + _line.Length + s.Length > maxChars)
            {
                Full = true;
                return;
            }

            _line.Append(s);
        }

        public void LineBreak()
        {
            var text = _linePreformatted ? _line.ToString().TrimEnd() : _line.ToString().Trim();
            _linePreformatted = false;
            var marks = Math.Min(_lineQuoteDepth, MaxQuoteMarks);
            var line = marks > 0 && text.Length > 0 ? new string('>', marks) + " " + text : text;

            // Every line counts (an empty one too), so a flood of line breaks also ends at the limit.
            _length += line.Length + 1;
            if (_length > maxChars)
            {
                Full = true;
            }
            else
            {
                _lines.Add(line);
            }

            _line.Clear();
            _lineQuoteDepth = QuoteDepth;
        }

        /// <summary>Ends the current line if it has text (list items: one per line, no blank line between).</summary>
        public void EndLine()
        {
            if (_line.ToString().Trim().Length > 0)
            {
                LineBreak();
            }
        }

        public void BlockBreak()
        {
            if (_line.ToString().Trim().Length > 0)
            {
                LineBreak();
            }

            if (_lines.Count > 0 && _lines[^1].Length > 0)
            {
                _length++;
                _lines.Add("");
            }
        }

        public override string ToString()
        {
            if (_line.Length > 0)
            {
                LineBreak();
            }

            return MailTextCleanup.Normalise(string.Join("\n", _lines));
        }
    }
}

/// <summary>The text of an HTML document, how deep its quotes nested, and whether it was cut at the length limit.</summary>
public sealed record HtmlTextResult(string Text, int DeepestQuote, bool Cut);

/// <summary>Line-ending and blank-line tidying shared by plain and HTML text.</summary>
public static class MailTextCleanup
{
    public static string Normalise(string text)
    {
        var lines = Storable(text).Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        var builder = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blank > 0 ? "\n\n" : "\n");
            }

            blank = 0;
            builder.Append(line);
        }

        return builder.ToString();
    }

    /// <summary>Text PostgreSQL accepts (see <see cref="AdilSoz.Intake.Language.Text.StorableText"/>).</summary>
    public static string Storable(string text) => AdilSoz.Intake.Language.Text.StorableText.Clean(text);
}
