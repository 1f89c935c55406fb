using System.Globalization;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Registry;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Registry;

/// <summary>The import of legal cases: every rejected row with every reason, then the cases added to their incidents.</summary>
public static partial class CaseCsv
{
    private static readonly string[] RequiredColumns = ["kind", "filedOn"];

    /// <summary>
    /// Reads a cases CSV (the export's columns; <c>kind</c>, <c>filedOn</c> and the incident required) and adds
    /// each valid case to its incident (audited as an update of the incident), or with <paramref name="dryRun"/>
    /// only reports what it would do. A case already in the registry (same incident, kind, filing date and
    /// article) is rejected, so importing a file twice adds nothing.
    /// </summary>
    public static async Task<IncidentCsv.ImportResult> ImportAsync(IntakeDbContext db, TimeProvider clock, string csv, bool dryRun, string actor, CancellationToken ct)
    {
        var rows = Csv.Read(csv).ToList();
        if (rows.Count == 0)
        {
            return new IncidentCsv.ImportResult(0, 0, [new IncidentCsv.Rejection(1, null, ["The file is empty."])], dryRun, []);
        }

        var header = rows[0].Fields.Select(h => h.Trim()).ToList();
        var index = header.Select((h, i) => (h, i)).GroupBy(x => x.h, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        var missing = RequiredColumns.Where(c => !index.ContainsKey(c)).ToList();
        if (!index.ContainsKey("incidentId") && !(index.ContainsKey("incidentTitle") && index.ContainsKey("incidentOccurredOn")))
        {
            missing.Add("incidentId (or incidentTitle and incidentOccurredOn)");
        }

        if (missing.Count > 0)
        {
            return new IncidentCsv.ImportResult(rows.Count - 1, 0,
                [new IncidentCsv.Rejection(rows[0].Line, null, [$"The header lacks the column(s) {string.Join(", ", missing)}. Expected columns: {string.Join(", ", Columns)}."])], dryRun, []);
        }

        var rejected = new List<IncidentCsv.Rejection>();
        var accepted = new List<(long IncidentId, IncidentInput.LegalCaseInput Case)>();
        var seen = new HashSet<(long, LegalCaseKind, DateOnly, string)>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            string? Get(string column) => index.TryGetValue(column, out var i) && i < fields.Count && fields[i].Trim().Length > 0 ? fields[i].Trim() : null;
            var reasons = new List<string>();
            if (fields.Count > header.Count)
            {
                reasons.Add($"The row has {fields.Count} fields, the header {header.Count} (a comma in an unquoted field?).");
            }

            var (incidentId, incidentTitle) = await FindIncidentAsync(db, Get("incidentId"), Get("incidentTitle"), Get("incidentOccurredOn"), reasons, ct);
            var input = new IncidentInput.LegalCaseInput { Article = Get("article"), PlaintiffType = Get("plaintiffType"), Stage = Get("stage") };
            switch (Get("kind"))
            {
                case null:
                    reasons.Add("kind: required (criminal, civil or administrative).");
                    break;
                case var k when Kind(k) is { } kind:
                    input.Kind = kind;
                    break;
                case var k:
                    reasons.Add($"kind: \"{k}\" is not criminal, civil or administrative.");
                    break;
            }

            input.FiledOn = Date(Get("filedOn"), "filedOn", required: true, reasons);
            input.NextHearingOn = Date(Get("nextHearingOn"), "nextHearingOn", required: false, reasons);
            input.HonorDignity = Flag(Get("honorDignity"), "honorDignity", reasons);
            input.InCourt = Flag(Get("inCourt"), "inCourt", reasons);
            input.ClaimedKzt = Tenge(Get("claimedKzt"), "claimedKzt", reasons) ?? 0;
            input.Rulings = Rulings(Get("rulingList"), reasons);
            CheckSummary(input.Rulings, Get("rulings"), Get("rulingsInFavorOfMedia"), Get("collectedKzt"), reasons);

            // The form's and the API's rules (negative sums, honor and dignity only in civil claims, rulings before filing).
            var rules = new IncidentInput { Title = "-", OccurredOn = DateOnly.MinValue, LegalCases = [input] }.Validate([], []);
            // Missing dates and negative sums are already explained above, in the file's terms.
            reasons.AddRange(rules.Where(e => e.Key.StartsWith("legalCases[0].", StringComparison.Ordinal)
                    && !e.Key.EndsWith("filedOn", StringComparison.Ordinal) && !e.Key.EndsWith("Kzt", StringComparison.Ordinal))
                .SelectMany(e => e.Value.Where(m => m != "The date of the ruling is required.").Select(m => $"{e.Key["legalCases[0].".Length..]}: {m}")));

            if (reasons.Count == 0 && incidentId is { } id && input.FiledOn is { } filed)
            {
                var article = input.Article ?? "";
                if (!seen.Add((id, input.Kind, filed, article.ToUpperInvariant())))
                {
                    reasons.Add("The same case (incident, kind, filing date, article) appears earlier in this file.");
                }
                else if (await db.LegalCases.AnyAsync(c => c.IncidentId == id && c.Kind == input.Kind && c.FiledOn == filed
#pragma warning disable CA1304, CA1311, CA1862 // EF translates ToUpper() to SQL upper(): no culture or StringComparison reaches the database.
                    && (c.Article ?? "").ToUpper() == article.ToUpperInvariant(), ct))
#pragma warning restore CA1304, CA1311, CA1862
                {
                    reasons.Add("This case (incident, kind, filing date, article) is already in the registry.");
                }
            }

            if (reasons.Count > 0 || incidentId is null)
            {
                rejected.Add(new IncidentCsv.Rejection(line, incidentTitle, reasons));
            }
            else
            {
                accepted.Add((incidentId.Value, input));
            }
        }

        var created = new List<long>();
        if (!dryRun && accepted.Count > 0)
        {
            foreach (var group in accepted.GroupBy(a => a.IncidentId))
            {
                var incident = (await RegistryStore.FindAsync(db, group.Key, ct))!;
                var before = RegistryStore.Snapshot(incident);
                var apply = new IncidentInput { Title = incident.Title, OccurredOn = incident.OccurredOn, LegalCases = [.. group.Select(g => g.Case)] };
                var scratch = new Incident { Title = "" };
                var now = clock.GetUtcNow();
                apply.ApplyTo(scratch, now);
                incident.LegalCases.AddRange(scratch.LegalCases);
                incident.UpdatedAt = now;
                Audit.Add(db, clock, actor, "incident.update", RegistryStore.EntityType, incident.Id,
                    new { changes = RegistryStore.Changes(before, RegistryStore.Snapshot(incident)), source = "csv import" });
                await db.SaveChangesAsync(ct);
                created.AddRange(scratch.LegalCases.Select(c => c.Id));
            }
        }

        return new IncidentCsv.ImportResult(rows.Count - 1, accepted.Count, rejected, dryRun, created);
    }

