using System.Security.Cryptography;
using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Pages.Users;

/// <summary>The staff accounts, and their lifecycle: disable, enable, reset the second factor or the password.</summary>
[Authorize(Policy = AdminSecurity.AdminPolicy)]
public sealed class IndexModel(IntakeDbContext db, UserManager<AdminUser> users, UiText text, TimeProvider time) : PageModel
{
    public sealed record Row(string Id, string? Email, string Roles, DateTimeOffset? LockedUntil, bool Disabled, bool TwoFactor);

    public IReadOnlyList<Row> Users { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    /// <summary>A temporary password from a reset, shown in this one response only.</summary>
    public string? TemporaryPassword { get; private set; }

    public string? TemporaryFor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var userRoles = await db.UserRoles.ToListAsync(ct);
        Users = (await db.Users.OrderBy(u => u.Email).ToListAsync(ct))
            .Select(u => new Row(u.Id, u.Email,
                string.Join(", ", userRoles.Where(r => r.UserId == u.Id).Select(r => roles[r.RoleId])),
                u.LockoutEnd > time.GetUtcNow() ? u.LockoutEnd : null, u.DisabledAt is not null, u.TwoFactorEnabled))
            .ToList();
    }

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, u => StaffAccounts.DisableAsync(users, db, time, u, Actor), ct);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, u => StaffAccounts.EnableAsync(users, db, time, u, Actor), ct);

    public Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, u => StaffAccounts.ResetTwoFactorAsync(users, db, time, u, Actor), ct);

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken ct)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
        var result = await ChangeAsync(id, u => StaffAccounts.ResetPasswordAsync(users, db, time, u, password, Actor), ct);
        if (result is not RedirectToPageResult)
        {
            return result;
        }

        TemporaryPassword = password;
        TemporaryFor = (await users.FindByIdAsync(id))?.Email;
        await OnGetAsync(ct);
        return Page();
    }

    private string Actor => ActorName.Of(User);

    private async Task<IActionResult> ChangeAsync(string id, Func<AdminUser, Task<string?>> change, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id ?? "") is not { } user)
        {
            return NotFound();
        }

        // An Admin cannot lock themselves out; another Admin (or the command line) can.
        if (user.Id == users.GetUserId(User))
        {
            Flash = text["NotYourself"];
            return RedirectToPage();
        }

        var error = await change(user);
        if (error is not null)
        {
            Flash = error;
            return RedirectToPage();
        }

        Flash = text["UserChanged"];
        return RedirectToPage();
    }
}
