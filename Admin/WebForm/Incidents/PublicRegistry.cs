using System.Globalization;
using System.Text.Json;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Language.Reference;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.WebForm.Incidents;

public sealed record PublicVictim(string? Name, string? Role, string? Outlet);

public sealed record PublicRuling(DateOnly On, bool InFavorOfMedia, long CollectedKzt);

public sealed record PublicCase(string Kind, DateOnly FiledOn, bool HonorDignity, bool InCourt, long ClaimedKzt, List<PublicRuling> Rulings);

/// <summary>
/// A published incident ready to show: its public fields, its texts in the reader's language (or, where it has no
/// version in it, the source text — <see cref="ShownText.IsOriginal"/>), the names of its region and category, victims and cases.
/// </summary>
public sealed record PublicIncidentView(PublicIncident Incident, ShownText Text, string? Region, string? Category, List<PublicVictim> Victims, List<PublicCase> Cases)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PublicIncidentView Of(PublicIncident i, IReadOnlyList<Region> regions, IReadOnlyList<Category> categories, string language) => new(
        i,
        i.Texts().In(language),
        regions.FirstOrDefault(r => r.Code == i.RegionCode) is { } r ? ReferenceNames.Of(r, language) : null,
        categories.FirstOrDefault(c => c.Code == i.CategoryCode) is { } c ? ReferenceNames.Of(c, language) : null,
        JsonSerializer.Deserialize<List<PublicVictim>>(i.Victims, Json) ?? [],
        CasesOf(i));

    /// <summary>The incident's legal cases with their rulings, as the view gives them.</summary>
    public static List<PublicCase> CasesOf(PublicIncident i) => JsonSerializer.Deserialize<List<PublicCase>>(i.LegalCases, Json) ?? [];
}

