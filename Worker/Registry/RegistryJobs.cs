using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdilSoz.Intake.Worker.Registry;

/// <summary>Registers the registry's Worker jobs (the hearing reminder).</summary>
public static class RegistryJobs
{
    public static IHostApplicationBuilder AddRegistryJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HearingReminderOptions>()
            .BindConfiguration(HearingReminderOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<HearingReminderJob>();
        return builder;
    }
}
