using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Language.Reference;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Pages.Incidents;

/// <summary>
/// Create (<c>/incidents/new</c>) and edit (<c>/incidents/{id}/edit</c>) an incident with its victims,
/// legal cases and rulings (Editors and Admins). Problems are explained beside their fields; every save
/// is audited with what changed. "More rows" re-shows the form with another empty victim, case and ruling.
/// </summary>
[Authorize(Policy = AdminSecurity.EditorPolicy)]
public sealed class EditModel(IntakeDbContext db, UiText t, FoundationClock clock, TimeProvider time) : PageModel
{
    [BindProperty]
    public IncidentForm Form { get; set; } = new();

    public long? Id { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public List<Region> Regions { get; private set; } = [];

    public List<Category> Categories { get; private set; } = [];

    public const string StaleKey = "version";

    public string? Error(string key) => Errors.TryGetValue(key, out var m) ? string.Join(" ", m) : null;

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        (Regions, Categories) = await RegistryStore.ReferenceAsync(db, ct);
        Id = id;
        if (id is { } existing)
        {
            var incident = await RegistryStore.FindAsync(db, existing, ct);
            if (incident is null)
            {
                return NotFound();
            }

            Form = IncidentForm.From(IncidentDto.ToInput(incident));
            Form.Version = incident.Version;
        }
        else
        {
            Form = new IncidentForm { OccurredOn = clock.Today, IsPublic = true };
        }

        Form.WithBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, string? more, CancellationToken ct)
    {
        (Regions, Categories) = await RegistryStore.ReferenceAsync(db, ct);
        Id = id;
        if (more is not null)
        {
            ModelState.Clear();
            Form.WithBlankRows();
            return Page();
        }

        // Values the browser could not turn into dates or numbers.
        foreach (var (key, entry) in ModelState.Where(e => e.Value?.Errors.Count > 0))
        {
            Errors[ToJsonKey(key)] = [$"\"{entry!.AttemptedValue}\" is not understood here."];
        }

        var (input, formKey) = Form.ToInput();
        foreach (var (key, messages) in input.Validate(Regions, Categories))
        {
            Errors[formKey(key)] = messages;
        }

        if (Errors.Count > 0)
        {
            ModelState.Clear();
            Form.WithBlankRows();
            return Page();
        }

        var incident = id is { } existing ? await RegistryStore.FindAsync(db, existing, ct) : new Incident { Title = "" };
        if (incident is null)
        {
            return NotFound();
        }

        if (id is not null)
        {
            // Saved against the version the form was opened with: a save by someone else in between is
            // refused (checked here, and by PostgreSQL's xmin in the UPDATE for a save at the same moment).
            db.Entry(incident).Property(i => i.Version).OriginalValue = Form.Version ?? 0;
            if (Form.Version != incident.Version)
            {
                return Stale();
            }
        }

        try
        {
            await RegistryStore.SaveAsync(db, time, incident, input, ActorName.Of(User), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }

        return Redirect($"/incidents/{incident.Id}");
    }

    /// <summary>The form as posted, with the message that the incident changed since it was opened; nothing is saved.</summary>
    private PageResult Stale()
    {
        Errors[StaleKey] = [t["StaleIncident"]];
        ModelState.Clear();
        Form.WithBlankRows();
        return Page();
    }

    /// <summary>"Form.Cases[0].FiledOn" → "legalCases[0].filedOn", as the validation messages are keyed.</summary>
    private static string ToJsonKey(string key)
    {
        var k = key.StartsWith("Form.", StringComparison.Ordinal) ? key[5..] : key;
        k = k.Replace("Cases[", "LegalCases[", StringComparison.Ordinal).Replace(".Rulings[", ".rulings[", StringComparison.Ordinal);
        return string.Join('.', k.Split('.').Select(p => p.Length > 0 ? char.ToLowerInvariant(p[0]) + p[1..] : p));
    }
}
