using AdilSoz.Intake.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Core.Security;

/// <summary>Staff who get mail from the system (daily digest, hearing reminders): users in given roles with an address.</summary>
public static class StaffRecipients
{
    /// <summary>
    /// Users in any of <paramref name="roles"/> with a mail address, ordered by id. A login lockout (mistyped
    /// passwords) is not a reason to miss a mail, so locked-out users are included.
    /// </summary>
    public static async Task<IReadOnlyList<(string UserId, string Email)>> InRolesAsync(
        IntakeDbContext db, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.Email != null && u.Email != "" && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(ct);
        return [.. users.Select(u => (u.Id, u.Email!))];
    }
}
