using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Admin.Security;

public enum TwoFactorRequirement
{
    /// <summary>Admins and Editors must log in with a second factor; Monitors may.</summary>
    AdminsAndEditors,

    /// <summary>Every user must.</summary>
    All,
}

/// <summary><c>Security</c> settings of the admin site: sessions, two-factor login, login limits.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Who must log in with an authenticator code.</summary>
    public TwoFactorRequirement RequireTwoFactor { get; set; } = TwoFactorRequirement.AdminsAndEditors;

    /// <summary>Hours after login when a session ends however active it was (the idle timeout ends it sooner).</summary>
    [Range(1, 168)]
    public int SessionHours { get; set; } = 12;

    /// <summary>
    /// How often a session is checked against its user (disabled, password or second factor reset); 0 checks
    /// every request. At most a minute, so that disabling a user ends their sessions within one.
    /// </summary>
    [Range(0, 60)]
    public int StampCheckSeconds { get; set; } = 60;

    /// <summary>Login posts allowed per client network (an IPv4 address or an IPv6 /64) per minute.</summary>
    [Range(1, 100_000)]
    public int LoginAttemptsPerMinute { get; set; } = 10;
}
