using AdilSoz.Intake.Admin.WebForm.Incidents;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.WebForm.Reports;

/// <summary>
/// The monthly report of the published incidents only, read from <c>public_incidents</c> (the public role's view) and
/// computed by <see cref="MonthlyReportCalculator"/> exactly as the staff report is: the incidents of the month with a
/// narrative are told, the figures come from the legal cases of published incidents filed or ruled in the year to date.
/// </summary>
public static class PublicMonthlyReport
{
    public static async Task<MonthlyReport> ComputeAsync(IntakeDbContext db, int year, int month, CancellationToken ct)
    {
        var (monthStart, monthEnd, yearStart) = MonthlyReportCalculator.Range(year, month);
        // Note: the view carries each incident's cases as JSON, so the cases of the year to date are found in SQL
        // (an incident of 2019 may have a case filed or ruled this year).
        var rows = await db.PublicIncidents.FromSqlInterpolated($"""
            SELECT * FROM public_incidents p
             WHERE (p."OccurredOn" BETWEEN {monthStart} AND {monthEnd} AND p."Narrative" IS NOT NULL)
                OR EXISTS (SELECT 1 FROM jsonb_array_elements(p."LegalCases") c
                            WHERE (c->>'filedOn')::date BETWEEN {yearStart} AND {monthEnd}
                               OR EXISTS (SELECT 1 FROM jsonb_array_elements(c->'rulings') r
                                           WHERE (r->>'on')::date BETWEEN {yearStart} AND {monthEnd}))
            """).AsNoTracking().Select(PublicIncident.Shown).ToListAsync(ct);

        var incidents = rows.Select(ToIncident).ToList();
        return MonthlyReportCalculator.Compute(year, month, incidents, incidents.SelectMany(i => i.LegalCases));
    }

    /// <summary>The month of the latest published incident ("YYYY-MM"), the report the home page and the list link to; null when none is published.</summary>
    public static async Task<string?> LatestMonthAsync(IntakeDbContext db, CancellationToken ct)
    {
        var latest = await db.PublicIncidents.MaxAsync(i => (DateOnly?)i.OccurredOn, ct);
        return latest?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A published row as the calculator reads an incident: public (it is published), its masked texts, its cases.</summary>
    private static Incident ToIncident(PublicIncident row)
    {
        var incident = new Incident
        {
            Id = row.Id, Title = row.Title, Summary = row.Summary, Narrative = row.Narrative, OccurredOn = row.OccurredOn,
            IsPublic = true, PublishedAt = row.PublishedAt, SourceLanguage = row.SourceLanguage,
        };
        var texts = row.Texts();
        foreach (var language in ReportLanguage.All.Where(l => l != texts.SourceLanguage))
        {
            if (texts.Version(language) is { } t)
            {
                incident.Translations.Add(new IncidentTranslation { Language = language, Title = t.Title, Summary = t.Summary, Narrative = t.Narrative });
            }
        }

        foreach (var c in PublicIncidentView.CasesOf(row))
        {
            incident.LegalCases.Add(new LegalCase
            {
                Kind = Enum.Parse<LegalCaseKind>(c.Kind, ignoreCase: true), FiledOn = c.FiledOn, HonorDignity = c.HonorDignity,
                InCourt = c.InCourt, ClaimedKzt = c.ClaimedKzt,
                Rulings = [.. c.Rulings.Select(r => new Ruling { On = r.On, InFavorOfMedia = r.InFavorOfMedia, CollectedKzt = r.CollectedKzt })],
            });
        }

        return incident;
    }
}
