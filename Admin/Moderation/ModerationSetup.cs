using AdilSoz.Intake.Core.Moderation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>The monitors' moderation: queue, claims, assignments, notes, actions, attachment downloads.</summary>
public static class ModerationSetup
{
    public static IHostApplicationBuilder AddModeration(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ModerationActions>();
        builder.Services.AddScoped<Claims>();
        builder.Services.AddScoped<QueueQuery>();
        builder.Services.AddScoped<Assignments>();
        builder.Services.AddScoped<Notes>();
        builder.Services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
