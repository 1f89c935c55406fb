using System.Security.Cryptography;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AdilSoz.Intake.Tests.Telegram.Integration;

/// <summary>The Worker's Telegram file job against the stand-in, run directly (not through Hangfire).</summary>
public sealed class TelegramFileJobTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private BotApiStandIn _api = null!;

    public async Task InitializeAsync() => _api = await BotApiStandIn.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_file_is_stored_once_by_its_sha256_and_a_second_run_changes_nothing()
    {
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        var file = _api.RegisterFile(bytes, "act.pdf");
        var first = await AttachmentAsync(file);
        var second = await AttachmentAsync(file);
        using var host = Host(withToken: true);

        await Task.WhenAll(RunAsync(host, first), RunAsync(host, second));
        await RunAsync(host, first);

        await using var db = database.CreateDbContext();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var rows = await db.Attachments.AsNoTracking().Where(a => a.Id == first || a.Id == second).ToListAsync();
        Assert.All(rows, a => Assert.Equal((AttachmentStatus.Stored, sha, 10_000L), (a.Status, a.Sha256, a.Size)));
        Assert.Equal(bytes, (await db.Blobs.SingleAsync(b => b.Sha256 == sha)).Bytes);
        Assert.Equal(2, _api.Calls("file").Count);
    }

    [Fact]
    public async Task A_file_over_20_MB_is_recorded_as_too_large_without_retrying()
    {
        var file = _api.RegisterFile([1, 2, 3], "video.mp4", reportedSize: 25L * 1024 * 1024);
        var id = await AttachmentAsync(file, size: 0);
        using var host = Host(withToken: true);

        await RunAsync(host, id);

        await using var db = database.CreateDbContext();
        var row = await db.Attachments.AsNoTracking().SingleAsync(a => a.Id == id);
        Assert.Equal(AttachmentStatus.TooLarge, row.Status);
        Assert.Null(row.Sha256);
        Assert.Single(_api.Calls("getFile"), c => c.StatusCode == 400);
    }

    [Fact]
    public async Task Without_a_token_the_job_fails_clearly_and_the_attachment_stays_pending()
    {
        var file = _api.RegisterFile([9, 9, 9], "p.jpg");
        var id = await AttachmentAsync(file);
        using var host = Host(withToken: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(host, id));
        Assert.Contains("Telegram__BotToken", error.Message, StringComparison.Ordinal);

        await using var db = database.CreateDbContext();
        Assert.Equal(AttachmentStatus.Pending, (await db.Attachments.AsNoTracking().SingleAsync(a => a.Id == id)).Status);
    }

    private IHost Host(bool withToken) => PostgresDatabase.CreateHost(database.ConnectionString, b =>
    {
        b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = withToken ? _api.Token : null,
            ["Telegram:ApiBaseUrl"] = _api.BaseUrl,
        });
        b.AddTelegramJobs();
    });

    private static async Task RunAsync(IHost host, long attachmentId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ITelegramFileJob>().DownloadAsync(attachmentId, CancellationToken.None);
    }

    private async Task<long> AttachmentAsync(BotApiFile file, long? size = null)
    {
        await using var db = database.CreateDbContext();
        var submission = new Submission
        {
            Channel = Channel.Telegram, Text = "file test", ReceivedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            Attachments = [new SubmissionAttachment { FileName = file.FileName, Size = size ?? file.Size, TelegramFileId = file.FileId, TelegramFileUniqueId = file.FileUniqueId }],
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        return submission.Attachments[0].Id;
    }
}
