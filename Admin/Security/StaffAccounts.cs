using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Moderation;
using AdilSoz.Intake.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace AdilSoz.Intake.Admin.Security;

/// <summary>
/// An account's lifecycle, the same from the <c>users</c> sub-commands and the Admins' /users page. Every change
/// renews the user's security stamp, so their open sessions end at the next check (within
/// <see cref="SecurityOptions.StampCheckSeconds"/>), and is audited.
/// </summary>
public static class StaffAccounts
{
    public static async Task<string?> DisableAsync(UserManager<AdminUser> users, IntakeDbContext db, TimeProvider clock, AdminUser user, string actor)
    {
        user.DisabledAt ??= clock.GetUtcNow();
        return await SaveAsync(users, db, clock, user, actor, "user.disable");
    }

    public static async Task<string?> EnableAsync(UserManager<AdminUser> users, IntakeDbContext db, TimeProvider clock, AdminUser user, string actor)
    {
        user.DisabledAt = null;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        return await SaveAsync(users, db, clock, user, actor, "user.enable");
    }

    /// <summary>Forgets the authenticator and the recovery codes; the user enrols again at the next login.</summary>
    public static async Task<string?> ResetTwoFactorAsync(UserManager<AdminUser> users, IntakeDbContext db, TimeProvider clock, AdminUser user, string actor)
    {
        var disabled = await users.SetTwoFactorEnabledAsync(user, false);
        if (!disabled.Succeeded)
        {
            return Describe(disabled);
        }

        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        return await SaveAsync(users, db, clock, user, actor, "user.reset-2fa");
    }

    /// <summary>Sets a new password that the user must replace at their next login.</summary>
    public static async Task<string?> ResetPasswordAsync(UserManager<AdminUser> users, IntakeDbContext db, TimeProvider clock, AdminUser user, string password, string actor)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password);
            if (!valid.Succeeded)
            {
                return Describe(valid);
            }
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.MustChangePassword = true;
        return await SaveAsync(users, db, clock, user, actor, "user.reset-password");
    }

    private static async Task<string?> SaveAsync(UserManager<AdminUser> users, IntakeDbContext db, TimeProvider clock, AdminUser user, string actor, string action)
    {
        // UpdateSecurityStampAsync saves the user with the new stamp, which every session is checked against.
        var saved = await users.UpdateSecurityStampAsync(user);
        if (!saved.Succeeded)
        {
            return Describe(saved);
        }

        await Audit.WriteAsync(db, clock, actor, action, "user", null, new { email = user.Email });
        return null;
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
