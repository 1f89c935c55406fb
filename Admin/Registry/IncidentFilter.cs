using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Language.Reference;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace AdilSoz.Intake.Admin.Registry;

/// <summary>
/// The filters of the registry list, the CSV export and the API: period, region, category, outlet,
/// case kind and a full-text query. Region and category are codes (resolve names with <see cref="ReferenceLookup"/>).
/// </summary>
public sealed record IncidentFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    string? Region = null,
    string? Category = null,
    string? Outlet = null,
    LegalCaseKind? CaseKind = null,
    string? Query = null)
{
    /// <summary>
    /// The incidents that pass every filter given (order with <see cref="After"/>). With <paramref name="notes"/> (the
    /// staff's registry page only; never an export or the API) the query also finds words in the team's notes.
    /// </summary>
    public IQueryable<Incident> Apply(IQueryable<Incident> incidents, IReadOnlyCollection<Category> categories, IQueryable<InternalNote>? notes = null)
    {
        if (From is { } from)
        {
            incidents = incidents.Where(i => i.OccurredOn >= from);
        }

        if (To is { } to)
        {
            incidents = incidents.Where(i => i.OccurredOn <= to);
        }

        if (!string.IsNullOrEmpty(Region))
        {
            incidents = incidents.Where(i => i.RegionCode == Region);
        }

        if (!string.IsNullOrEmpty(Category))
        {
            // A group code also finds the categories of its group.
            var codes = categories.Where(c => c.Code == Category || c.GroupCode == Category).Select(c => c.Code).Append(Category).Distinct().ToList();
            incidents = codes.Count == 1
                ? incidents.Where(i => i.CategoryCode == Category)
                : incidents.Where(i => i.CategoryCode != null && codes.Contains(i.CategoryCode));
        }

        if (!string.IsNullOrWhiteSpace(Outlet))
        {
            // Written as array containment (Outlets @> ARRAY[outlet]) so the GIN index on Outlets serves it.
            string[] outlet = [Outlet.Trim()];
            incidents = incidents.Where(i => outlet.All(o => i.Outlets.Contains(o)));
        }

        if (CaseKind is { } kind)
        {
            incidents = incidents.Where(i => i.LegalCases.Any(c => c.Kind == kind));
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            var q = Query.Trim();
            if (notes is null)
            {
                incidents = incidents.Where(i => EF.Property<NpgsqlTsVector>(i, IncidentSearch.Column)
                    .Matches(EF.Functions.WebSearchToTsQuery("simple", q).Or(EF.Functions.WebSearchToTsQuery("russian", q))));
            }
            else
            {
                var pattern = "%" + q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
                incidents = incidents.Where(i => EF.Property<NpgsqlTsVector>(i, IncidentSearch.Column)
                        .Matches(EF.Functions.WebSearchToTsQuery("simple", q).Or(EF.Functions.WebSearchToTsQuery("russian", q)))
                    || notes.Any(n => n.EntityType == InternalNote.OnIncident && n.EntityId == i.Id && EF.Functions.ILike(n.Text, pattern)));
            }
        }

        return incidents;
    }

    /// <summary>Rows after the keyset position <paramref name="after"/> (the last row of the previous page), newest first.</summary>
    public static IQueryable<Incident> After(IQueryable<Incident> incidents, (DateOnly On, long Id)? after)
    {
        if (after is { } a)
        {
            incidents = incidents.Where(i => i.OccurredOn < a.On || (i.OccurredOn == a.On && i.Id < a.Id));
        }

        return incidents.OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id);
    }
}
