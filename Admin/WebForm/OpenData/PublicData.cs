using System.Globalization;
using System.Text;
using System.Xml.Linq;
using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.WebForm.Incidents;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Reports;
using AdilSoz.Intake.Language.Reference;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.WebForm.OpenData;

/// <summary>
/// The public registry as data: <c>/open-data/incidents.csv</c> and <c>.json</c> (every published incident, public fields,
/// CC BY 4.0), the read-only API <c>/api/public/v1/incidents</c> (filters, keyset paging, rate-limited) and the Atom
/// feed <c>/feeds/incidents.atom</c> of the newest publications (per language, optionally per region and category).
/// Each answer carries the ETag and Last-Modified of the data (<see cref="PublicFreshness"/>): a withdrawn incident is
/// gone from the next request.
/// </summary>
public static class PublicData
{
    public const string ApiPolicy = "public-api";
    public const string Licence = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); attribution: Adil Soz, International Foundation for Protection of Freedom of Speech";
    public const int FeedEntries = 50;
    public const int MaxLimit = 100;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static readonly string[] CsvColumns =
    [
        "id", "occurred_on", "date_precision", "region", "settlement", "category", "title", "summary", "outlets",
        "victims", "case_kinds", "claimed_kzt", "collected_kzt", "published_at", "updated_at",
        "source_language", "title_kk", "summary_kk", "title_ru", "summary_ru", "title_en", "summary_en",
    ];

    /// <summary>An incident's texts in one language in the JSON file and the API.</summary>
    public sealed record ItemText(string Title, string Summary, string? Narrative);

    /// <summary>One incident in the JSON file and the API (camelCase).</summary>
    public sealed record Item(long Id, string Title, DateOnly OccurredOn, string DatePrecision, string? Region, string? Settlement, string? Category,
        string Summary, string? Narrative, List<string> Outlets, List<PublicVictim> Victims, List<PublicCase> LegalCases, DateTimeOffset? PublishedAt,
        DateTimeOffset UpdatedAt, string Url, string SourceLanguage, Dictionary<string, ItemText?> Texts);

    public static void MapPublicData(this WebApplication app)
    {
        app.MapGet("/open-data/incidents.csv", CsvAsync);
        app.MapGet("/open-data/incidents.json", JsonAsync);
        app.MapGet("/api/public/v1/incidents", ApiAsync).RequireRateLimiting(ApiPolicy);
        app.MapGet("/feeds/incidents.atom", AtomAsync);
    }

    private static async Task<IResult> CsvAsync(HttpContext context, IntakeDbContext db, CancellationToken ct)
    {
        if (await PublicFreshness.IsCurrentAsync(context, db, "csv", ct))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var (rows, _) = await QueryAsync(context, db, ct);
        var sb = new StringBuilder();
        Csv.WriteRow(sb, CsvColumns);
        foreach (var r in rows)
        {
            var view = PublicIncidentView.Of(r, [], [], "en");
            var source = r.Texts().Source;
            Csv.WriteRow(sb,
            [
                Invariant(r.Id), r.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.DatePrecision.ToString().ToLowerInvariant(),
                r.RegionCode, r.Settlement, r.CategoryCode, source.Title, source.Summary, string.Join("; ", r.Outlets),
                string.Join("; ", view.Victims.Select(v => v.Name is null ? $"{v.Role ?? "person"} (name withheld)" : string.Join(", ", new[] { v.Name, v.Role, v.Outlet }.Where(x => !string.IsNullOrEmpty(x))))),
                string.Join("; ", r.CaseKinds.Select(k => k.ToLowerInvariant())),
                Invariant(view.Cases.Sum(c => c.ClaimedKzt)), Invariant(view.Cases.Sum(c => c.Rulings.Sum(x => x.CollectedKzt))),
                r.PublishedAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                r.UpdatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                r.SourceLanguage,
                .. Versions(r).SelectMany(v => new[] { v.Value?.Title, v.Value?.Summary }),
            ]);
        }

        return Results.File(Csv.Utf8WithBom.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray(), "text/csv; charset=utf-8", "incidents.csv");
    }

    private static async Task<IResult> JsonAsync(HttpContext context, IntakeDbContext db, CancellationToken ct)
    {
        if (await PublicFreshness.IsCurrentAsync(context, db, "json", ct))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var (rows, categories) = await QueryAsync(context, db, ct);
        return Results.Json(new { licence = Licence, attribution = "Adil Soz", items = rows.Select(r => ItemOf(r, categories)) });
    }

    private static async Task<IResult> ApiAsync(HttpContext context, IntakeDbContext db, string? cursor, int? limit, CancellationToken ct)
    {
        if (await PublicFreshness.IsCurrentAsync(context, db, "api", ct))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var filtered = PublicFilter.Parse(context.Request.Query).Apply(db.PublicIncidents.AsNoTracking(), categories);
        var (rows, next) = await PublicPaging.PageAsync(filtered, cursor, Math.Clamp(limit ?? 50, 1, MaxLimit), ct);
        return Results.Json(new { items = rows.Select(r => ItemOf(r, categories)), next, licence = Licence });
    }

    private static async Task<IResult> AtomAsync(HttpContext context, IntakeDbContext db, PublicText text, CancellationToken ct)
    {
        var language = UiLanguage.Current(context);
        if (await PublicFreshness.IsCurrentAsync(context, db, "atom-" + language, ct))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var filter = PublicFilter.Parse(context.Request.Query);
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var rows = await filter.Apply(db.PublicIncidents.AsNoTracking(), categories)
            .OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Take(FeedEntries).Select(PublicIncident.Shown).ToListAsync(ct);
        var updated = rows.Count == 0 ? DateTimeOffset.UnixEpoch : rows.Max(r => Max(r.PublishedAt, r.UpdatedAt));
        var self = "/feeds/incidents.atom?lang=" + language + (filter.ToQuery() is { Length: > 0 } q ? "&" + q : "");
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", language),
            new XElement(Atom + "id", "tag:adilsoz.kz,2021:incidents:" + language + (filter.ToQuery() is { Length: > 0 } fq ? "?" + fq : "")),
            new XElement(Atom + "title", text["Site"] + " — " + text["Registry.Title"]),
            new XElement(Atom + "updated", Stamp(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", "Adil Soz")),
            new XElement(Atom + "rights", Licence),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", "/incidents")),
            rows.Select(r =>
            {
                var view = PublicIncidentView.Of(r, regions, categories, language);
                var where = string.Join(" · ", new[] { r.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), view.Region, view.Category }.Where(x => !string.IsNullOrEmpty(x)));
                return new XElement(Atom + "entry",
                    new XElement(Atom + "id", "tag:adilsoz.kz,2021:incident:" + Invariant(r.Id)),
                    new XElement(Atom + "title", Lang(view.Text, language), view.Text.Title),
                    new XElement(Atom + "updated", Stamp(Max(r.PublishedAt, r.UpdatedAt))),
                    new XElement(Atom + "published", Stamp(r.PublishedAt ?? r.UpdatedAt)),
                    new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", "/incidents/" + Invariant(r.Id))),
                    view.Category is { } category ? new XElement(Atom + "category", new XAttribute("term", r.CategoryCode!), new XAttribute("label", category)) : null,
                    new XElement(Atom + "summary", new XAttribute("type", "text"), Lang(view.Text, language),
                        where + "\n" + (view.Text.IsOriginal ? text["Registry.NotTranslated." + view.Text.Language] + "\n" : "") + view.Text.Summary));
            }));
        var xml = new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Declaration + "\n" + feed.ToString(SaveOptions.DisableFormatting);
        return Results.Text(xml, "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>Every published incident passing the query's filters, newest first.</summary>
    private static async Task<(List<PublicIncident> Rows, List<Category> Categories)> QueryAsync(HttpContext context, IntakeDbContext db, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var rows = await PublicFilter.Parse(context.Request.Query).Apply(db.PublicIncidents.AsNoTracking(), categories)
            .OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).Select(PublicIncident.Shown).ToListAsync(ct);
        return (rows, categories);
    }

    private static Item ItemOf(PublicIncident r, List<Category> categories)
    {
        var view = PublicIncidentView.Of(r, [], categories, "en");
        var source = r.Texts().Source;
        return new Item(r.Id, source.Title, r.OccurredOn, r.DatePrecision.ToString().ToLowerInvariant(), r.RegionCode, r.Settlement, r.CategoryCode,
            source.Summary, source.Narrative, r.Outlets, view.Victims, view.Cases, r.PublishedAt, r.UpdatedAt, "/incidents/" + Invariant(r.Id),
            r.SourceLanguage, Versions(r));
    }

    /// <summary>The incident's texts per language (kk, ru, en), null where it has no version in that language.</summary>
    private static Dictionary<string, ItemText?> Versions(PublicIncident r)
    {
        var texts = r.Texts();
        return ReportLanguage.All.ToDictionary(l => l, l => texts.Version(l) is { } t ? new ItemText(t.Title, t.Summary, t.Narrative) : null);
    }

    /// <summary>An entry's text in a language other than the feed's (the source text of an untranslated incident) says so.</summary>
    private static XAttribute? Lang(ShownText shown, string feedLanguage) =>
        shown.Language == feedLanguage ? null : new XAttribute(XNamespace.Xml + "lang", shown.Language);

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);
}
