using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AdilSoz.Intake.Admin.Pages.Account;

/// <summary>A change of one's own password; the first thing a new user (or one whose password was reset) must do.</summary>
[EnableRateLimiting(AdminSecurity.LoginRateLimit)]
public sealed class PasswordModel(SignInManager<AdminUser> signIn, IntakeDbContext db, UiText text, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string Current { get; set; } = "";

    [BindProperty]
    public string New { get; set; } = "";

    [BindProperty]
    public string Repeat { get; set; } = "";

    public bool Required => User.HasClaim(c => c.Type == StaffClaimsFactory.MustChangePassword);

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Redirect("/account/login");
        }

        if (New != Repeat)
        {
            Error = text["PasswordsDiffer"];
            return Page();
        }

        if (New == Current)
        {
            Error = text["PasswordSame"];
            return Page();
        }

        var changed = await users.ChangePasswordAsync(user, Current ?? "", New ?? "");
        if (!changed.Succeeded)
        {
            Error = changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? text["WrongPassword"]
                : text["PasswordTooWeak"];
            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        await AdilSoz.Intake.Core.Moderation.Audit.WriteAsync(db, clock, user.UserName ?? user.Id, "user.change-password", "user", null, new { email = user.Email });
        return Redirect("/queue");
    }
}