    private static async Task<(long? Id, string? Title)> FindIncidentAsync(IntakeDbContext db, string? id, string? title, string? occurredOn, List<string> reasons, CancellationToken ct)
    {
        if (id is not null)
        {
            if (!long.TryParse(id, NumberStyles.None, Inv, out var parsed))
            {
                reasons.Add($"incidentId: \"{id}\" is not an incident number.");
                return (null, title);
            }

            var found = await db.Incidents.AsNoTracking().Where(i => i.Id == parsed).Select(i => i.Title).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                reasons.Add($"incidentId: no incident {parsed} in the registry.");
                return (null, title);
            }

            if (title is not null && !string.Equals(found.Trim(), title, StringComparison.OrdinalIgnoreCase))
            {
                reasons.Add($"incidentId: incident {parsed} is titled \"{found}\", not \"{title}\" (a number from another registry?).");
                return (null, title);
            }

            return (parsed, found);
        }

        if (title is null || occurredOn is null)
        {
            reasons.Add("Which incident? Give incidentId, or incidentTitle and incidentOccurredOn as the incident export writes them.");
            return (null, title);
        }

        if (Day(occurredOn) is not { } on)
        {
            reasons.Add($"incidentOccurredOn: \"{occurredOn}\" is not a date; write YYYY-MM-DD.");
            return (null, title);
        }

