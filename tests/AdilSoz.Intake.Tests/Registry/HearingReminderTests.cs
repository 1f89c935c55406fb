using System.Globalization;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Mail;
using AdilSoz.Intake.Worker.Pipeline;
using AdilSoz.Intake.Worker.Registry;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Tests.Registry;

/// <summary>The daily reminder of hearings: a real Worker (Hangfire server, outbound job) and a real SMTP server.</summary>
public sealed class HearingReminderTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly SmtpCapture _smtp = new();

    public Task InitializeAsync() => _smtp.InitializeAsync();

    public Task DisposeAsync() => _smtp.DisposeAsync();

    [Fact]
    public async Task Editors_get_one_mail_per_hearing_date_however_often_the_job_runs()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (incidentId, soonCaseId, laterCaseId) = await SeedAsync(today);

        using var worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Smtp:Host"] = _smtp.Host,
                ["Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["Smtp:From"] = "Әділ сөз <info@adilsoz.kz>",
                ["Registry:HearingReminderDays"] = "3",
            });
            b.AddJobServer();
            b.AddPipelineJobs();
            b.AddMailIntake();
        });
        await worker.StartAsync();
        try
        {
            var storage = worker.Services.GetRequiredService<JobStorage>();
            using (var connection = storage.GetConnection())
            {
                var recurring = await Poll.UntilAsync(
                    () => Task.FromResult(connection.GetRecurringJobs().SingleOrDefault(j => j.Id == HearingReminderJob.RecurringJobId)),
                    j => j is not null, TimeSpan.FromSeconds(30));
                Assert.NotNull(recurring);
                Assert.Equal(JobQueues.Maintenance, recurring.Job.Queue ?? recurring.Queue);
            }

            // The job run twice by Hangfire, as a retry or a second Worker would.
            var jobs = worker.Services.GetRequiredService<IBackgroundJobClient>();
            var runs = new[]
            {
                jobs.Enqueue<HearingReminderJob>(JobQueues.Maintenance, j => j.RunAsync(CancellationToken.None)),
                jobs.Enqueue<HearingReminderJob>(JobQueues.Maintenance, j => j.RunAsync(CancellationToken.None)),
            };
            await WaitSucceededAsync(storage, runs);
            var mails = await _smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30));
            await WaitAllSentAsync();

            // And once more directly, the next day's run: nothing new.
            await using (var scope = worker.Services.CreateAsyncScope())
            {
                Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HearingReminderJob>().RunAsync(today.AddDays(1), CancellationToken.None));
            }

            mails = _smtp.Messages;
            Assert.Equal(2, mails.Count);
            Assert.Equal(["admin@adilsoz.test", "editor@adilsoz.test"], mails.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
            var mail = mails[0];
            var hearing = today.AddDays(2);
            Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
            Assert.Contains(hearing.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), mail.Subject, StringComparison.Ordinal);
            Assert.Contains("Акимат против газеты", mail.Subject, StringComparison.Ordinal);
            Assert.Contains("Акимат против газеты", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("гражданское", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Case: civil; article or basis: ст. 143 ГК РК", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains(hearing.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), mail.TextBody, StringComparison.Ordinal);
            Assert.Contains($"/incidents/{incidentId}", mail.TextBody, StringComparison.Ordinal);

            await using (var db = database.CreateDbContext())
            {
                var keys = await db.OutboundMessages.Select(o => o.IdempotencyKey).ToListAsync();
                Assert.DoesNotContain(keys, k => k.StartsWith($"hearing:{laterCaseId}:", StringComparison.Ordinal));
                Assert.All(keys, k => Assert.StartsWith($"hearing:{soonCaseId}:", k, StringComparison.Ordinal));

                // The hearing is moved: a new reminder for the new date.
                var moved = await db.LegalCases.SingleAsync(c => c.Id == soonCaseId);
                moved.NextHearingOn = today.AddDays(3);
                await db.SaveChangesAsync();
            }

            await using (var scope = worker.Services.CreateAsyncScope())
            {
                Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<HearingReminderJob>().RunAsync(today, CancellationToken.None));
            }

            mails = await _smtp.WaitForMessagesAsync(4, TimeSpan.FromSeconds(30));
            await WaitAllSentAsync();
            Assert.Equal(4, _smtp.Messages.Count);
            Assert.Equal(2, mails.Count(m => m.Subject!.Contains(today.AddDays(3).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    [Fact]
    public async Task A_bad_reminder_setting_stops_the_worker_at_start_with_a_readable_line()
    {
        using var worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Registry:HearingReminderDays"] = "-2" });
            b.AddJobServer();
            b.AddPipelineJobs();
        });
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => worker.StartAsync());
        var line = AdilSoz.Intake.Core.Data.StartupFailure.Describe(failure);
        Assert.NotNull(line);
        Assert.StartsWith("Configuration error:", line, StringComparison.Ordinal);
        Assert.Contains("HearingReminderDays", line, StringComparison.Ordinal);
    }

    private async Task WaitAllSentAsync()
    {
        await using var db = database.CreateDbContext();
        var statuses = await Poll.UntilAsync(
            () => db.OutboundMessages.AsNoTracking().Select(o => o.Status).ToListAsync(),
            s => s.All(x => x == OutboundStatus.Sent), TimeSpan.FromSeconds(30));
        Assert.All(statuses, s => Assert.Equal(OutboundStatus.Sent, s));
    }

    private static async Task WaitSucceededAsync(JobStorage storage, IEnumerable<string> jobIds)
    {
        using var connection = storage.GetConnection();
        foreach (var id in jobIds)
        {
            var state = await Poll.UntilAsync(
                () => Task.FromResult(connection.GetStateData(id)?.Name),
                s => s is "Succeeded" or "Failed", TimeSpan.FromSeconds(60));
            Assert.Equal("Succeeded", state);
        }
    }

    /// <summary>An Editor, an Admin and a Monitor with addresses, an Editor without; a case heard in two days, one in ten, one without a date.</summary>
    private async Task<(long IncidentId, long SoonCaseId, long LaterCaseId)> SeedAsync(DateOnly today)
    {
        await using var db = database.CreateDbContext();
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        void AddUser(string? email, string role)
        {
            var user = new AdminUser { UserName = email ?? $"no-mail-{role}", Email = email, NormalizedEmail = email?.ToUpperInvariant() };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role].Id });
        }

        AddUser("editor@adilsoz.test", Roles.Editor);
        AddUser("admin@adilsoz.test", Roles.Admin);
        AddUser("monitor@adilsoz.test", Roles.Monitor);
        AddUser(null, Roles.Editor);

        var soon = new LegalCase
        {
            Kind = LegalCaseKind.Civil, Article = "ст. 143 ГК РК", FiledOn = today.AddMonths(-1), HonorDignity = true, InCourt = true,
            ClaimedKzt = 5_000_000, Stage = "первая инстанция", NextHearingOn = today.AddDays(2),
        };
        var later = new LegalCase { Kind = LegalCaseKind.Criminal, Article = "ст. 274 УК РК", FiledOn = today.AddMonths(-2), NextHearingOn = today.AddDays(10) };
        var past = new LegalCase { Kind = LegalCaseKind.Administrative, FiledOn = today.AddMonths(-2), NextHearingOn = today.AddDays(-1) };
        var undated = new LegalCase { Kind = LegalCaseKind.Administrative, FiledOn = today.AddMonths(-2) };
        var incident = new Incident
        {
            Title = "Акимат против газеты «Уральская неделя»", OccurredOn = today.AddMonths(-1), Summary = "Иск о защите деловой репутации.",
            LegalCases = [soon, later, past, undated], CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        return (incident.Id, soon.Id, later.Id);
    }
}
