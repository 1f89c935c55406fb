using AdilSoz.Intake.Bot.Hosting;
using AdilSoz.Intake.Bot.Receiving;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Operations;

var builder = WebApplication.CreateBuilder(args);
if (!BotHost.HasToken(builder.Configuration))
{
    await Console.Error.WriteLineAsync("Telegram:BotToken is not set (Telegram__BotToken); the Bot is not started. The rest of the system works without it.");
    return 0;
}

builder.AddIntakeDefaults();
builder.AddTelegramIntake();

var app = builder.Build();
app.MapTelegramWebhook();
app.MapIntakeProbes();
return await app.RunIntakeAsync();
