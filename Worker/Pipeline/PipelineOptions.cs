using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Worker.Pipeline;

/// <summary>The <c>Pipeline</c> section.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>How far back new submissions are compared with earlier ones (days).</summary>
    [Range(1, 3650)]
    public int DedupWindowDays { get; set; } = 365;
}
