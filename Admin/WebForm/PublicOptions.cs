using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Admin.WebForm;

/// <summary>The public process (<c>Admin public</c>): limits of the web form and the onion address, if any.</summary>
public sealed class PublicOptions
{
    public const string SectionName = "Public";

    /// <summary>Most files one report or reply may carry.</summary>
    [Range(1, 50)]
    public int MaxFiles { get; set; } = 10;

    /// <summary>Largest file accepted; a larger one is refused with the form kept as typed.</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>All files of one report together.</summary>
    [Range(1024, 500L * 1024 * 1024)]
    public long MaxTotalBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Web reports a minute, all reporters together, beyond which new ones are stored but wait in "needs attention".</summary>
    [Range(1, 100_000)]
    public int ReportsPerMinute { get; set; } = 30;

    /// <summary>Wrong receipts for one reference before its status page locks for <see cref="LockMinutes"/>.</summary>
    [Range(1, 1000)]
    public int WrongReceiptsBeforeLock { get; set; } = 10;

    [Range(1, 7 * 24 * 60)]
    public int LockMinutes { get; set; } = 60;

    /// <summary>Receipt checks a minute for all references together (guessing across references), beyond which /status answers 429.</summary>
    [Range(1, 100_000)]
    public int StatusChecksPerMinute { get; set; } = 120;

    /// <summary>
    /// Posts read at once (reports, replies, status checks); more wait their turn. Each may hold up to
    /// <see cref="MaxRequestBytes"/> in memory: uploads are never buffered to disk.
    /// </summary>
    [Range(1, 1000)]
    public int ConcurrentPosts { get; set; } = 8;

    /// <summary>Requests a minute to <c>/api/public/v1/incidents</c> from all callers together, beyond which it answers 429.</summary>
    [Range(1, 1_000_000)]
    public int ApiRequestsPerMinute { get; set; } = 600;

    /// <summary>The onion service's address (e.g. <c>abc…xyz.onion</c>), shown on the form; optional.</summary>
    [RegularExpression(@"^[a-z2-7]{56}\.onion$", ErrorMessage = "Public:OnionAddress must be a v3 onion address (56 letters and digits, then .onion).")]
    public string? OnionAddress { get; set; }

    /// <summary>The request body the server reads at most: the files and the text fields around them.</summary>
    public long MaxRequestBytes => MaxTotalBytes + (1024 * 1024);
}
