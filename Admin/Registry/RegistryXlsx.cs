using System.Globalization;
using MiniExcelLibs;

namespace AdilSoz.Intake.Admin.Registry;

/// <summary>
/// XLSX exports (MiniExcel) with the CSV exports' columns: one sheet, a header row, whole numbers
/// (ids, counts, tenge) as numbers so that a spreadsheet sums them, everything else as text.
/// </summary>
public static class RegistryXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Columns written as numbers.</summary>
    private static readonly HashSet<string> Numeric = new(StringComparer.Ordinal)
    {
        "id", "incidentId", "legalCases", "claimedKzt", "rulings", "rulingsInFavorOfMedia", "collectedKzt",
    };

    public static async Task<byte[]> WriteAsync(string sheetName, IReadOnlyList<string> columns, IAsyncEnumerable<string?[]> rows, CancellationToken ct)
    {
        var table = new List<Dictionary<string, object?>>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            table.Add(ToCells(columns, row));
        }

        return Write(sheetName, columns, table);
    }

    public static byte[] Write(string sheetName, IReadOnlyList<string> columns, IEnumerable<string?[]> rows) =>
        Write(sheetName, columns, rows.Select(r => ToCells(columns, r)).ToList());

    private static byte[] Write(string sheetName, IReadOnlyList<string> columns, List<Dictionary<string, object?>> table)
    {
        if (table.Count == 0)
        {
            // A header row even when nothing matched.
            table.Add(columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(table, printHeader: true, sheetName: sheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> ToCells(IReadOnlyList<string> columns, string?[] row)
    {
        var cells = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var value = i < row.Length ? row[i] : null;
            cells[columns[i]] = Numeric.Contains(columns[i]) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : value;
        }

        return cells;
    }
}
