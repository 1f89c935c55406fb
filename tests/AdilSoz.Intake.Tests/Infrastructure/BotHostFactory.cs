using AdilSoz.Intake.Bot.Hosting;
using AdilSoz.Intake.Bot.Receiving;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Operations;
using Microsoft.AspNetCore.Builder;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>The Bot's site in-process, composed as <c>Bot/Program.cs</c> composes it, on a builder the test configured.</summary>
public static class BotHostFactory
{
    public static WebApplication BuildBot(this WebApplicationBuilder builder)
    {
        builder.AddIntakeDefaults();
        builder.AddTelegramIntake();
        var app = builder.Build();
        app.MapTelegramWebhook();
        app.MapIntakeProbes();
        return app;
    }
}
