using AdilSoz.Intake.Hosting;
using AdilSoz.Intake.Bot.Hosting;
using AdilSoz.Intake.Bot.Receiving;
using AdilSoz.Intake.Data;
using AdilSoz.Intake.Jobs;

var builder = WebApplication.CreateBuilder(args);
if (!BotHost.HasToken(builder.Configuration))
{
    await Console.Error.WriteLineAsync("Telegram:BotToken is not set (Telegram__BotToken); the Bot is not started. The rest of the system works without it.");
    return 0;
}

builder.AddIntakeLogging();
builder.AddIntakeDatabase();
builder.AddIntakeHangfire();
builder.AddTelegramIntake();

var app = builder.Build();
app.MapTelegramWebhook();
app.MapGet("/healthz", () => Results.Text("ok"));
return await app.RunBotAsync();
