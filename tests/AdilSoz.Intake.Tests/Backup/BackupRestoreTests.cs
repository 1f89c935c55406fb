using System.Diagnostics;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Mail.Corpus;
using AdilSoz.Intake.Worker.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdilSoz.Intake.Tests.Backup;

/// <summary>scripts/backup.sh and scripts/restore.sh bring back reports, files and the key ring together.</summary>
public sealed class BackupRestoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_restored_database_opens_the_report_its_raw_mail_its_files_and_its_reporter()
    {
        // A real mail report with attachments, ingested by the Worker's own job.
        var corpus = CorpusMessages.All.First(c => c.Files.Length >= 2);
        using var worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.AddMailIntake();
        });
        long itemId;
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            itemId = (await scope.ServiceProvider.GetRequiredService<MailStore>().StoreAsync("backup:1", corpus.Raw, CancellationToken.None)).InboundItemId;
            await scope.ServiceProvider.GetRequiredService<MailIngestJob>().IngestAsync(itemId, live: false, CancellationToken.None);
        }

        string reference;
        await using (var db = database.CreateDbContext())
        {
            reference = await db.Submissions.Where(s => s.InboundItemId == itemId).Select(s => s.Reference).SingleAsync();
        }

        var folder = Directory.CreateTempSubdirectory("adilsoz-backup-");
        var dump = Path.Combine(folder.FullName, "intake.dump");
        var restored = "test_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            var backup = await RunAsync("scripts/backup.sh", dump);
            Assert.Contains("key ring included", backup, StringComparison.Ordinal);
            var restore = await RunAsync("scripts/restore.sh", dump, restored);
            Assert.Contains($"restore: {restored} (1 submissions", restore, StringComparison.Ordinal);

            // A process on the restored database only: the app's own code reads everything back.
            var restoredConnection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = restored }.ConnectionString;
            using var host = PostgresDatabase.CreateHost(restoredConnection);
            await using var scope = host.Services.CreateAsyncScope();
            var protector = scope.ServiceProvider.GetRequiredService<IdentityProtector>();
            var restoredDb = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var submission = await restoredDb.Submissions.Include(s => s.Attachments).SingleAsync(s => s.Reference == reference);
            var item = await restoredDb.InboundItems.SingleAsync(i => i.Id == submission.InboundItemId);
            Assert.Equal(corpus.Raw, protector.UnprotectRaw(item.RawEncrypted));
            Assert.All(corpus.TextContains, t => Assert.Contains(t, submission.Text, StringComparison.Ordinal));

            foreach (var file in corpus.Files)
            {
                var attachment = submission.Attachments.Single(a => a.FileName == file.Name);
                var blob = await restoredDb.Blobs.SingleAsync(b => b.Sha256 == attachment.Sha256);
                Assert.Equal(file.Content, blob.Bytes);
            }

            var reporter = await restoredDb.Reporters.SingleAsync(r => r.Id == submission.ReporterId);
            var from = MailParser.Parse(corpus.Raw).From!.Address;
            Assert.Equal(from, protector.Unprotect(reporter.IdentityEncrypted));
            // The restored hash secret still recognises the address (an unverified sender is kept apart, under its claimed hash).
            Assert.Equal(protector.KeyHash(Channel.Email, from), reporter.ClaimedKeyHash ?? reporter.KeyHash);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresDatabase.ServerConnectionString) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{restored}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Restoring_over_a_database_with_tables_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("adilsoz-backup-");
        try
        {
            var dump = Path.Combine(folder.FullName, "intake.dump");
            await RunAsync("scripts/backup.sh", dump);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync("scripts/restore.sh", dump, database.Name));
            Assert.Contains("already has tables", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<string> RunAsync(string script, params string[] args)
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo("bash", [Path.Combine(Artifacts.RepoRoot, script), .. args])
        {
            WorkingDirectory = Artifacts.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;
        start.Environment["PGDATABASE"] = database.Name;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited {process.ExitCode}: {await error}{await output}");
        }

        return await output;
    }
}
