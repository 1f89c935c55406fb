namespace AdilSoz.Intake.Worker.Hosting;

/// <summary><c>Worker import PATH</c>: backfills an .mbox file or a folder of .eml files.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        await Console.Error.WriteLineAsync("import: not available yet (mail intake is being built).");
        return 2;
    }
}
