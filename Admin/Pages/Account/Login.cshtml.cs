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
/// The first step of a login. A wrong password, an unknown address, a locked and a disabled account all get
/// the same answer, after the same work (a password hash is computed in every case), so the page tells no one
/// which accounts exist or what state they are in.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(AdminSecurity.LoginRateLimit)]
public sealed class LoginModel(SignInManager<AdminUser> signIn, LoginThrottle throttle, KnownBrowsers browsers, UiText text) : PageModel
{
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<AdminUser>().HashPassword(new AdminUser(), Guid.NewGuid().ToString()));

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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = LoginThrottle.AccountKey(Email ?? "");
        var network = ClientNetwork.Of(HttpContext);
        var password = Password ?? "";
        if (await throttle.IsLockedAsync(account, network, ct))
        {
            Decoy(password);
            return Refused();
        }

        var user = account.Length == 0 ? null : await signIn.UserManager.FindByEmailAsync(Email!.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(account, network, ct);
            await browsers.SeenAsync(HttpContext, user!, ct);
            return LocalRedirect(Next(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            await throttle.SucceededAsync(account, network, ct);
            return Redirect("/account/two-factor" + (Url.IsLocalUrl(ReturnUrl) ? "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl!) : ""));
        }

        // Identity checks no password for an unknown, locked or disabled account: hash one anyway.
        if (user is null || result.IsLockedOut || result.IsNotAllowed)
        {
            Decoy(password);
        }

        await throttle.FailedAsync(account, network, ct);
        return Refused();
    }

    /// <summary>Only local return URLs: no open redirect through the login pages.</summary>
    public static string Next(IUrlHelper url, string? returnUrl) => url.IsLocalUrl(returnUrl) ? returnUrl! : "/queue";

    private PageResult Refused()
    {
        Error = text["WrongLogin"];
        return Page();
    }

    private static void Decoy(string password) =>
        new PasswordHasher<AdminUser>().VerifyHashedPassword(new AdminUser(), DecoyHash.Value, password);
}
