using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Core.Operations;

/// <summary><c>Health</c> settings of a process without a web site of its own (the Worker).</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>Where to serve /healthz, /readyz and /metrics, e.g. <c>http://127.0.0.1:5082</c>; empty: off.</summary>
    public string? Urls { get; set; }
}

/// <summary>
/// A small Kestrel site beside a generic host, serving its probes and metrics on <see cref="HealthOptions.Urls"/>.
/// Off unless configured; the checks run against the host's own services.
/// </summary>
public sealed class HealthListener(IServiceProvider services, IOptions<HealthOptions> options, ILogger<HealthListener> logger) : IHostedService
{
    private WebApplication? _site;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Urls))
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(options.Value.Urls);
        builder.Logging.ClearProviders();
        _site = builder.Build();
        _site.MapIntakeProbes(services);
        await _site.StartAsync(cancellationToken);
        logger.LogInformation("Health, readiness and metrics on {Urls}", options.Value.Urls);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_site is not null)
        {
            await _site.StopAsync(cancellationToken);
            await _site.DisposeAsync();
        }
    }
}
