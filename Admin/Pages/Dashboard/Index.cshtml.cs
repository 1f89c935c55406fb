using System.Globalization;
using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Registry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Admin.Pages.Dashboard;

/// <summary>Incidents and cases per month and per category over a chosen period, as server-rendered SVG.</summary>
[Authorize(Policy = AdminSecurity.MonitorPolicy)]
public sealed class IndexModel(IntakeDbContext db, UiText t, FoundationClock clock, TimeProvider time, IOptions<ModerationOptions> targets) : PageModel
{
    private const string IncidentColor = "#0b5fa5";
    private const string CaseColor = "#d9822b";

    /// <summary>First month, "YYYY-MM".</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>Last month, "YYYY-MM".</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public string PerMonthSvg { get; private set; } = "";

    public string PerCategorySvg { get; private set; } = "";

    public int IncidentTotal { get; private set; }

    public int CaseTotal { get; private set; }

    /// <summary>A hearing in the next <see cref="HearingDays"/> days.</summary>
    public sealed record Hearing(DateOnly On, long IncidentId, string Title, LegalCaseKind Kind, string? Article, string? Stage);

    public const int HearingDays = 30;

    public IReadOnlyList<Hearing> UpcomingHearings { get; private set; } = [];

    /// <summary>Time to the first human response of the reports received in a month (foundation's time), in hours.</summary>
    public sealed record ResponseMonth(string Month, int Answered, double Median, double P90);

    public IReadOnlyList<ResponseMonth> ResponseTimes { get; private set; } = [];

    /// <summary>Reports past their response target with no response yet, now.</summary>
    public int Overdue { get; private set; }

    public ModerationOptions Targets => targets.Value;

    /// <summary>The latest mail was taken in without sender verification (the Worker has no trusted authserv-id).</summary>
    public bool SenderVerificationOff { get; private set; }

    /// <summary>How many published incidents have no version in each language (kk, ru, en).</summary>
    public sealed record MissingTranslations(int Kk, int Ru, int En);

