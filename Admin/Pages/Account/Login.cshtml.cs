using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AdilSoz.Intake.Admin.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AdminSecurity.LoginRateLimit)]
public sealed class LoginModel(SignInManager<AdminUser> signIn, UiText text) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // Only local return URLs: no open redirect through the login page.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/queue");
        }

        Error = result.IsLockedOut ? text["LockedOut"] : text["WrongLogin"];
        return Page();
    }
}
