using System.Globalization;
using System.Text;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Language.Reference;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Registry;

/// <summary>
/// CSV export of incidents (with the list's filters) and CSV import of past years' registry with a dry
/// run (legal cases: <see cref="CaseCsv"/>). Victims are written <c>Name|role|outlet|no</c> (the last part "no" when the
/// victim did not consent to be named), separated by "; "; outlets and links are separated by "; ".
/// </summary>
public static class IncidentCsv
{
    private static readonly string[] RequiredColumns = ["title", "occurredOn"];

    public static readonly string[] IncidentColumns =
    [
        "id", "title", "occurredOn", "datePrecision", "region", "settlement", "category", "perpetratorType",
        "summary", "narrative", "isPublic", "victims", "outlets", "links", "legalCases",
    ];

    private const string Separator = "; ";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<string> ExportIncidentsAsync(IntakeDbContext db, IncidentFilter filter, IReadOnlyCollection<Category> categories, CancellationToken ct)
    {
        var sb = new StringBuilder();
        Csv.WriteRow(sb, IncidentColumns);
        await foreach (var row in IncidentRowsAsync(db, filter, categories, ct))
        {
            Csv.WriteRow(sb, row);
        }

        return sb.ToString();
    }

    /// <summary>The filtered incidents, newest first, as the export's fields (<see cref="IncidentColumns"/>).</summary>
    public static async IAsyncEnumerable<string?[]> IncidentRowsAsync(IntakeDbContext db, IncidentFilter filter, IReadOnlyCollection<Category> categories,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rows = IncidentFilter.After(filter.Apply(db.Incidents.AsNoTracking(), categories), null)
            .Select(i => new { Incident = i, Cases = i.LegalCases.Count })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            var i = row.Incident;
            yield return
            [
                i.Id.ToString(Inv), i.Title, i.OccurredOn.ToString("yyyy-MM-dd", Inv), i.DatePrecision.ToString().ToLowerInvariant(),
                i.RegionCode, i.Settlement, i.CategoryCode, i.PerpetratorType, i.Summary, i.Narrative, i.IsPublic ? "yes" : "no",
                string.Join(Separator, i.Victims.Select(v => string.Join('|', v.Name, v.Role, v.Outlet, v.MayBeNamed ? "" : "no").TrimEnd('|'))),
                string.Join(Separator, i.Outlets), string.Join(Separator, i.Links), row.Cases.ToString(Inv),
            ];
        }
    }

    /// <summary>A row the import would reject: its line in the file and every reason.</summary>
    public sealed record Rejection(int Line, string? Title, IReadOnlyList<string> Reasons);

    public sealed record ImportResult(int Rows, int Accepted, IReadOnlyList<Rejection> Rejected, bool DryRun, IReadOnlyList<long> CreatedIds);

    /// <summary>
    /// Reads a CSV with a header row (the export's columns; <c>title</c> and <c>occurredOn</c> required) and
    /// creates an incident per valid row, or with <paramref name="dryRun"/> only reports what it would do.
    /// Rows already in the registry (same title and date) are rejected.
    /// </summary>
    public static async Task<ImportResult> ImportAsync(IntakeDbContext db, TimeProvider clock, string csv, bool dryRun, string actor, CancellationToken ct)
    {
        var (regions, categories) = await RegistryStore.ReferenceAsync(db, ct);
        var rows = Csv.Read(csv).ToList();
        if (rows.Count == 0)
        {
            return new ImportResult(0, 0, [new Rejection(1, null, ["The file is empty."])], dryRun, []);
        }

        var header = rows[0].Fields.Select(h => h.Trim()).ToList();
        var index = header.Select((h, i) => (h, i)).GroupBy(x => x.h, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        var missing = RequiredColumns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return new ImportResult(rows.Count - 1, 0,
                [new Rejection(rows[0].Line, null, [$"The header lacks the column(s) {string.Join(", ", missing)}. Expected columns: {string.Join(", ", IncidentColumns)}."])], dryRun, []);
        }

        var rejected = new List<Rejection>();
        var accepted = new List<(IncidentInput Input, int Line)>();
        var seen = new HashSet<(string, DateOnly)>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            string? Get(string column) => index.TryGetValue(column, out var i) && i < fields.Count && fields[i].Trim().Length > 0 ? fields[i].Trim() : null;
            var reasons = new List<string>();
            if (fields.Count > header.Count)
            {
                reasons.Add($"The row has {fields.Count} fields, the header {header.Count} (a comma in an unquoted field?).");
            }

            var input = new IncidentInput
            {
                Title = Get("title"),
                Region = Get("region"),
                Settlement = Get("settlement"),
                Category = Get("category"),
                PerpetratorType = Get("perpetratorType"),
                Summary = Get("summary"),
                Narrative = Get("narrative"),
                Outlets = List(Get("outlets")),
                Links = List(Get("links")),
                Victims = [.. List(Get("victims")).Select(Victim)],
            };

            var date = Get("occurredOn");
            if (date is not null)
            {
                if (ParseDate(date) is { } parsed)
                {
                    (input.OccurredOn, input.DatePrecision) = parsed;
                }
                else
                {
                    reasons.Add($"occurredOn: \"{date}\" is not a date; write YYYY-MM-DD (or DD.MM.YYYY, YYYY-MM, YYYY).");
                }
            }

            if (Get("isPublic") is { } pub)
            {
                if (ParseBool(pub) is { } b)
                {
                    input.IsPublic = b;
                }
                else
                {
                    reasons.Add($"isPublic: \"{pub}\" is neither yes nor no.");
                }
            }

            var errors = input.Validate(regions, categories);
            if (date is not null && input.OccurredOn is null)
            {
                errors.Remove("occurredOn");
            }

            reasons.AddRange(errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));
            if (input.Title is not null && input.OccurredOn is { } on && reasons.Count == 0)
            {
                if (!seen.Add((input.Title.Trim(), on)))
                {
                    reasons.Add("The same title and date appear earlier in this file.");
                }
                else if (await db.Incidents.AnyAsync(i => i.Title == input.Title.Trim() && i.OccurredOn == on, ct))
                {
                    reasons.Add("An incident with this title and date is already in the registry.");
                }
            }

            if (reasons.Count > 0)
            {
                rejected.Add(new Rejection(line, input.Title, reasons));
            }
            else
            {
                accepted.Add((input, line));
            }
        }

        var created = new List<long>();
        if (!dryRun)
        {
            foreach (var (input, _) in accepted)
            {
                var incident = new Incident { Title = "" };
                await RegistryStore.SaveAsync(db, clock, incident, input, actor, ct);
                created.Add(incident.Id);
            }
        }

        return new ImportResult(rows.Count - 1, accepted.Count, rejected, dryRun, created);
    }

    private static List<string> List(string? value) =>
        value is null ? [] : [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static IncidentInput.VictimInput Victim(string value)
    {
        var parts = value.Split('|', StringSplitOptions.TrimEntries);
        string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
        return new IncidentInput.VictimInput(parts[0], Part(1), Part(2), ParseBool(Part(3) ?? "yes") ?? true);
    }

    private static (DateOnly, DatePrecision)? ParseDate(string s)
    {
        string[] dayFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"];
        if (DateOnly.TryParseExact(s, dayFormats, Inv, DateTimeStyles.None, out var d))
        {
            return (d, DatePrecision.Day);
        }

        if (DateOnly.TryParseExact(s, ["yyyy-MM", "MM.yyyy"], Inv, DateTimeStyles.None, out d))
        {
            return (d, DatePrecision.Month);
        }

        return DateOnly.TryParseExact(s, "yyyy", Inv, DateTimeStyles.None, out d) ? (d, DatePrecision.Year) : null;
    }

    internal static bool? ParseBool(string s) => s.Trim().ToLowerInvariant() switch
    {
        "yes" or "true" or "1" or "да" or "иә" or "y" => true,
        "no" or "false" or "0" or "нет" or "жоқ" or "n" => false,
        _ => null,
    };
}