/// <summary>
/// The filters of the public list, the map, the feed and the open data: period, region, category (a group code also
/// finds its categories), outlet, case kind and a full-text query over the public (masked) texts.
/// </summary>
public sealed record PublicFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    string? Region = null,
    string? Category = null,
    string? Outlet = null,
    LegalCaseKind? CaseKind = null,
    string? Query = null)
{
    public static PublicFilter Parse(IQueryCollection q) => new(
        DateOnly.TryParseExact(q["from"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null,
        DateOnly.TryParseExact(q["to"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) ? to : null,
        Blank(q["region"]),
        Blank(q["category"]),
        Blank(q["outlet"]),
        Enum.TryParse<LegalCaseKind>(q["kind"], true, out var kind) && Enum.IsDefined(kind) ? kind : null,
        Blank(q["q"]));

    /// <summary>The filter as a query string (without <c>?</c>), optionally with one region replaced, for links.</summary>
    public string ToQuery(string? region = null, bool keepRegion = true)
    {
        var pairs = new List<KeyValuePair<string, string?>>
        {
            new("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("region", region ?? (keepRegion ? Region : null)),
            new("category", Category),
            new("outlet", Outlet),
            new("kind", CaseKind?.ToString().ToLowerInvariant()),
            new("q", Query),
        };
        return string.Join("&", pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!)));
    }

    public IQueryable<PublicIncident> Apply(IQueryable<PublicIncident> incidents, IReadOnlyCollection<Category> categories, bool withRegion = true)
    {
        if (From is { } from)
        {
            incidents = incidents.Where(i => i.OccurredOn >= from);
        }

        if (To is { } to)
        {
            incidents = incidents.Where(i => i.OccurredOn <= to);
        }

        if (withRegion && Region is { } region)
        {
            incidents = incidents.Where(i => i.RegionCode == region);
        }

        if (CategoryCodes(categories) is { } codes)
        {
            incidents = incidents.Where(i => i.CategoryCode != null && codes.Contains(i.CategoryCode));
        }

        if (Outlet is { } outlet)
        {
            var trimmed = outlet.Trim();
            incidents = incidents.Where(i => i.Outlets.Contains(trimmed));
        }

        if (CaseKind is { } kind)
        {
            var name = kind.ToString();
            incidents = incidents.Where(i => i.CaseKinds.Contains(name));
        }

        if (Query is { } query)
        {
            var q = query.Trim();
            incidents = incidents.Where(i => i.SearchVector
                .Matches(EF.Functions.WebSearchToTsQuery("simple", q).Or(EF.Functions.WebSearchToTsQuery("russian", q))));
        }

        return incidents;
    }

    /// <summary>True when only the category (and the region) is chosen: the counts kept per region and category answer it.</summary>
    public bool ByRegionAndCategoryOnly => From is null && To is null && Outlet is null && CaseKind is null && Query is null;

    /// <summary>The chosen category's code with those of its group's categories (a group code takes them all); null when none is chosen.</summary>
    public List<string>? CategoryCodes(IReadOnlyCollection<Category> categories) => Category is { } category
        ? [.. categories.Where(c => c.Code == category || c.GroupCode == category).Select(c => c.Code).Append(category).Distinct()]
        : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Keyset paging of the public list: newest first, the cursor is the last row's date and id (<c>2021-02-03.42</c>).</summary>
public static class PublicPaging
{
    public const int PageSize = 20;

    public static (DateOnly On, long Id)? Parse(string? cursor)
    {
        var parts = cursor?.Split('.');
        return parts is [var on, var id]
            && DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (date, n) : null;
    }

    public static string Of(PublicIncident last) =>
        last.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "." + last.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Up to <paramref name="size"/> rows after the cursor, and the next cursor (null on the last page).</summary>
    public static async Task<(List<PublicIncident> Rows, string? Next)> PageAsync(IQueryable<PublicIncident> incidents, string? cursor, int size, CancellationToken ct)
    {
        if (Parse(cursor) is { } a)
        {
            incidents = incidents.Where(i => i.OccurredOn < a.On || (i.OccurredOn == a.On && i.Id < a.Id));
        }

        var rows = await incidents.OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).Take(size + 1).Select(PublicIncident.Shown).ToListAsync(ct);
        return rows.Count > size ? (rows[..size], Of(rows[size - 1])) : (rows, null);
    }
}

/// <summary>
/// Validators from the data: the ETag and Last-Modified of every public registry response come from
/// <c>public_registry_state</c> (how many incidents are public, when the public data last changed), so a
/// withdrawal changes them at once; caches may keep a copy for <see cref="MaxAgeSeconds"/> at most.
/// </summary>
public static class PublicFreshness
{
    public const int MaxAgeSeconds = 30;

    /// <summary>Sets the validators; true when the client's copy is current (answer 304 with no body).</summary>
    public static async Task<bool> IsCurrentAsync(HttpContext context, IntakeDbContext db, string variant, CancellationToken ct)
    {
        var state = await db.PublicRegistryState.AsNoTracking().SingleAsync(ct);
        var etag = $"\"{state.Published}-{state.ChangedAt?.UtcTicks ?? 0}-{variant}\"";
        var headers = context.Response.Headers;
        headers.ETag = etag;
        if (state.ChangedAt is { } changed)
        {
            headers.LastModified = changed.ToString("R", CultureInfo.InvariantCulture);
        }

        // A response that sets the language cookie is the browser's own to keep, not a shared cache's.
        headers.CacheControl = (headers.ContainsKey("Set-Cookie") ? "private" : "public") + $", max-age={MaxAgeSeconds}";
        headers.Vary = "Accept-Language, Cookie";
        var request = context.Request.GetTypedHeaders();
        if (request.IfNoneMatch.Count > 0)
        {
            return request.IfNoneMatch.Any(t => t.Tag.Value == etag);
        }

        return request.IfModifiedSince is { } since && state.ChangedAt is { } at && at.AddTicks(-(at.UtcTicks % TimeSpan.TicksPerSecond)) <= since;
    }

    /// <summary>The variant of a page: its language (the same URL is another page in another language).</summary>
    public static Task<bool> IsCurrentAsync(HttpContext context, IntakeDbContext db, CancellationToken ct) =>
        IsCurrentAsync(context, db, Localization.UiLanguage.Current(context), ct);
}
