using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace AdilSoz.Intake.Worker.Hosting;

/// <summary><c>Health</c> settings of the Worker, whose only site is its probes.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>Where to serve /healthz, /readyz and /metrics, e.g. <c>http://127.0.0.1:5082</c>; empty: no listener.</summary>
    public string? Urls { get; set; }
}

/// <summary>The Worker's site: its probes on <see cref="HealthOptions.Urls"/>, and nothing listening when that is unset.</summary>
public static class WorkerProbes
{
    public static WebApplicationBuilder AddWorkerProbes(this WebApplicationBuilder builder)
    {
        var urls = builder.Configuration[$"{HealthOptions.SectionName}:{nameof(HealthOptions.Urls)}"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            // Note: Kestrel with no address would listen on localhost:5000; a Worker without Health:Urls listens nowhere.
            builder.Services.AddSingleton<IServer, NoListener>();
        }
        else
        {
            // Only Health:Urls: never --urls or ASPNETCORE_URLS, which the shell may have set for another process.
            builder.WebHost.UseUrls(urls);
        }

        return builder;
    }

    private sealed class NoListener : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
