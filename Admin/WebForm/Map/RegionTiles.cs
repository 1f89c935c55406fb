using System.Globalization;
using System.Net;
using System.Text;

namespace AdilSoz.Intake.Admin.WebForm.Map;

/// <summary>
/// A tile cartogram of Kazakhstan: one square per region and city of republican significance, on a grid placed
/// roughly where each lies (west to east, north to south). Not boundaries: no boundary data is shipped or fetched,
/// and a tile map gives every region, large or small, the same visible place.
/// </summary>
public static class RegionTiles
{
    /// <summary>Grid column (west → east) and row (north → south) of each region code of the reference list.</summary>
    public static readonly IReadOnlyDictionary<string, (int Column, int Row)> Places = new Dictionary<string, (int, int)>
    {
        ["kostanay"] = (2, 0), ["north_kazakhstan"] = (3, 0), ["pavlodar"] = (5, 0),
        ["west_kazakhstan"] = (0, 1), ["aktobe"] = (1, 1), ["akmola"] = (3, 1), ["astana"] = (4, 1), ["abai"] = (5, 1), ["east_kazakhstan"] = (6, 1),
        ["atyrau"] = (0, 2), ["ulytau"] = (2, 2), ["karaganda"] = (3, 2), ["jetisu"] = (5, 2),
        ["mangystau"] = (0, 3), ["kyzylorda"] = (2, 3), ["turkistan"] = (3, 3), ["jambyl"] = (4, 3), ["almaty_region"] = (5, 3),
        ["shymkent"] = (3, 4), ["almaty"] = (5, 4),
    };

    /// <summary>Five shades from none to most; the first is for zero.</summary>
    public static readonly string[] Shades = ["#eef1f4", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];

    private const int Size = 112;
    private const int Gap = 6;

    public sealed record Tile(string Code, string Name, long Count, string Href);

    /// <summary>The class (index into <see cref="Shades"/>) of a count, and the upper bounds of the classes above zero.</summary>
    public static int ShadeOf(long count, long max) => count <= 0 || max <= 0 ? 0 : (int)Math.Min(4, 1 + ((count - 1) * 4 / max));

    public static IReadOnlyList<(long From, long To)> Bands(long max)
    {
        var bands = new List<(long, long)>();
        for (var shade = 1; shade <= 4; shade++)
        {
            var counts = Enumerable.Range(1, (int)Math.Max(0, Math.Min(max, 100_000))).Where(c => ShadeOf(c, max) == shade).ToList();
            if (counts.Count > 0)
            {
                bands.Add((counts[0], counts[^1]));
            }
        }

        return bands;
    }

    /// <summary>The SVG (inline in the page): a link per tile with the region's name and count, and a legend.</summary>
    public static string Svg(IReadOnlyList<Tile> tiles, string title, string legendTitle)
    {
        var max = tiles.Count == 0 ? 0 : tiles.Max(t => t.Count);
        var width = (7 * (Size + Gap)) + Gap;
        var height = (5 * (Size + Gap)) + Gap + 60;
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-labelledby="map-title" class="map">""");
        s.Append(CultureInfo.InvariantCulture, $"""<title id="map-title">{E(title)}</title>""");
        foreach (var tile in tiles)
        {
            if (!Places.TryGetValue(tile.Code, out var place))
            {
                continue;
            }

            var x = Gap + (place.Column * (Size + Gap));
            var y = Gap + (place.Row * (Size + Gap));
            var shade = ShadeOf(tile.Count, max);
            var ink = shade >= 3 ? "#ffffff" : "#1b1b1b";
            s.Append(CultureInfo.InvariantCulture, $"""<a href="{E(tile.Href)}" data-region="{E(tile.Code)}"><title>{E(tile.Name)}: {tile.Count}</title>""");
            s.Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{y}" width="{Size}" height="{Size}" rx="6" fill="{Shades[shade]}" stroke="#5a6b7d" stroke-width="1"/>""");
            var lines = Label(tile.Name);
            for (var n = 0; n < lines.Count; n++)
            {
                s.Append(CultureInfo.InvariantCulture, $"""<text x="{x + (Size / 2)}" y="{y + 22 + (n * 14)}" font-size="12" text-anchor="middle" fill="{ink}">{E(lines[n])}</text>""");
            }

            s.Append(CultureInfo.InvariantCulture, $"""<text x="{x + (Size / 2)}" y="{y + Size - 16}" font-size="26" font-weight="bold" text-anchor="middle" fill="{ink}">{tile.Count}</text></a>""");
        }

        var ly = (5 * (Size + Gap)) + Gap + 10;
        s.Append(CultureInfo.InvariantCulture, $"""<text x="{Gap}" y="{ly + 14}" font-size="13">{E(legendTitle)}:</text>""");
        var lx = Gap + 170;
        s.Append(CultureInfo.InvariantCulture, $"""<rect x="{lx}" y="{ly}" width="22" height="22" fill="{Shades[0]}" stroke="#5a6b7d"/><text x="{lx + 28}" y="{ly + 16}" font-size="13">0</text>""");
        var bands = Bands(max);
        for (var b = 0; b < bands.Count; b++)
        {
            var (from, to) = bands[b];
            var bx = lx + ((b + 1) * 110);
            var label = from == to ? from.ToString(CultureInfo.InvariantCulture) : $"{from}–{to}";
            s.Append(CultureInfo.InvariantCulture, $"""<rect x="{bx}" y="{ly}" width="22" height="22" fill="{Shades[ShadeOf(from, max)]}" stroke="#5a6b7d"/><text x="{bx + 28}" y="{ly + 16}" font-size="13">{label}</text>""");
        }

        s.Append("</svg>");
        return s.ToString();
    }

    /// <summary>A region's name without the word for "region", in at most two lines.</summary>
    private static List<string> Label(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("область" or "облысы" or "Region" or "Область")).ToList();
        if (words.Count <= 1 && words.FirstOrDefault() is { } one && one.Contains('-', StringComparison.Ordinal))
        {
            var at = one.IndexOf('-', StringComparison.Ordinal);
            return [one[..(at + 1)], one[(at + 1)..]];
        }

        return words.Count <= 2 ? words : [string.Join(' ', words[..^1]), words[^1]];
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
