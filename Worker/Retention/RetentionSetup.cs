using AdilSoz.Intake.Core.Reporters;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdilSoz.Intake.Worker.Retention;

/// <summary>Registers the retention job and the erasure job (the recurring schedule is in PipelineJobs).</summary>
public static class RetentionSetup
{
    public static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddScoped<ReporterDirectory>();
        builder.Services.AddScoped<RetentionJob>();
        builder.Services.AddScoped<IIdentityErasureJob, IdentityErasureJob>();
        return builder;
    }
}
