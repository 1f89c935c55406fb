using System.Globalization;
using System.Security.Claims;
using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Language.Reference;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Api;

/// <summary>
/// <c>/api/v1/incidents</c> of CONTRACT.md: list with filters and keyset paging (Monitor+), create and
/// update (Editor+), read one. Region and category take a code or any name; unknown ones are a 400
/// problem listing the accepted codes.
/// </summary>
public static class IncidentsApi
{
    public static void MapIncidentsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/incidents").RequireAuthorization(AdminSecurity.MonitorPolicy);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:long}", GetAsync);
        api.MapPost("/", CreateAsync).RequireAuthorization(AdminSecurity.EditorPolicy);
        api.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(AdminSecurity.EditorPolicy);
    }

    private static async Task<IResult> ListAsync(
        IntakeDbContext db, string? from, string? to, string? region, string? category, string? outlet, string? caseKind, string? q,
        int? limit, string? cursor, CancellationToken ct)
    {
        var (regions, categories) = await RegistryStore.ReferenceAsync(db, ct);
        var problem = ParseFilter(regions, categories, from, to, region, category, outlet, caseKind, q, out var filter);
        if (problem is not null)
        {
            return problem;
        }

        (DateOnly, long)? after;
        try
        {
            after = ApiConventions.DecodeCursor(cursor) is { Length: 2 } c
                ? (DateOnly.Parse(c[0].GetString()!, CultureInfo.InvariantCulture), c[1].GetInt64())
                : cursor is null ? null : throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            return ApiConventions.BadRequest("Bad cursor", "The cursor is not one this API gave out; start again without it.");
        }

        var take = ApiConventions.ClampLimit(limit);
        var page = await IncidentFilter.After(filter.Apply(db.Incidents.AsNoTracking(), categories), after)
            .Include(i => i.LegalCases).ThenInclude(c => c.Rulings)
            .AsSplitQuery()
            .Take(take + 1)
            .ToListAsync(ct);
        var next = page.Count > take
            ? ApiConventions.EncodeCursor(page[take - 1].OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page[take - 1].Id)
            : null;
        return Results.Ok(new ApiConventions.Page<IncidentDto>([.. page.Take(take).Select(IncidentDto.From)], next));
    }

    private static async Task<IResult> GetAsync(long id, IntakeDbContext db, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Include(i => i.LegalCases).ThenInclude(c => c.Rulings)
            .AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);
        return incident is null ? ApiConventions.NotFound($"No incident {id}.") : Results.Ok(IncidentDto.From(incident));
    }

    private static async Task<IResult> CreateAsync(IncidentInput input, IntakeDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var (regions, categories) = await RegistryStore.ReferenceAsync(db, ct);
        var errors = input.Validate(regions, categories);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var incident = new Incident { Title = "" };
        await RegistryStore.SaveAsync(db, clock, incident, input, ActorName.Of(user), ct);
        return Results.Created($"/api/v1/incidents/{incident.Id}", IncidentDto.From(incident));
    }

    private static async Task<IResult> UpdateAsync(long id, IncidentInput input, IntakeDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var incident = await RegistryStore.FindAsync(db, id, ct);
        if (incident is null)
        {
            return ApiConventions.NotFound($"No incident {id}.");
        }

        var (regions, categories) = await RegistryStore.ReferenceAsync(db, ct);
        var errors = input.Validate(regions, categories);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        await RegistryStore.SaveAsync(db, clock, incident, input, ActorName.Of(user), ct);
        return Results.Ok(IncidentDto.From(incident));
    }


    /// <summary>A 400 problem whose <c>errors</c> give each field's explanation (and the accepted codes for region and category).</summary>
    private static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The incident is not valid", detail: string.Join(" ", errors.SelectMany(e => e.Value)));

    /// <summary>Parses the list filters; a 400 problem (with the accepted codes) when one is not understood.</summary>
    public static IResult? ParseFilter(
        IReadOnlyCollection<Region> regions, IReadOnlyCollection<Category> categories,
        string? from, string? to, string? region, string? category, string? outlet, string? caseKind, string? q, out IncidentFilter filter)
    {
        filter = new IncidentFilter();
        DateOnly? fromDate = null, toDate = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!DateOnly.TryParseExact(from.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return ApiConventions.BadRequest("Bad date", $"from=\"{from}\" is not a date; write YYYY-MM-DD.");
            }

            fromDate = d;
        }

        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!DateOnly.TryParseExact(to.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return ApiConventions.BadRequest("Bad date", $"to=\"{to}\" is not a date; write YYYY-MM-DD.");
            }

            toDate = d;
        }

        var regionCode = ReferenceLookup.FindRegion(regions, region);
        if (!string.IsNullOrWhiteSpace(region) && regionCode is null)
        {
            var codes = regions.Select(r => r.Code).ToList();
            return ApiConventions.BadRequest("Unknown region",
                $"Unknown region \"{region}\". Accepted codes: {string.Join(", ", codes)} (or their names in Kazakh, Russian or English).",
                new Dictionary<string, object?> { ["acceptedCodes"] = codes });
        }

        var categoryCode = ReferenceLookup.FindCategory(categories, category);
        if (!string.IsNullOrWhiteSpace(category) && categoryCode is null)
        {
            var codes = categories.Select(c => c.Code).ToList();
            return ApiConventions.BadRequest("Unknown category",
                $"Unknown category \"{category}\". Accepted codes: {string.Join(", ", codes)} (or their names in Kazakh, Russian or English).",
                new Dictionary<string, object?> { ["acceptedCodes"] = codes });
        }

        LegalCaseKind? kind = null;
        if (!string.IsNullOrWhiteSpace(caseKind))
        {
            if (!Enum.TryParse<LegalCaseKind>(caseKind.Trim(), ignoreCase: true, out var k) || !Enum.IsDefined(k))
            {
                return ApiConventions.BadRequest("Unknown case kind", $"caseKind=\"{caseKind}\"; accepted: criminal, civil, administrative.");
            }

            kind = k;
        }

        filter = new IncidentFilter(fromDate, toDate, regionCode, categoryCode, string.IsNullOrWhiteSpace(outlet) ? null : outlet.Trim(), kind,
            string.IsNullOrWhiteSpace(q) ? null : q.Trim());
        return null;
    }
}
