using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Worker.Hosting;

/// <summary>The <c>Worker</c> section.</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>
    /// Hangfire worker threads of this process for the outbox, digests and maintenance: mostly waiting on mail and
    /// Telegram servers, so two a core (at least four). A server that hangs holds these, never the intake's.
    /// </summary>
    [Range(1, 200)]
    public int JobWorkers { get; set; } = Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>
    /// Hangfire worker threads of this process for the intake queue (reading mail into reports, a report's files):
    /// work for the processor and the database, so about one a core. The pipeline's drains have threads of their own.
    /// </summary>
    [Range(1, 64)]
    public int IntakeWorkers { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>
    /// Hangfire worker threads of this process for the pipeline's drains: two, so that one batch's suggestions and
    /// fingerprints are computed while another holds the dedup lock (they take it in the order they were claimed).
    /// </summary>
    [Range(1, 16)]
    public int PipelineWorkers { get; set; } = 2;
}
