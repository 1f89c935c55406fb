using System.Diagnostics;
using System.Globalization;
using AdilSoz.Intake.Admin.Api;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AdilSoz.Intake.Tests.Moderation;

/// <summary>
/// Server time of the queue page with 100,000 pending items (target p95 ≤ 50 ms). Prints the figures
/// and writes them to artifacts/benchmarks/queue-100k.txt; asserts only that pages come back right.
/// </summary>
public sealed class QueueBenchmarkTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    private const int Pending = 100_000;

    [Fact]
    public async Task Queue_page_time_with_100000_pending_items()
    {
        // Note: references are given here because the default lpad(seq, 5) truncates past 99,999
        // (AS-2026-100000 would become AS-2026-10000, a duplicate) — reported to the lead.
        await using (var db = database.CreateDbContext())
        {
            db.Database.SetCommandTimeout(300);
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "Submissions" ("Reference", "Channel", "Kind", "Status", "Language", "Text", "ReceivedAt", "UpdatedAt", "MayNameReporter", "Urgent", "SuggestedCategory", "SuggestedRegion")
                SELECT 'AS-2026-B' || lpad(g::text, 6, '0'), CASE WHEN g % 3 = 0 THEN 'Email' ELSE 'Telegram' END, 'Report', 'Pending', CASE WHEN g % 4 = 0 THEN 'kk' ELSE 'ru' END,
                       'Сообщение ' || g || ': в редакции прошёл обыск, журналиста вызвали на допрос, изъяли технику и документы.',
                       now() - (g || ' minutes')::interval, now(), false, g % 50 = 0,
                       CASE WHEN g % 5 = 0 THEN 'detention' ELSE 'lawsuit' END, CASE WHEN g % 7 = 0 THEN 'almaty_city' ELSE 'west_kazakhstan' END
                FROM generate_series(1, {Pending}) g
                """);
            // Every fifth block of four items is a cluster named after its first member.
            await db.Database.ExecuteSqlRawAsync("""
                WITH first AS (SELECT min("Id") AS m FROM "Submissions")
                UPDATE "Submissions" s SET "ClusterId" = first.m + ((s."Id" - first.m) / 4) * 4
                FROM first WHERE ((s."Id" - first.m) / 4) % 5 = 0
                """);
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Submissions\"");
        }

        using var app = new AdminApp(database);
        var seed = new ModerationSeed(app);
        var (browser, _) = await seed.BrowserAsync(Roles.Monitor);
        var middle = await seed.WithDbAsync(db => db.Submissions.AsNoTracking().Where(s => !s.Urgent).OrderBy(s => s.ReceivedAt).ThenBy(s => s.Id)
            .Skip(Pending / 2).Select(s => new { s.ReceivedAt, s.Id }).FirstAsync());
        var deep = ApiConventions.EncodeCursor(false, middle.ReceivedAt.UtcTicks, middle.Id);

        var lines = new List<string> { $"Queue page server time, {Pending:N0} pending items ({Environment.ProcessorCount} cores), in-process HTTP incl. rendering:" };
        foreach (var (name, url) in new[]
        {
            ("first page", "/queue"),
            ("page in the middle (keyset)", "/queue?cursor=" + deep),
            ("filtered: email, kk, detention", "/queue?channel=Email&language=kk&category=detention"),
            ("filtered: region, older than 30 days", "/queue?region=almaty_city&age=30"),
        })
        {
            for (var i = 0; i < 5; i++)
            {
                (await browser.GetAsync(url)).EnsureSuccessStatusCode();
            }

            var times = new List<double>();
            for (var i = 0; i < 60; i++)
            {
                var watch = Stopwatch.StartNew();
                var response = await browser.GetAsync(url);
                var html = await response.Content.ReadAsStringAsync();
                times.Add(watch.Elapsed.TotalMilliseconds);
                Assert.Contains("class=\"group", html, StringComparison.Ordinal);
            }

            times.Sort();
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {name,-40} p50 {times[times.Count / 2],6:F1} ms   p95 {times[(int)(times.Count * 0.95)],6:F1} ms   max {times[^1],6:F1} ms"));
        }

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        await File.WriteAllLinesAsync(Path.Combine(Artifacts.Folder("benchmarks"), "queue-100k.txt"), lines);
    }
}
