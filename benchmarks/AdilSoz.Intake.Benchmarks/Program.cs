using AdilSoz.Intake.Benchmarks.Bot;
using AdilSoz.Intake.Benchmarks.Dedup;
using AdilSoz.Intake.Benchmarks.Mailbox;
using AdilSoz.Intake.Benchmarks.Pipeline;
using AdilSoz.Intake.Benchmarks.PublicRegistry;

// Benchmarks that print figures. Usage:
//   dotnet run -c Release --project benchmarks/AdilSoz.Intake.Benchmarks -- dedup --sizes 10000,100000,1000000
//   dotnet run -c Release --project benchmarks/AdilSoz.Intake.Benchmarks -- pipeline --count 2000 --rate 20 --seconds 30
//   dotnet run -c Release --project benchmarks/AdilSoz.Intake.Benchmarks -- bot --chats 150 --rate 5
//   dotnet run -c Release --project benchmarks/AdilSoz.Intake.Benchmarks -- mailbox --mails 1000 --live 2000
//   dotnet run -c Release --project benchmarks/AdilSoz.Intake.Benchmarks -- public-registry --size 1000000 --requests 50
if (args is ["bot", ..])
{
    return await BotBenchmark.RunAsync(args[1..]);
}

if (args is ["mailbox", ..])
{
    return await MailboxBenchmark.RunAsync(args[1..]);
}

if (args is ["public-registry", ..])
{
    return await PublicRegistryBenchmark.RunAsync(args[1..]);
}

if (args is ["pipeline", ..])
{
    return await PipelineBenchmark.RunAsync(args[1..]);
}

if (args.Length == 0 || args[0] != "dedup")
{
    await Console.Error.WriteLineAsync("usage: dedup [--sizes 10000,100000,1000000] [--queries 200] [--trgm-queries 20] [--trgm-budget-seconds 120] [--keep] [--reuse] [--cold] [--passes N] [--per-key-limit N] [--combined-key-limit N] [--max-candidates N]");
    return 2;
}

return await DedupBenchmark.RunAsync(DedupBenchmarkOptions.Parse(args[1..]));
