using System.Security.Claims;
using AdilSoz.Intake.Admin.Localization;
using AdilSoz.Intake.Admin.Security;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;

namespace AdilSoz.Intake.Admin.Pages.Account;

/// <summary>
/// Enrolment of an authenticator app: the key as a QR code (SVG drawn here, no script) and as text, a first code
/// to prove it works, then ten recovery codes shown once. Required for Admins and Editors before anything else.
/// </summary>
[EnableRateLimiting(AdminSecurity.LoginRateLimit)]
public sealed class EnrolModel(SignInManager<AdminUser> signIn, IntakeDbContext db, UiText text, TimeProvider clock) : PageModel
{
    private const string Issuer = "Adil Soz Intake";

    [BindProperty]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The key in groups of four, as authenticator apps accept it typed.</summary>
    public string Key { get; private set; } = "";

    public string QrDataUri { get; private set; } = "";

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Redirect("/account/login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Redirect("/account/login");
        }

        if (Enabled)
        {
            return Page();
        }

        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        var users = signIn.UserManager;
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = text["WrongCode"];
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await AdilSoz.Intake.Core.Moderation.Audit.WriteAsync(db, clock, user.UserName ?? user.Id, "user.enrol-2fa", "user", null, new { email = user.Email });

        // The session now carries the proof of a second factor, as a login with a code would.
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await signIn.SignInWithClaimsAsync(user, current.Properties, [new Claim(StaffClaimsFactory.Amr, StaffClaimsFactory.Mfa)]);
        Enabled = true;
        RecoveryCodesLeft = RecoveryCodes.Count;
        return Page();
    }

    private async Task<AdminUser?> LoadAsync()
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return user;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp: renew this session with it.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        Key = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.UserName ?? "")}"
            + $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        using var qr = new SvgQRCode(data);
        var svg = qr.GetGraphic(4);
        QrDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
        return user;
    }
}
