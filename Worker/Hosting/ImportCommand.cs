using AdilSoz.Intake.Core.Hosting;
using AdilSoz.Intake.Worker.Mail;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Worker.Hosting;

/// <summary>
/// <c>Worker import PATH</c>: backfills an .mbox file or a folder of .eml files through the same store and
/// ingest as the mailbox (source key <c>import:{Message-ID or content hash}</c>), idempotent by Message-ID.
/// Old mail is not acknowledged. Prints a progress line every 100 messages and finally
/// <c>imported N, duplicates N, failed N</c>.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (path is null)
        {
            await Console.Error.WriteLineAsync("import: give the path of an .mbox file or a folder of .eml files (Worker import PATH).");
            return 1;
        }

        if (!File.Exists(path) && !Directory.Exists(path))
        {
            await Console.Error.WriteLineAsync($"import: nothing at {path} (expected an .mbox file or a folder of .eml files).");
            return 1;
        }

        var builder = IntakeDefaults.CreateCommandBuilder(args.Where(a => a != path).ToArray());
        builder.AddMailIntake();
        return await builder.RunCommandAsync(services => ImportAsync(services, path));
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string path)
    {
        var maxMessageBytes = services.GetRequiredService<IOptions<MailParserOptions>>().Value.MaxMessageBytes;
        var counts = new ImportCounts();
        IEnumerable<ImportedMail> mails;
        try
        {
            mails = MailImportSource.Enumerate(path, maxMessageBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"import: {e.Message}");
            return 1;
        }

        try
        {
            foreach (var mail in mails)
            {
                await ImportOneAsync(services, mail, counts);
                if (counts.Total % 100 == 0)
                {
                    Console.WriteLine($"… {counts.Total} messages: imported {counts.Imported}, duplicates {counts.Duplicates}, failed {counts.Failed}");
                }
            }
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"import: {e.Message}");
        }

        Console.WriteLine($"imported {counts.Imported}, duplicates {counts.Duplicates}, failed {counts.Failed}");
        return 0;
    }

    private sealed class ImportCounts
    {
        public int Imported { get; set; }

        public int Duplicates { get; set; }

        public int Failed { get; set; }

        public int Total => Imported + Duplicates + Failed;
    }

    private static async Task ImportOneAsync(IServiceProvider services, ImportedMail mail, ImportCounts counts)
    {
        try
        {
            var identity = MailStore.DedupIdentity(mail.Raw);
            var key = "import:" + (identity.Length <= 400 ? identity : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(mail.Raw)));
            StoredMail stored;
            using (var scope = services.CreateScope())
            {
                stored = await scope.ServiceProvider.GetRequiredService<MailStore>().StoreAsync(key, mail.Raw, mail.OriginalSize, CancellationToken.None);
            }

            if (stored.Pending)
            {
                using var scope = services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<MailIngestJob>().IngestAsync(stored.InboundItemId, live: false, CancellationToken.None);
            }

            if (stored.Duplicate)
            {
                counts.Duplicates++;
            }
            else
            {
                counts.Imported++;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            counts.Failed++;
            await Console.Error.WriteLineAsync($"import: {mail.Source} failed ({e.GetType().Name}); run the import again to retry it.");
        }
    }
}
