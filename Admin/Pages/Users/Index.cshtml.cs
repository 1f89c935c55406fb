using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Pages.Users;

[Authorize(Policy = AdminSecurity.AdminPolicy)]
public sealed class IndexModel(IntakeDbContext db) : PageModel
{
    public sealed record Row(string? Email, string Roles, DateTimeOffset? LockedUntil);

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var userRoles = await db.UserRoles.ToListAsync(ct);
        Users = (await db.Users.OrderBy(u => u.Email).ToListAsync(ct))
            .Select(u => new Row(u.Email,
                string.Join(", ", userRoles.Where(r => r.UserId == u.Id).Select(r => roles[r.RoleId])),
                u.LockoutEnd > DateTimeOffset.UtcNow ? u.LockoutEnd : null))
            .ToList();
    }
}
