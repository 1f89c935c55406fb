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

    /// <summary>The foundation's day: its bounds and the times shown in the digest (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Almaty";

    /// <summary>When the digest of the previous day is written (cron, in <see cref="TimeZone"/>).</summary>
    public string Cron { get; set; } = "0 8 * * *";
}
