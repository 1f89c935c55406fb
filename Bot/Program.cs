using AdilSoz.Intake.Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (!BotHost.HasToken(builder.Configuration))
{
    await Console.Error.WriteLineAsync("Telegram:BotToken is not set (Telegram__BotToken); the Bot is not started. The rest of the system works without it.");
    return 0;
}

builder.AddBot();
var app = builder.BuildBot();
return await app.RunBotAsync();
