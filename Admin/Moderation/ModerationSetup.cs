using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdilSoz.Intake.Admin.Moderation;

/// <summary>The monitors' moderation: queue, claims, actions, attachment downloads.</summary>
public static class ModerationSetup
{
    public static IHostApplicationBuilder AddModeration(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ModerationActions>();
        builder.Services.AddScoped<Claims>();
        builder.Services.AddScoped<QueueQuery>();
        return builder;
    }
}
