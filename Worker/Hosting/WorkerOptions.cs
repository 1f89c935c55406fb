using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Worker.Hosting;

/// <summary>The <c>Worker</c> section.</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>Hangfire worker threads of this process.</summary>
    [Range(1, 200)]
    public int JobWorkers { get; set; } = 20;
}
