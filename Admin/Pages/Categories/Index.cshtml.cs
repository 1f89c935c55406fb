using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Language.Reference;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Pages.Categories;

/// <summary>The violation categories: names in three languages editable by Editors; new categories may be added.</summary>
[Authorize(Policy = AdminSecurity.EditorPolicy)]
public sealed class IndexModel(IntakeDbContext db, TimeProvider clock) : PageModel
{
    public sealed class Row
    {
        public string Code { get; set; } = "";

        public string? GroupCode { get; set; }

        public string NameRu { get; set; } = "";

        public string NameKk { get; set; } = "";

        public string NameEn { get; set; } = "";

        public int SortOrder { get; set; }
    }

    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    [BindProperty]
    public Row New { get; set; } = new();

    public List<string> Problems { get; } = [];

    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var categories = await db.Categories.ToListAsync(ct);
        var changes = new List<object>();
        foreach (var row in Rows)
        {
            var c = categories.FirstOrDefault(x => x.Code == row.Code);
            if (c is null)
            {
                continue;
            }

            if (Blank(row))
            {
                Problems.Add($"{row.Code}: each name (Russian, Kazakh, English) is required.");
                continue;
            }

            if (c.NameRu != row.NameRu.Trim() || c.NameKk != row.NameKk.Trim() || c.NameEn != row.NameEn.Trim() || c.SortOrder != row.SortOrder)
            {
                changes.Add(new { code = c.Code, from = new { c.NameRu, c.NameKk, c.NameEn, c.SortOrder }, to = new { row.NameRu, row.NameKk, row.NameEn, row.SortOrder } });
                (c.NameRu, c.NameKk, c.NameEn, c.SortOrder) = (row.NameRu.Trim(), row.NameKk.Trim(), row.NameEn.Trim(), row.SortOrder);
            }
        }

        if (!string.IsNullOrWhiteSpace(New.Code))
        {
            var code = New.Code.Trim().ToLowerInvariant();
            if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z][a-z0-9_]{1,63}$"))
            {
                Problems.Add($"\"{New.Code}\": a code is 2–64 Latin lower-case letters, digits or _, starting with a letter.");
            }
            else if (categories.Any(c => c.Code == code))
            {
                Problems.Add($"\"{code}\" already exists.");
            }
            else if (Blank(New))
            {
                Problems.Add($"{code}: each name (Russian, Kazakh, English) is required.");
            }
            else if (!string.IsNullOrEmpty(New.GroupCode) && !categories.Any(c => c.Code == New.GroupCode && c.GroupCode == null))
            {
                Problems.Add($"{code}: the group \"{New.GroupCode}\" is not a top-level category.");
            }
            else
            {
                db.Categories.Add(new Category
                {
                    Code = code, GroupCode = string.IsNullOrEmpty(New.GroupCode) ? null : New.GroupCode, NameRu = New.NameRu.Trim(),
                    NameKk = New.NameKk.Trim(), NameEn = New.NameEn.Trim(), SortOrder = New.SortOrder,
                });
                changes.Add(new { code, added = new { New.NameRu, New.NameKk, New.NameEn, New.GroupCode, New.SortOrder } });
            }
        }

        if (Problems.Count == 0)
        {
            if (changes.Count > 0)
            {
                global::AdilSoz.Intake.Core.Moderation.Audit.Add(db, clock, ActorName.Of(User), "category.update", "category", null, new { changes });
                await db.SaveChangesAsync(ct);
            }

            Saved = true;
            New = new Row();
            ModelState.Clear();
            await LoadAsync(ct);
        }

        return Page();
    }

    private static bool Blank(Row r) => string.IsNullOrWhiteSpace(r.NameRu) || string.IsNullOrWhiteSpace(r.NameKk) || string.IsNullOrWhiteSpace(r.NameEn);

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
            .Select(c => new Row { Code = c.Code, GroupCode = c.GroupCode, NameRu = c.NameRu, NameKk = c.NameKk, NameEn = c.NameEn, SortOrder = c.SortOrder })
            .ToListAsync(ct);
}
