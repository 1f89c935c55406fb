using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Core.Operations;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Mail;
using AdilSoz.Intake.Worker.Pipeline;
using AdilSoz.Intake.Worker.Telegram;

if (args is ["import", ..])
{
    return await ImportCommand.RunAsync(args[1..]);
}

if (args is ["dedup", ..])
{
    return await DedupCommand.RunAsync(args[1..]);
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddIntakeLogging();
builder.AddIntakeTexts();
builder.AddIntakeDatabase();
builder.AddIntakeWorker();
builder.AddPipelineJobs();
builder.AddTelegramJobs();
builder.AddMailIntake();
builder.AddHealthListener();

using var host = builder.Build();
return await host.RunIntakeAsync();
