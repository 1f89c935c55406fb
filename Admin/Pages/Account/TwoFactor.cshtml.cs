using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AdilSoz.Intake.Admin.Pages.Account;

/// <summary>
/// The second step of a login for a user with an authenticator: a six-digit code, or one of the recovery codes
/// (each works once). Wrong codes count towards Identity's lockout of the account.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AdminSecurity.LoginRateLimit)]
public sealed class TwoFactorModel(SignInManager<AdminUser> signIn, KnownBrowsers browsers, UiText text) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/account/login");
        }

        var code = new string((Code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (code.Length is 0 or > 32)
        {
            Error = text["WrongCode"];
            return Page();
        }

        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (!result.Succeeded)
        {
            Error = text["WrongCode"];
            return Page();
        }

        await browsers.SeenAsync(HttpContext, user, ct);
        return LocalRedirect(LoginModel.Next(Url, ReturnUrl));
    }
}
