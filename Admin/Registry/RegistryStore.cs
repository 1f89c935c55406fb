using System.Text.Json;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Reports;
using AdilSoz.Intake.Language.Reference;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Registry;

/// <summary>
/// The registry operations the pages, the API and the import share: reference lists, saving an incident
/// with its audit entry (what changed), and loading the monthly report with names redacted.
/// </summary>
public static class RegistryStore
{
    public const string EntityType = "incident";
    public const string WithheldName = "[name withheld]";

    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web);

    public static async Task<(List<Region> Regions, List<Category> Categories)> ReferenceAsync(IntakeDbContext db, CancellationToken ct = default)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
        return (regions, categories);
    }

    /// <summary>An incident with its legal cases and their rulings (tracked, for editing).</summary>
    public static Task<Incident?> FindAsync(IntakeDbContext db, long id, CancellationToken ct = default) =>
        db.Incidents.Include(i => i.LegalCases).ThenInclude(c => c.Rulings).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>
    /// Writes a validated <paramref name="input"/> into <paramref name="incident"/> (new when its id is 0) and
    /// saves it with an audit entry listing every changed field with its old and new value.
    /// </summary>
    public static async Task SaveAsync(IntakeDbContext db, TimeProvider clock, Incident incident, IncidentInput input, string actor, CancellationToken ct = default)
    {
        var isNew = incident.Id == 0;
        var before = isNew ? null : Snapshot(incident);
        if (!isNew)
        {
            // Replaced cases and rulings are deleted with their rows.
            db.Rulings.RemoveRange(incident.LegalCases.SelectMany(c => c.Rulings));
            db.LegalCases.RemoveRange(incident.LegalCases);
        }

        input.ApplyTo(incident, clock.GetUtcNow());
        if (isNew)
        {
            db.Incidents.Add(incident);
            await db.SaveChangesAsync(ct);
            Audit.Add(db, clock, actor, "incident.create", EntityType, incident.Id, new { changes = Changes(null, Snapshot(incident)) });
        }
        else
        {
            var changes = Changes(before, Snapshot(incident));
            Audit.Add(db, clock, actor, "incident.update", EntityType, incident.Id, new { changes });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The incident's fields as JSON values, to compare before and after an edit.</summary>
    public static Dictionary<string, string> Snapshot(Incident i)
    {
        var dto = IncidentDto.From(i);
        var element = JsonSerializer.SerializeToElement(dto with { Id = 0, CreatedAt = default, UpdatedAt = default, LegalCases = [.. dto.LegalCases.Select(c => c with { Id = 0, Rulings = [.. c.Rulings.Select(r => r with { Id = 0 })] })] }, SnapshotJson);
        return element.EnumerateObject()
            .Where(p => p.Name is not ("id" or "createdAt" or "updatedAt"))
            .ToDictionary(p => p.Name, p => p.Value.GetRawText());
    }

    /// <summary>Changed fields: <c>{ field: { from, to } }</c> with JSON values; every field when <paramref name="before"/> is null.</summary>
    public static Dictionary<string, object?> Changes(Dictionary<string, string>? before, Dictionary<string, string> after)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var (field, value) in after)
        {
            var old = before?.GetValueOrDefault(field);
            if (old != value)
            {
                changes[field] = new { from = old is null ? (JsonElement?)null : JsonDocument.Parse(old).RootElement, to = JsonDocument.Parse(value).RootElement };
            }
        }

        return changes;
    }

    /// <summary>
    /// The figures and notable incidents of one month from the registry (MonthlyReportCalculator.Range):
    /// incidents of the month, cases filed in the year to date or ruled in it, with their rulings.
    /// Names of victims who did not consent are replaced by "[name withheld]".
    /// </summary>
    public static async Task<MonthlyReport> MonthlyReportAsync(IntakeDbContext db, int year, int month, CancellationToken ct = default)
    {
        var (monthStart, monthEnd, yearStart) = MonthlyReportCalculator.Range(year, month);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.OccurredOn >= monthStart && i.OccurredOn <= monthEnd && i.IsPublic && i.Narrative != null)
            .ToListAsync(ct);
        var cases = await db.LegalCases.AsNoTracking().Include(c => c.Rulings)
            .Where(c => (c.FiledOn >= yearStart && c.FiledOn <= monthEnd) || c.Rulings.Any(r => r.On >= yearStart && r.On <= monthEnd))
            .AsSplitQuery()
            .ToListAsync(ct);
        return MonthlyReportCalculator.Compute(year, month, incidents.Select(Redact), cases);
    }

    /// <summary>The incident as published: every name of a victim without consent replaced in its texts (the entity is changed; pass an untracked one).</summary>
    public static Incident Redact(Incident incident)
    {
        foreach (var victim in incident.Victims.Where(v => !v.MayBeNamed && !string.IsNullOrWhiteSpace(v.Name)))
        {
            incident.Title = Replace(incident.Title, victim.Name)!;
            incident.Summary = Replace(incident.Summary, victim.Name)!;
            incident.Narrative = Replace(incident.Narrative, victim.Name);
            foreach (var t in incident.Translations)
            {
                t.Title = Replace(t.Title, victim.Name)!;
                t.Summary = Replace(t.Summary, victim.Name)!;
                t.Narrative = Replace(t.Narrative, victim.Name);
            }

            victim.Name = WithheldName;
        }

        return incident;
    }

    private static string? Replace(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        // The full name, then each part of it long enough to identify (surname alone, given name alone).
        text = text.Replace(name.Trim(), WithheldName, StringComparison.OrdinalIgnoreCase);
        foreach (var part in name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length >= 4))
        {
            text = System.Text.RegularExpressions.Regex.Replace(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(part)}\w*", WithheldName,
                System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return text;
    }
}
