using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdilSoz.Intake.Tests.Privacy;

/// <summary>The retention job on backdated rows, with a fixed clock.</summary>
public sealed class RetentionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 3, 17, 0, TimeSpan.Zero);

    [Fact]
    public async Task Identities_of_closed_reports_and_old_spam_are_purged_and_reports_are_kept()
    {
        var closedLongAgo = await ReporterWithAsync("closed@example.kz", (SubmissionStatus.Approved, 200), (SubmissionStatus.Rejected, 190));
        var stillOpen = await ReporterWithAsync("open@example.kz", (SubmissionStatus.Approved, 300), (SubmissionStatus.Pending, 250));
        var closedRecently = await ReporterWithAsync("recent@example.kz", (SubmissionStatus.Approved, 10));
        var oldSpam = await SubmissionAsync(null, SubmissionStatus.Rejected, 40, SubmissionKind.Report, RejectReason.Spam);
        var oldIgnoredSpam = await SubmissionAsync(null, SubmissionStatus.Ignored, 40, SubmissionKind.Spam, null);
        var newSpam = await SubmissionAsync(null, SubmissionStatus.Rejected, 5, SubmissionKind.Report, RejectReason.Spam);
        var oldOutOfScope = await SubmissionAsync(null, SubmissionStatus.Rejected, 400, SubmissionKind.Report, RejectReason.OutOfScope);

        var result = await RunAsync();

        Assert.True(result.IdentitiesErased >= 1);
        await using var db = database.CreateDbContext();
        var erased = await db.Reporters.SingleAsync(r => r.Id == closedLongAgo);
        Assert.Equal((null, null, null), (erased.IdentityEncrypted, erased.ContactEncrypted, erased.DisplayNameEncrypted));
        Assert.Equal(Now, erased.IdentityDeletedAt);
        Assert.StartsWith("deleted:", erased.KeyHash, StringComparison.Ordinal);
        var erasedReports = await db.Submissions.Where(s => s.ReporterId == closedLongAgo).ToListAsync();
        Assert.Equal(2, erasedReports.Count);
        Assert.All(erasedReports, s => Assert.StartsWith("Report text", s.Text, StringComparison.Ordinal));
        var erasedRaw = await db.InboundItems.Where(i => erasedReports.Select(s => s.InboundItemId).Contains(i.Id)).ToListAsync();
        Assert.All(erasedRaw, i => Assert.Equal(((DateTimeOffset?)Now, true), (i.PurgedAt, i.RawEncrypted.Length == 0)));

        foreach (var kept in new[] { stillOpen, closedRecently })
        {
            var reporter = await db.Reporters.SingleAsync(r => r.Id == kept);
            Assert.NotNull(reporter.IdentityEncrypted);
            Assert.Null(reporter.IdentityDeletedAt);
            Assert.False(await db.InboundItems.AnyAsync(i => db.Submissions.Any(s => s.ReporterId == kept && s.InboundItemId == i.Id) && i.PurgedAt != null));
        }

        foreach (var purged in new[] { oldSpam, oldIgnoredSpam })
        {
            var s = await db.Submissions.SingleAsync(x => x.Id == purged);
            Assert.Equal(("", (string?)null, (DateTimeOffset?)Now), (s.Text, s.Subject, s.PurgedAt));
            Assert.Empty((await db.InboundItems.SingleAsync(i => i.Id == s.InboundItemId)).RawEncrypted);
        }

        foreach (var kept in new[] { newSpam, oldOutOfScope })
        {
            var s = await db.Submissions.SingleAsync(x => x.Id == kept);
            Assert.Null(s.PurgedAt);
            Assert.StartsWith("Report text", s.Text, StringComparison.Ordinal);
        }

        // A second run finds nothing more to do.
        var again = await RunAsync();
        Assert.Equal(new RetentionResult(0, 0, 0), again);
    }

    [Fact]
    public async Task Someone_who_never_reported_is_forgotten_after_the_period()
    {
        long id;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var directory = new ReporterDirectory(scope.ServiceProvider.GetRequiredService<IntakeDbContext>(), scope.ServiceProvider.GetRequiredService<IdentityProtector>(), TimeProvider.System);
            var reporter = await directory.GetOrCreateAsync(Channel.Telegram, "55501", "55501", "@silent_one", "ru", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().SaveChangesAsync();
            id = reporter.Id;
        }

        await using (var db = database.CreateDbContext())
        {
            await db.Reporters.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, Now.AddDays(-365)));
            db.DialogueStates.Add(new DialogueState { ReporterId = id, Step = "Menu", UpdatedAt = Now.AddDays(-364) });
            await db.SaveChangesAsync();
        }

        await RunAsync();

        await using var check = database.CreateDbContext();
        Assert.Null((await check.Reporters.SingleAsync(r => r.Id == id)).IdentityEncrypted);
        Assert.False(await check.DialogueStates.AnyAsync(d => d.ReporterId == id));
    }

    [Theory]
    [InlineData("ClosedIdentityDays", "0")]
    [InlineData("SpamDays", "-5")]
    [InlineData("TelegramUpdateDays", "100000")]
    public void Out_of_range_periods_are_refused_at_start(string key, string value)
    {
        using var host = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"Retention:{key}"] = value });
            b.AddRetention();
        });
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RetentionOptions>>().Value);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private async Task<RetentionResult> RunAsync()
    {
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var job = new RetentionJob(db, new ReporterDirectory(db, scope.ServiceProvider.GetRequiredService<IdentityProtector>(), new FixedClock(Now)),
            Options.Create(new RetentionOptions()), new FixedClock(Now), NullLogger<RetentionJob>.Instance);
        return await job.RunAsync(CancellationToken.None);
    }

    private async Task<long> ReporterWithAsync(string address, params (SubmissionStatus Status, int DaysAgo)[] reports)
    {
        long id;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var directory = new ReporterDirectory(scope.ServiceProvider.GetRequiredService<IntakeDbContext>(), scope.ServiceProvider.GetRequiredService<IdentityProtector>(), TimeProvider.System);
            var reporter = await directory.GetOrCreateAsync(Channel.Email, address, address, "Reporter " + address, "ru", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().SaveChangesAsync();
            id = reporter.Id;
        }

        await using (var db = database.CreateDbContext())
        {
            await db.Reporters.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, Now.AddDays(-400)));
        }

        foreach (var (status, daysAgo) in reports)
        {
            await SubmissionAsync(id, status, daysAgo, SubmissionKind.Report, null);
        }

        return id;
    }

    private async Task<long> SubmissionAsync(long? reporterId, SubmissionStatus status, int daysAgo, SubmissionKind kind, RejectReason? reason)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var protector = scope.ServiceProvider.GetRequiredService<IdentityProtector>();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var at = Now.AddDays(-daysAgo);
        var raw = System.Text.Encoding.UTF8.GetBytes($"From: someone@example.kz\r\nSubject: x\r\n\r\n{Guid.NewGuid()}");
        var item = new InboundItem
        {
            Channel = Channel.Email, SourceKey = "retention:" + Guid.NewGuid(), ContentSha256 = Guid.NewGuid().ToString("N"),
            RawEncrypted = protector.ProtectRaw(raw), RawSize = raw.Length, Status = InboundStatus.Processed, ReceivedAt = at, ProcessedAt = at,
        };
        db.InboundItems.Add(item);
        await db.SaveChangesAsync();
        var submission = new Submission
        {
            Channel = Channel.Email, Kind = kind, Status = status, RejectReason = reason, Subject = "subject",
            Text = "Report text " + Guid.NewGuid(), ReceivedAt = at, UpdatedAt = at, ReporterId = reporterId, InboundItemId = item.Id,
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        item.SubmissionId = submission.Id;
        await db.SaveChangesAsync();
        return submission.Id;
    }
}
