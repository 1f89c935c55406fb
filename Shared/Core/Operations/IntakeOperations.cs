using AdilSoz.Intake.Core.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace AdilSoz.Intake.Core.Operations;

/// <summary>
/// Probes and metrics of every process: <c>/healthz</c> (alive: the database answers), <c>/readyz</c>
/// (every <see cref="IReadinessCheck"/> holds) and <c>/metrics</c> (Prometheus text). The Admin and the
/// Bot serve them on their own site; the Worker on its <see cref="HealthListener"/>.
/// </summary>
public static class IntakeOperations
{
    /// <summary>Services of the probes and the OpenTelemetry meter provider with the Prometheus exporter.</summary>
    public static IServiceCollection AddIntakeOperationsCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<QueueDepth>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessCheck, DatabaseReadiness>());
        services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(IntakeMetrics.MeterName).AddPrometheusExporter());
        return services;
    }

    /// <summary>For a process with its own site (Admin, Bot): map the probes with <see cref="MapIntakeProbes"/>.</summary>
    public static IHostApplicationBuilder AddIntakeOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIntakeOperationsCore();
        return builder;
    }

    /// <summary>For a generic host (Worker): the probes on their own listener when <c>Health:Urls</c> is set.</summary>
    public static IHostApplicationBuilder AddHealthListener(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName);
        builder.Services.AddIntakeOperationsCore();
        builder.Services.AddHostedService<HealthListener>();
        return builder;
    }

    /// <summary>
    /// Maps the three probes (anonymous: they carry counts, never personal data). <paramref name="services"/>
    /// is where the checks and the queue counts come from (the listener's host passes its parent's).
    /// </summary>
    public static void MapIntakeProbes(this IEndpointRouteBuilder app, IServiceProvider? services = null)
    {
        var source = services ?? app.ServiceProvider;
        IntakeMetrics.ObserveQueueDepth(source.GetRequiredService<QueueDepth>());
        app.MapGet("/healthz", async (CancellationToken ct) =>
            {
                await using var scope = source.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Database.CanConnectAsync(ct)
                    ? Results.Text("ok")
                    : Results.Problem("The database does not answer.", statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous();
        app.MapGet("/readyz", (CancellationToken ct) => Readiness.ProbeAsync(source, ct)).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics", source.GetRequiredService<MeterProvider>(), null, null).AllowAnonymous();
    }
}
