using AdilSoz.Intake.Core.Hosting;

namespace AdilSoz.Intake.Worker.Digest;

/// <summary>The <c>Digest</c> section: the daily mail digest of urgent reports to the staff.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>
    /// Addresses that receive the digest. When empty, the Admins and Monitors of the admin site that
    /// have a mail address receive it.
    /// </summary>
    public List<string> To { get; set; } = [];

    /// <summary>
    /// Another day than the foundation's for the digest (an IANA id of the machine's time zone data); unset:
    /// the foundation's day, <see cref="FoundationClock"/>.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>When the digest of the previous day is written (cron, in <see cref="Zone"/>).</summary>
    public string Cron { get; set; } = "0 8 * * *";

    /// <summary>The zone of the digest's day: its bounds, the times it shows and its schedule.</summary>
    public TimeZoneInfo Zone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? FoundationClock.Zone : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
