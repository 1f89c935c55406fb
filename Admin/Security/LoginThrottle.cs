using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Admin.Security;

/// <summary>
/// Failed logins counted per account and network, in the database. Five failures from one network lock that
/// network out of that account for 15 minutes; the account is locked for everyone only after 50 failures in
/// 15 minutes, which takes at least ten networks. One attacker therefore cannot lock a colleague out, and a
/// spread-out guessing campaign still meets a lock. Unknown accounts are counted like known ones, so the
/// answers do not tell which exist.
/// </summary>
public sealed class LoginThrottle(IntakeDbContext db, TimeProvider clock)
{
    public const int PerNetwork = 5;
    public const int PerAccount = 50;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public async Task<bool> IsLockedAsync(string account, string network, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - Window;
        var recent = db.LoginFailures.Where(f => f.Account == account && f.At > since);
        return await recent.CountAsync(f => f.Network == network, ct) >= PerNetwork
            || await recent.CountAsync(ct) >= PerAccount;
    }

    public async Task FailedAsync(string account, string network, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.LoginFailures.Add(new LoginFailure { Account = account, Network = network, At = now });
        await db.SaveChangesAsync(ct);

        // Only the window matters; older rows go, so the table stays as small as the attacks of the last day.
        var old = now - TimeSpan.FromDays(1);
        await db.LoginFailures.Where(f => f.At < old).ExecuteDeleteAsync(ct);
    }

    /// <summary>After a successful login the network's failures for that account no longer count.</summary>
    public Task SucceededAsync(string account, string network, CancellationToken ct) =>
        db.LoginFailures.Where(f => f.Account == account && f.Network == network).ExecuteDeleteAsync(ct);

    /// <summary>How an account is counted: the typed address, trimmed and upper-cased, at most 256 characters.</summary>
    public static string AccountKey(string email)
    {
        var key = email.Trim().ToUpperInvariant();
        return key.Length <= 256 ? key : key[..256];
    }
}
