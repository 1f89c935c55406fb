using System.Security.Claims;
using AdilSoz.Intake.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Admin.Security;

/// <summary>Identity's sign-in, refusing disabled users (at login and at the second step alike).</summary>
public sealed class StaffSignInManager(
    UserManager<AdminUser> users, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<AdminUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AdminUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AdminUser> confirmation)
    : SignInManager<AdminUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AdminUser user) => user.DisabledAt is null && await base.CanSignInAsync(user);
}

/// <summary>The claims of a session: Identity's, plus whether the user must still choose a password.</summary>
public sealed class StaffClaimsFactory(UserManager<AdminUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AdminUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePassword = "adilsoz:must_change_password";

    /// <summary>Identity's claim of a login that passed a second factor (authenticator code or recovery code).</summary>
    public const string Amr = "amr";
    public const string Mfa = "mfa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AdminUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePassword, "true"));
        }

        return identity;
    }
}
