using System.Globalization;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Digest;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Mail;
using AdilSoz.Intake.Worker.Pipeline;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace AdilSoz.Intake.Tests.Pipeline;

/// <summary>The daily digest of urgent reports, sent by SMTP to the staff through the outbox.</summary>
public sealed class DailyDigestTests(PostgresDatabase database, SmtpCapture smtp)
    : IClassFixture<PostgresDatabase>, IClassFixture<SmtpCapture>
{
    // 3 Feb 2021 in Almaty (UTC+5 then was UTC+6): the day runs from 2 Feb 18:00 to 3 Feb 18:00 UTC.
    private static readonly DateOnly Day = new(2021, 2, 3);
    private static readonly DateTimeOffset Morning = new(2021, 2, 3, 9, 0, 0, TimeSpan.FromHours(6));

    private IHost StartWorker(params string[] to) => Start(PostgresDatabase.CreateHost(database.ConnectionString, b =>
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = smtp.Host,
            ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "Әділ сөз <info@adilsoz.kz>",
        };
        for (var i = 0; i < to.Length; i++)
        {
            settings[$"Digest:To:{i}"] = to[i];
        }

        b.Configuration.AddInMemoryCollection(settings);
        b.AddJobServer();
        b.AddPipelineJobs();
        b.AddMailIntake();
    }));

    private static IHost Start(IHost host)
    {
        host.Start();
        return host;
    }

    [Fact]
    public async Task With_default_settings_the_digest_is_scheduled_at_eight_in_Kazakhstan()
    {
        using var worker = StartWorker();
        using var connection = worker.Services.GetRequiredService<JobStorage>().GetConnection();
        var digest = await Poll.UntilAsync(
            () => Task.FromResult(connection.GetRecurringJobs().SingleOrDefault(j => j.Id == "daily-digest")),
            j => j is not null, TimeSpan.FromSeconds(60), what: "the daily digest registered as a recurring job");

        Assert.Null(digest!.Error);
        Assert.NotNull(digest.NextExecution);
        // 08:00 at UTC+5 is 03:00 UTC, today or tomorrow.
        var next = DateTime.SpecifyKind(digest.NextExecution.Value, DateTimeKind.Utc);
        Assert.Equal((3, 0), (next.Hour, next.Minute));
        Assert.InRange(next - DateTime.UtcNow, TimeSpan.Zero, TimeSpan.FromHours(24));
    }

    private async Task<Submission> AddAsync(string text, DateTimeOffset at, bool urgent, SubmissionStatus status = SubmissionStatus.Pending)
    {
        await using var db = database.CreateDbContext();
        var s = new Submission
        {
            Channel = Channel.Telegram, Text = text, ReceivedAt = at.ToUniversalTime(), UpdatedAt = at.ToUniversalTime(), Status = status, Urgent = urgent,
            SuggestedCategory = urgent ? "detention" : "access_to_information", SuggestedRegion = "west_kazakhstan", SuggestedSettlement = "Уральск",
        };
        db.Submissions.Add(s);
        await db.SaveChangesAsync();
        return s;
    }

    private static async Task<int> RunAsync(IHost worker, DateOnly day)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DailyDigestJob>().SendForDayAsync(day, CancellationToken.None);
    }

    private async Task<List<OutboundMessage>> DigestsSentAsync(DateOnly day, int expected)
    {
        var prefix = $"digest:{day:yyyy-MM-dd}:";
        return await Poll.UntilAsync(async () =>
        {
            await using var db = database.CreateDbContext();
            return await db.OutboundMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith(prefix)).ToListAsync();
        }, rows => rows.Count >= expected && rows.All(r => r.Status is not (OutboundStatus.Queued or OutboundStatus.Sending)), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task The_days_urgent_reports_reach_the_desk_in_one_mail_even_when_the_job_runs_twice()
    {
        using var worker = StartWorker("desk@adilsoz.kz");
        var detention = await AddAsync("Сегодня утром на трассе Уральск – Атырау полиция задержала\nглавного редактора «Уральской недели» Лукпана Ахмедьярова. " +
            "Его заместителя Рауля Упорова задержали через час, их везут в отдел полиции.", Morning, urgent: true);
        var assault = await AddAsync("В Уральске напали на оператора.", Morning.AddHours(5), urgent: true, SubmissionStatus.NeedsAttention);
        var routine = await AddAsync("Акимат не ответил на запрос журналиста.", Morning.AddHours(1), urgent: false);
        var nextDay = await AddAsync("Задержан журналист в Атырау.", Morning.AddDays(1), urgent: true);
        var before = smtp.Messages.Count;

        Assert.Equal(1, await RunAsync(worker, Day));
        Assert.Equal(1, await RunAsync(worker, Day));

        var rows = await DigestsSentAsync(Day, 1);
        var digest = Assert.Single(rows);
        Assert.Equal(OutboundStatus.Sent, digest.Status);
        Assert.Equal(OutboundKind.Digest, digest.Kind);
        var mail = Assert.Single(smtp.Messages.Skip(before));
        Assert.Equal("desk@adilsoz.kz", ((MailboxAddress)mail.To.Single()).Address);
        // The day's urgent reports come before the list of the reports past their target (all of 2021 are).
        var text = mail.TextBody!;
        var body = text[..text.IndexOf("Past the response target now", StringComparison.Ordinal)];
        Assert.Contains(detention.Reference, body, StringComparison.Ordinal);
        Assert.Contains(assault.Reference, body, StringComparison.Ordinal);
        Assert.DoesNotContain(routine.Reference, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nextDay.Reference, body, StringComparison.Ordinal);
        // A one-line excerpt, the local time and the suggestions; the counts of the day by status.
        Assert.Contains("Сегодня утром на трассе Уральск – Атырау полиция задержала главного редактора", body, StringComparison.Ordinal);
        Assert.DoesNotContain("их везут в отдел полиции", body, StringComparison.Ordinal);
        Assert.Contains($"{detention.Reference}  09:00  detention  west_kazakhstan, Уральск", body, StringComparison.Ordinal);
        Assert.Contains("Pending: 2", body, StringComparison.Ordinal);
        Assert.Contains("NeedsAttention: 1", body, StringComparison.Ordinal);
        // All four of 2021 still wait, long past their response targets.
        Assert.Matches(@"Past the response target now: ([4-9]|\d{2,})\b", mail.TextBody);
    }

    [Fact]
    public async Task The_digest_lists_the_reports_past_their_target_with_how_long_and_the_assignee_never_the_text()
    {
        using var worker = StartWorker("desk@adilsoz.kz");
        var day = Day.AddDays(30);
        var urgent = await AddAsync("Срочно: в Уральске задержали фотографа газеты.", Morning.AddDays(30), urgent: true);
        var assigned = await AddAsync("Акимат Атырау отказал газете в аккредитации.", Morning.AddDays(29), urgent: false);
        var answered = await AddAsync("Акимат Актобе не ответил на запрос редакции.", Morning.AddDays(29), urgent: false);
        await using (var db = database.CreateDbContext())
        {
            await db.Submissions.Where(s => s.Id == assigned.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.AssignedTo, "aigerim@adilsoz.kz"));
            await db.Submissions.Where(s => s.Id == answered.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.FirstResponseAt, Morning.AddDays(29).AddHours(2).ToUniversalTime()));
        }

        Assert.Equal(1, await RunAsync(worker, day));

        var digest = Assert.Single(await DigestsSentAsync(day, 1));
        var overdue = digest.Body[digest.Body.IndexOf("Past the response target now", StringComparison.Ordinal)..];
        var urgentLine = Assert.Single(overdue.Split('\n'), l => l.Contains(urgent.Reference, StringComparison.Ordinal));
        var assignedLine = Assert.Single(overdue.Split('\n'), l => l.Contains(assigned.Reference, StringComparison.Ordinal));
        Assert.DoesNotContain(answered.Reference, overdue, StringComparison.Ordinal);

        // How long past the target: 4 hours after an urgent report came in, 72 after another.
        var urgentDays = DaysPast(urgentLine, @"(\d+)d \d\dh\s+срочное/urgent\s+никому/nobody$");
        var assignedDays = DaysPast(assignedLine, @"(\d+)d \d\dh\s+aigerim@adilsoz\.kz$");
        var now = DateTimeOffset.UtcNow;
        Assert.InRange(urgentDays, (int)(now - urgent.ReceivedAt.AddHours(4)).TotalDays - 1, (int)(now - urgent.ReceivedAt.AddHours(4)).TotalDays);
        Assert.InRange(assignedDays, (int)(now - assigned.ReceivedAt.AddHours(72)).TotalDays - 1, (int)(now - assigned.ReceivedAt.AddHours(72)).TotalDays);

        // Nothing of the reports' texts is in the list.
        Assert.DoesNotContain("фотографа", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("аккредитации", overdue, StringComparison.Ordinal);
    }

    private static int DaysPast(string line, string pattern)
    {
        var match = System.Text.RegularExpressions.Regex.Match(line.TrimEnd('\r'), pattern);
        Assert.True(match.Success, $"\"{line}\" does not match {pattern}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData(0, 0, 30, "<1h")]
    [InlineData(0, 5, 59, "5h")]
    [InlineData(3, 4, 10, "3d 04h")]
    [InlineData(1402, 23, 0, "1402d 23h")]
    public void How_long_past_its_target_a_report_is_reads_in_days_and_hours(int days, int hours, int minutes, string expected) =>
        Assert.Equal(expected, DigestComposer.PastTarget(new TimeSpan(days, hours, minutes, 0)));

    [Fact]
    public async Task Without_configured_addresses_the_admins_and_monitors_with_a_mail_address_receive_it()
    {
        var day = Day.AddDays(10);
        await AddAsync("Полиция изъяла тираж газеты в Актобе.", Morning.AddDays(10), urgent: true);
        await using (var db = database.CreateDbContext())
        {
            foreach (var role in Roles.All.Where(r => !db.Roles.Any(x => x.Name == r)))
            {
                db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
            }

            await db.SaveChangesAsync();
            (string Name, string? Email, string Role)[] staff =
                [("admin", "admin@adilsoz.kz", Roles.Admin), ("monitor", "monitor@adilsoz.kz", Roles.Monitor),
                 ("editor", "editor@adilsoz.kz", Roles.Editor), ("nomail", null, Roles.Monitor)];
            foreach (var (name, email, role) in staff)
            {
                var user = new AdminUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = email };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = db.Roles.Single(r => r.Name == role).Id });
            }

            await db.SaveChangesAsync();
        }

        using var worker = StartWorker();
        Assert.Equal(2, await RunAsync(worker, day));

        var rows = await DigestsSentAsync(day, 2);
        Assert.Equal(["admin@adilsoz.kz", "monitor@adilsoz.kz"], rows.Select(r => r.Recipient).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(OutboundStatus.Sent, r.Status));
    }

    [Fact]
    public async Task A_day_without_urgent_reports_sends_nothing()
    {
        using var worker = StartWorker("desk@adilsoz.kz");
        var day = Day.AddDays(20);
        await AddAsync("Акимат не ответил на запрос журналиста.", Morning.AddDays(20), urgent: false);

        Assert.Equal(0, await RunAsync(worker, day));

        await using var db = database.CreateDbContext();
        Assert.False(await db.OutboundMessages.AnyAsync(m => m.Kind == OutboundKind.Digest && m.IdempotencyKey.StartsWith($"digest:{day:yyyy-MM-dd}")));
    }

    [Theory]
    [InlineData("Короткий текст.", "Короткий текст.")]
    [InlineData("Две\nстроки\r\n  с   пробелами", "Две строки с пробелами")]
    public void The_excerpt_is_one_line(string text, string expected) => Assert.Equal(expected, DigestComposer.Excerpt(text));

    [Fact]
    public void A_long_text_is_cut_to_the_excerpt_length_with_an_ellipsis()
    {
        var excerpt = DigestComposer.Excerpt(string.Concat(Enumerable.Repeat("слово ", 60)));
        Assert.Equal(DigestComposer.ExcerptLength, excerpt.Length);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
    }
}
