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

    /// <summary>The zone of the digest's day: its bounds and the times it shows.</summary>
    public TimeZoneInfo Zone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? FoundationClock.Zone : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>
    /// The zone of the digest's schedule. Hangfire stores a recurring job's zone by id and looks it up in the
    /// machine's time zone data on every run, where the foundation's own zone (built in code) does not exist;
    /// schedules only look forward, and from now on the foundation's day is UTC+5 — in the time zone data that
    /// is <c>Etc/GMT-5</c> (the sign of <c>Etc</c> ids is inverted).
    /// </summary>
    public TimeZoneInfo ScheduleZone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.FindSystemTimeZoneById("Etc/GMT-5") : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
