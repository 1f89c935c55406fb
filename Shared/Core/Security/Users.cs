using Microsoft.AspNetCore.Identity;

namespace AdilSoz.Intake.Core.Security;

/// <summary>The three moderator roles.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Monitor = "Monitor";

    public static readonly string[] All = [Admin, Editor, Monitor];

    public static bool IsValid(string role) => All.Contains(role, StringComparer.Ordinal);

    public static string? Normalize(string role) =>
        All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A moderator account (ASP.NET Core Identity).</summary>
public sealed class AdminUser : IdentityUser
{
    /// <summary>ru, kk or en: the language of the admin site for this user.</summary>
    public string? UiLanguage { get; set; }

    /// <summary>When an Admin disabled the account; a disabled user cannot log in and has no session.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>Set by <c>users add</c> and a password reset: the next login asks for a new password first.</summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>
/// A failed login for an account from a network (an IPv4 address or an IPv6 /64), counted to lock that pair
/// rather than the account for everyone.
/// </summary>
public sealed class LoginFailure
{
    public long Id { get; set; }

    /// <summary>The normalised (upper-case) email typed, whether or not such a user exists.</summary>
    public required string Account { get; set; }

    public required string Network { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>A browser a user logged in from, known by the SHA-256 of a long-lived random cookie.</summary>
public sealed class KnownBrowser
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the browser's cookie value.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}

/// <summary>An API key; only its SHA-256 hash is stored.</summary>
public sealed class ApiKey
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public required string Role { get; set; }

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>First characters of the key, to tell keys apart in lists.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
