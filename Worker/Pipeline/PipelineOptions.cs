using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Worker.Pipeline;

/// <summary>The <c>Pipeline</c> section.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>How far back new submissions are compared with earlier ones (days).</summary>
    [Range(1, 3650)]
    public int DedupWindowDays { get; set; } = 365;

    /// <summary>
    /// Submissions processed in one transaction: a job for one submission also takes up to this many
    /// others that are waiting (received and not locked by another job), so a burst costs one commit
    /// and one turn of the dedup lock per batch instead of one per report.
    /// </summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
}
