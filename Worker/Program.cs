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

var builder = WebApplication.CreateBuilder(args);
builder.AddIntakeDefaults();
builder.AddJobServer();
builder.AddPipelineJobs();
builder.AddTelegramJobs();
builder.AddMailIntake();
builder.AddWorkerProbes();

var app = builder.Build();
app.MapIntakeProbes();
return await app.RunIntakeAsync();
