using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Mail.Corpus;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Mail.Integration;

/// <summary><c>Worker import PATH</c> as a real process against PostgreSQL.</summary>
[Collection(MailIntegration.Name)]
public sealed class MailImportTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly PostgresDatabase _database = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "adilsoz-import-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        return _database.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_dir, true);
    }

    [Fact]
    public async Task An_mbox_is_imported_once_with_counts_and_a_second_run_reports_all_duplicates()
    {
        var mbox = Path.Combine(_dir, "archive.mbox");
        var cases = CorpusFiles.WriteMbox(mbox);

        var first = await HostProcess.RunAsync("Worker", Environment(), null, Timeout, "import", mbox);
        var second = await HostProcess.RunAsync("Worker", Environment(), null, Timeout, "import", mbox);

        Assert.True(first.ExitCode == 0, first.StdErr);
        Assert.Equal($"imported {cases.Count}, duplicates 0, failed 0", LastLine(first.StdOut));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal($"imported 0, duplicates {cases.Count}, failed 0", LastLine(second.StdOut));

        await using var db = _database.CreateDbContext();
        Assert.Equal(cases.Count, await db.Submissions.CountAsync());
        Assert.Equal(0, await db.InboundItems.CountAsync(i => i.Status == InboundStatus.Stored));
        Assert.Equal(cases.Count(c => c.Kind == SubmissionKind.Report), await db.Submissions.CountAsync(s => s.Kind == SubmissionKind.Report));
        Assert.Equal(1, await db.Submissions.CountAsync(s => s.Kind == SubmissionKind.Followup && s.ParentId != null));

        // Old mail is not answered.
        Assert.Equal(0, await db.OutboundMessages.CountAsync());
    }

    [Fact]
    public async Task A_folder_of_eml_files_with_a_broken_one_is_imported_and_the_broken_one_waits_for_an_operator()
    {
        var folder = Path.Combine(_dir, "eml");
        var cases = CorpusFiles.WriteEmlFolder(folder, includeBroken: true);

        var result = await HostProcess.RunAsync("Worker", Environment(), null, Timeout, "import", folder);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal($"imported {cases.Count}, duplicates 0, failed 0", LastLine(result.StdOut));
        await using var db = _database.CreateDbContext();
        var attention = Assert.Single(await db.Submissions.Where(s => s.Status == SubmissionStatus.NeedsAttention).ToListAsync());
        Assert.False(string.IsNullOrWhiteSpace(attention.AttentionReason));
        Assert.Equal(InboundStatus.NeedsAttention, (await db.InboundItems.SingleAsync(i => i.Id == attention.InboundItemId)).Status);
    }

    [Fact]
    public async Task A_long_mbox_prints_a_progress_line_every_100_messages()
    {
        var mbox = Path.Combine(_dir, "long.mbox");
        var text = new System.Text.StringBuilder();
        for (var i = 1; i <= 205; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"From sender{i}@mail.kz Thu Nov 26 12:00:00 2026\n")
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"Message-ID: <bulk.{i}@mail.kz>\nFrom: sender{i}@mail.kz\nTo: info@adilsoz.kz\n")
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"Subject: Report {i}\nContent-Type: text/plain; charset=utf-8\n\nЖурналиста {i} не пустили на сессию.\n\n");
        }

        await File.WriteAllTextAsync(mbox, text.ToString());

        var result = await HostProcess.RunAsync("Worker", Environment(), null, Timeout, "import", mbox);

        Assert.True(result.ExitCode == 0, result.StdErr);
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        Assert.Equal(["… 100 messages: imported 100, duplicates 0, failed 0", "… 200 messages: imported 200, duplicates 0, failed 0", "imported 205, duplicates 0, failed 0"], lines);
    }

    [Fact]
    public async Task A_missing_path_is_one_clear_line_and_exit_code_1()
    {
        var result = await HostProcess.RunAsync("Worker", Environment(), null, Timeout, "import", Path.Combine(_dir, "nope.mbox"));

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("nope.mbox", result.StdErr, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Environment() => new() { ["ConnectionStrings__Intake"] = _database.ConnectionString };

    private static string LastLine(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
}
