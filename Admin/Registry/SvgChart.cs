using System.Globalization;
using System.Net;
using System.Text;

namespace AdilSoz.Intake.Admin.Registry;

/// <summary>
/// Bar charts as server-rendered SVG (no script, no CDN, no style attributes: the CSP allows none):
/// grouped columns per month and horizontal bars per category.
/// </summary>
public static class SvgChart
{
    public sealed record Series(string Name, string Color, IReadOnlyList<int> Values);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Grouped columns: one group per label (e.g. month), one column per series, with a legend.</summary>
    public static string Columns(string title, IReadOnlyList<string> labels, IReadOnlyList<Series> series)
    {
        const int height = 260, top = 30, bottom = 50, left = 40, right = 10;
        var groupWidth = Math.Max(24, 36 * series.Count);
        var width = left + right + (groupWidth * Math.Max(1, labels.Count));
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var plot = height - top - bottom;
        var svg = Open(width, height, title);
        foreach (var tick in Ticks(max))
        {
            var y = top + plot - (plot * tick / (double)max);
            svg.Append(Inv, $"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{width - right}\" y2=\"{y:0.#}\" stroke=\"#dde1e8\" />")
               .Append(Inv, $"<text x=\"{left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#5b6477\">{tick}</text>");
        }

        var barWidth = (groupWidth - 8) / (double)Math.Max(1, series.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            var x0 = left + (i * groupWidth) + 4;
            for (var s = 0; s < series.Count; s++)
            {
                var v = i < series[s].Values.Count ? series[s].Values[i] : 0;
                var h = plot * v / (double)max;
                var x = x0 + (s * barWidth);
                svg.Append(Inv, $"<rect x=\"{x:0.#}\" y=\"{top + plot - h:0.#}\" width=\"{barWidth - 2:0.#}\" height=\"{h:0.#}\" fill=\"{series[s].Color}\"><title>{Esc(series[s].Name)}, {Esc(labels[i])}: {v}</title></rect>");
                if (v > 0)
                {
                    svg.Append(Inv, $"<text x=\"{x + ((barWidth - 2) / 2):0.#}\" y=\"{top + plot - h - 3:0.#}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#1d2330\">{v}</text>");
                }
            }

            svg.Append(Inv, $"<text x=\"{x0 + ((groupWidth - 8) / 2.0):0.#}\" y=\"{height - bottom + 14}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#5b6477\">{Esc(labels[i])}</text>");
        }

        Legend(svg, series.Select(s => (s.Name, s.Color)), left, height - 16);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars: one row per label (e.g. category), one bar per series.</summary>
    public static string Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<Series> series)
    {
        const int labelWidth = 300, width = 720, barHeight = 12, top = 10;
        var rowHeight = (barHeight * series.Count) + 8;
        var height = top + (rowHeight * Math.Max(1, labels.Count)) + 30;
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var plot = width - labelWidth - 40;
        var svg = Open(width, height, title);
        for (var i = 0; i < labels.Count; i++)
        {
            var y0 = top + (i * rowHeight);
            svg.Append(Inv, $"<text x=\"{labelWidth - 6}\" y=\"{y0 + (rowHeight / 2) + 2}\" text-anchor=\"end\" font-size=\"11\" fill=\"#1d2330\">{Esc(Shorten(labels[i], 48))}</text>");
            for (var s = 0; s < series.Count; s++)
            {
                var v = i < series[s].Values.Count ? series[s].Values[i] : 0;
                var w = plot * v / (double)max;
                var y = y0 + (s * barHeight);
                svg.Append(Inv, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{barHeight - 2}\" fill=\"{series[s].Color}\"><title>{Esc(series[s].Name)}, {Esc(labels[i])}: {v}</title></rect>");
                svg.Append(Inv, $"<text x=\"{labelWidth + w + 4:0.#}\" y=\"{y + barHeight - 3}\" font-size=\"10\" fill=\"#5b6477\">{v}</text>");
            }
        }

        Legend(svg, series.Select(s => (s.Name, s.Color)), labelWidth, height - 12);
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(int width, int height, string title) => new StringBuilder()
        .Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{Esc(title)}\" font-family=\"system-ui, sans-serif\">")
        .Append(Inv, $"<title>{Esc(title)}</title>");

    private static void Legend(StringBuilder svg, IEnumerable<(string Name, string Color)> items, int x, int y)
    {
        foreach (var (name, color) in items)
        {
            svg.Append(Inv, $"<rect x=\"{x}\" y=\"{y - 9}\" width=\"10\" height=\"10\" fill=\"{color}\" />")
               .Append(Inv, $"<text x=\"{x + 14}\" y=\"{y}\" font-size=\"11\" fill=\"#1d2330\">{Esc(name)}</text>");
            x += 24 + (7 * name.Length);
        }
    }

    private static IEnumerable<int> Ticks(int max)
    {
        var step = Math.Max(1, (int)Math.Ceiling(max / 4.0));
        for (var t = 0; t <= max; t += step)
        {
            yield return t;
        }
    }

    private static string Shorten(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