        var ids = await db.Incidents.AsNoTracking().Where(i => i.Title == title && i.OccurredOn == on).Select(i => i.Id).Take(2).ToListAsync(ct);
        switch (ids.Count)
        {
            case 0:
                reasons.Add($"Unknown incident: none titled \"{title}\" on {occurredOn} in the registry (import the incidents first).");
                return (null, title);
            case > 1:
                reasons.Add($"Ambiguous incident: several are titled \"{title}\" on {occurredOn}; give incidentId.");
                return (null, title);
            default:
                return (ids[0], title);
        }
    }

    private static List<IncidentInput.RulingInput> Rulings(string? list, List<string> reasons)
    {
        var rulings = new List<IncidentInput.RulingInput>();
        if (list is null)
        {
            return rulings;
        }

        foreach (var (item, n) in list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((x, n) => (x, n + 1)))
        {
            var parts = item.Split('|', 4, StringSplitOptions.TrimEntries);
            var ruling = new IncidentInput.RulingInput { Outcome = parts.Length > 3 && parts[3].Length > 0 ? parts[3] : null };
            var label = $"rulingList, ruling {n}";
            ruling.On = Date(parts[0], label, required: true, reasons);
            var side = parts.Length > 1 ? parts[1].ToLowerInvariant() : "";
            bool? media = side switch
            {
                "media" or "yes" or "for" or "сми" or "да" or "бақ" => true,
                "against" or "no" or "нет" or "жоқ" => false,
                _ => null,
            };
            if (media is null)
            {
                reasons.Add($"{label}: \"{(parts.Length > 1 ? parts[1] : "")}\" should be media (in favour of the media) or against.");
            }

            ruling.InFavorOfMedia = media ?? false;
            ruling.CollectedKzt = (parts.Length > 2 ? Tenge(parts[2], label, reasons) : null) ?? 0;
            rulings.Add(ruling);
        }

        return rulings;
    }

    /// <summary>The summary columns, when filled, must say what the list says (rulings are imported from the list only).</summary>
    private static void CheckSummary(List<IncidentInput.RulingInput> rulings, string? count, string? inFavor, string? collected, List<string> reasons)
    {
        void Check(string? value, string column, long actual)
        {
            if (value is not null && (!long.TryParse(value.Replace(" ", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, Inv, out var said) || said != actual))
            {
                reasons.Add($"{column}: \"{value}\" does not match rulingList ({actual}); rulings are imported from rulingList (date|media|collected|outcome).");
            }
        }

        Check(count, "rulings", rulings.Count);
        Check(inFavor, "rulingsInFavorOfMedia", rulings.Count(r => r.InFavorOfMedia));
        Check(collected, "collectedKzt", rulings.Sum(r => r.CollectedKzt));
    }

    private static LegalCaseKind? Kind(string s) => s.Trim().ToLowerInvariant() switch
    {
        "criminal" or "уголовное" or "уголовный" or "қылмыстық" => LegalCaseKind.Criminal,
        "civil" or "гражданское" or "гражданский" or "азаматтық" => LegalCaseKind.Civil,
        "administrative" or "административное" or "административный" or "әкімшілік" => LegalCaseKind.Administrative,
        _ => null,
    };

    private static DateOnly? Date(string? value, string column, bool required, List<string> reasons)
    {
        if (value is null)
        {
            if (required)
            {
                reasons.Add($"{column}: a date is required (YYYY-MM-DD).");
            }

            return null;
        }

        if (Day(value) is { } d)
        {
            return d;
        }

        reasons.Add($"{column}: \"{value}\" is not a date; write YYYY-MM-DD (or DD.MM.YYYY).");
        return null;
    }

    private static bool Flag(string? value, string column, List<string> reasons)
    {
        if (value is null)
        {
            return false;
        }

        if (IncidentCsv.ParseBool(value) is { } b)
        {
            return b;
        }

        reasons.Add($"{column}: \"{value}\" is neither yes nor no.");
        return false;
    }

    private static long? Tenge(string? value, string column, List<string> reasons)
    {
        if (value is null)
        {
            return null;
        }

        var digits = value.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, Inv, out var sum))
        {
            reasons.Add($"{column}: \"{value}\" is not a whole number of tenge.");
            return null;
        }

        if (sum < 0)
        {
            reasons.Add($"{column}: a sum cannot be negative ({value}).");
            return null;
        }

        return sum;
    }
}
