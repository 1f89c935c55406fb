using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Mail.Integration;

/// <summary><c>Worker import</c> of machine mail from MimeKit's real-world test messages, as a real process.</summary>
[Collection(MailIntegration.Name)]
public sealed class MachineMailImportTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly PostgresDatabase _database = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "adilsoz-machine-" + Guid.NewGuid().ToString("N")[..8]);

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
    public async Task A_spam_complaint_is_ignored_machine_mail_and_message_pieces_wait_together_for_an_operator()
    {
        string[] files = ["feedback-report.eml", "message-partial.0.eml", "message-partial.1.eml", "message-partial.2.eml", "rfc2046.0.eml", "rfc2046.1.eml"];
        foreach (var file in files)
        {
            File.Copy(MachineMailCorpusTests.PathOf(file), Path.Combine(_dir, file));
        }

        var result = await HostProcess.RunAsync("Worker", Environment(), null, Timeout, "import", _dir);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal("imported 6, duplicates 0, failed 0", LastLine(result.StdOut));
        await using var db = _database.CreateDbContext();
        var submissions = await db.Submissions.ToListAsync();
        var complaint = Assert.Single(submissions, s => s.Subject == "FW: Earn money");
        Assert.Equal(SubmissionKind.Bounce, complaint.Kind);
        Assert.Equal(SubmissionStatus.Ignored, complaint.Status);
        var pieces = submissions.Where(s => s.Status == SubmissionStatus.NeedsAttention).ToList();
        Assert.Equal(5, pieces.Count);
        Assert.Equal(3, pieces.Count(p => p.AttentionReason!.Contains("id \"6MCVORPHW0U4.BCPTXD0EM9BT3@mit.edu\"", StringComparison.Ordinal)));
        Assert.Equal(2, pieces.Count(p => p.AttentionReason!.Contains("id \"ABC@host.com\"", StringComparison.Ordinal)));
        Assert.DoesNotContain(submissions, s => s.Status is SubmissionStatus.Received or SubmissionStatus.Pending);
        Assert.Equal(0, await db.OutboundMessages.CountAsync());
    }

    [Fact]
    public async Task An_mbox_with_a_broken_message_in_the_middle_is_imported_whole_and_every_message_counted()
    {
        var mbox = Path.Combine(_dir, "broken.mbox");
        await File.WriteAllTextAsync(mbox, MachineMailCorpusTests.BrokenMbox);

        var result = await HostProcess.RunAsync("Worker", Environment(), null, Timeout, "import", mbox);

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal("imported 3, duplicates 0, failed 0", LastLine(result.StdOut));
        await using var db = _database.CreateDbContext();
        Assert.Equal(["first", "third"], await db.Submissions.Where(s => s.Status != SubmissionStatus.NeedsAttention).OrderBy(s => s.Id).Select(s => s.Subject).ToListAsync());
        Assert.Equal(1, await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.NeedsAttention));
    }

    [Fact]
    public async Task Unescaped_From_lines_in_the_bodies_of_a_real_mbox_do_not_split_its_two_messages()
    {
        var result = await HostProcess.RunAsync("Worker", Environment(), null, Timeout, "import", MachineMailCorpusTests.PathOf("unmunged.mbox"));

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal("imported 2, duplicates 0, failed 0", LastLine(result.StdOut));
    }

    private Dictionary<string, string?> Environment() => new() { ["ConnectionStrings__Intake"] = _database.ConnectionString };

    private static string LastLine(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
}