    public MissingTranslations Untranslated { get; private set; } = new(0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        SenderVerificationOff = await db.Submissions.AsNoTracking()
            .Where(s => s.Channel == Channel.Email && (s.Kind == SubmissionKind.Report || s.Kind == SubmissionKind.Followup))
            .OrderByDescending(s => s.Id).Select(s => s.SenderNotVerified).FirstOrDefaultAsync(ct) == Submission.SenderVerificationOff;

        var today = clock.Today;
        var horizon = today.AddDays(HearingDays);
        UpcomingHearings = await db.LegalCases.AsNoTracking()
            .Where(c => c.NextHearingOn >= today && c.NextHearingOn <= horizon)
            .OrderBy(c => c.NextHearingOn).ThenBy(c => c.Id)
            .Select(c => new Hearing(c.NextHearingOn!.Value, c.IncidentId, c.Incident!.Title, c.Kind, c.Article, c.Stage))
            .Take(200)
            .ToListAsync(ct);

        var last = Month(To) ?? new DateOnly(today.Year, today.Month, 1);
        var first = Month(From) ?? last.AddMonths(-11);
        if (first > last)
        {
            (first, last) = (last, first);
        }

        if (first < last.AddMonths(-59))
        {
            first = last.AddMonths(-59);
        }

        From = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        To = last.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var end = last.AddMonths(1).AddDays(-1);

        var incidentsByMonth = await db.Incidents.Where(i => i.OccurredOn >= first && i.OccurredOn <= end)
            .GroupBy(i => new { i.OccurredOn.Year, i.OccurredOn.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var casesByMonth = await db.LegalCases.Where(c => c.FiledOn >= first && c.FiledOn <= end)
            .GroupBy(c => new { c.FiledOn.Year, c.FiledOn.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var incidentsByCategory = await db.Incidents.Where(i => i.OccurredOn >= first && i.OccurredOn <= end)
            .GroupBy(i => i.CategoryCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(ct);
        var casesByCategory = await db.LegalCases.Where(c => c.FiledOn >= first && c.FiledOn <= end)
            .GroupBy(c => c.Incident!.CategoryCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(ct);
        var (_, categories) = await RegistryStore.ReferenceAsync(db, ct);
        Untranslated = (await db.Database.SqlQuery<MissingTranslations>($"""
            SELECT count(*) FILTER (WHERE "SourceLanguage" <> 'kk' AND adilsoz_translation("Translations", 'kk', 'Title') IS NULL)::int AS "Kk",
                   count(*) FILTER (WHERE "SourceLanguage" <> 'ru' AND adilsoz_translation("Translations", 'ru', 'Title') IS NULL)::int AS "Ru",
                   count(*) FILTER (WHERE "SourceLanguage" <> 'en' AND adilsoz_translation("Translations", 'en', 'Title') IS NULL)::int AS "En"
              FROM "Incidents" WHERE "PublishedAt" IS NOT NULL
            """).ToListAsync(ct)).Single();
        Overdue = await ResponseTargets.Overdue(db.Submissions.AsNoTracking(), targets.Value, time.GetUtcNow()).CountAsync(ct);
        var since = FoundationClock.StartOfDay(first);
        var until = FoundationClock.StartOfDay(last.AddMonths(1));
        // Months in the foundation's time (UTC+5; 'Etc/GMT-5' in PostgreSQL's inverted POSIX sign).
        ResponseTimes = await db.Database.SqlQuery<ResponseMonth>($"""
            SELECT to_char("ReceivedAt" AT TIME ZONE 'Etc/GMT-5', 'YYYY-MM') AS "Month", count(*)::int AS "Answered",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "FirstResponseAt" - "ReceivedAt")) / 3600 AS "Median",
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM "FirstResponseAt" - "ReceivedAt")) / 3600 AS "P90"
            FROM "Submissions"
            WHERE "FirstResponseAt" IS NOT NULL AND "ReceivedAt" >= {since} AND "ReceivedAt" < {until}
            GROUP BY 1
            """).OrderBy(r => r.Month).ToListAsync(ct);

        var months = new List<DateOnly>();
        for (var m = first; m <= last; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        IncidentTotal = incidentsByMonth.Sum(x => x.Count);
        CaseTotal = casesByMonth.Sum(x => x.Count);
        PerMonthSvg = SvgChart.Columns(t["PerMonth"], [.. months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture))],
        [
            new(t["Incidents"], IncidentColor, [.. months.Select(m => incidentsByMonth.FirstOrDefault(x => x.Year == m.Year && x.Month == m.Month)?.Count ?? 0)]),
            new(t["LegalCases"], CaseColor, [.. months.Select(m => casesByMonth.FirstOrDefault(x => x.Year == m.Year && x.Month == m.Month)?.Count ?? 0)]),
        ]);

        var codes = incidentsByCategory.Select(x => x.Code).Concat(casesByCategory.Select(x => x.Code)).Distinct()
            .OrderBy(c => categories.FindIndex(x => x.Code == c) is var i && i >= 0 ? i : int.MaxValue).ToList();
        PerCategorySvg = SvgChart.Bars(t["PerCategory"],
            [.. codes.Select(c => categories.FirstOrDefault(x => x.Code == c) is { } cat ? Names.Of(cat, HttpContext) : t["NoCategory"])],
        [
            new(t["Incidents"], IncidentColor, [.. codes.Select(c => incidentsByCategory.FirstOrDefault(x => x.Code == c)?.Count ?? 0)]),
            new(t["LegalCases"], CaseColor, [.. codes.Select(c => casesByCategory.FirstOrDefault(x => x.Code == c)?.Count ?? 0)]),
        ]);
    }

    private static DateOnly? Month(string? s) =>
        s is not null && DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
