using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace AdilSoz.Intake.Core.Operations;

/// <summary>
/// Probes and metrics of every process, on its own site: <c>/healthz</c> (alive: the database answers),
/// <c>/readyz</c> (every health check tagged <see cref="Ready"/> holds, one line each) and <c>/metrics</c>
/// (Prometheus text). A process adds its own readiness checks with <see cref="Ready"/>.
/// </summary>
public static class IntakeOperations
{
    /// <summary>Tag of the checks behind <c>/readyz</c>.</summary>
    public const string Ready = "ready";

    /// <summary>Tag of the check behind <c>/healthz</c>.</summary>
    public const string Live = "live";

    /// <summary>How long one check may take before it counts as failed.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The standard checks (the database) and the OpenTelemetry meter provider with the Prometheus exporter.</summary>
    public static IHostApplicationBuilder AddIntakeOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<QueueDepth>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseAnswersCheck>("alive", tags: [Live], timeout: CheckTimeout)
            .AddCheck<DatabaseReadyCheck>("database", tags: [Ready], timeout: CheckTimeout);
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(IntakeMetrics.MeterName).AddPrometheusExporter());
        return builder;
    }

    /// <summary>Maps the three probes (anonymous: they carry counts, never personal data).</summary>
    public static void MapIntakeProbes(this IEndpointRouteBuilder app)
    {
        IntakeMetrics.ObserveQueueDepth(app.ServiceProvider.GetRequiredService<QueueDepth>());
        app.MapIntakeHealth();
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = (context, report) => WriteAsync(context, report, healthyText: null),
        }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
    }

    /// <summary>
    /// <c>/healthz</c> alone: 200 when the database answers. The public process maps only this one (its role may
    /// not read the queue that the metrics count).
    /// </summary>
    public static void MapIntakeHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Live),
            ResponseWriter = (context, report) => WriteAsync(context, report, healthyText: "ok"),
        }).AllowAnonymous();

    /// <summary>One line per check, <c>name: ok</c> or <c>name: why not</c> (no personal data); or just <paramref name="healthyText"/>.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report, string? healthyText)
    {
        var text = new StringBuilder();
        if (healthyText is not null && report.Status == HealthStatus.Healthy)
        {
            text.AppendLine(healthyText);
        }
        else
        {
            foreach (var (name, entry) in report.Entries)
            {
                var line = entry.Status == HealthStatus.Healthy ? "ok"
                    : entry.Exception is { } e and not OperationCanceledException ? $"check failed ({e.GetType().Name})"
                    : entry.Exception is OperationCanceledException ? "check timed out"
                    : entry.Description ?? "not ready";
                text.Append(name).Append(": ").AppendLine(line);
            }
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString(), Encoding.UTF8);
    }
}
