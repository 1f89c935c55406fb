using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Tests.Moderation;

public sealed class QueueQueryTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly AdminApp _app;
    private readonly ModerationSeed _seed;

    public QueueQueryTests(PostgresDatabase database)
    {
        _app = new AdminApp(database);
        _seed = new ModerationSeed(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Keyset_pages_list_every_cluster_once_urgent_first_then_oldest_and_leave_out_items_waiting_for_an_answer()
    {
        var random = new Random(6);
        var start = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var items = new List<Submission>();
        for (var i = 0; i < 150; i++)
        {
            // Coarse times so several items share a timestamp and the id decides.
            items.Add(new Submission
            {
                Channel = random.Next(3) == 0 ? Channel.Email : Channel.Telegram, Status = i % 17 == 0 ? SubmissionStatus.Approved : SubmissionStatus.Pending,
                Text = $"item {i}", ReceivedAt = start.AddHours(random.Next(40)), UpdatedAt = start, Urgent = random.Next(5) == 0,
            });
        }

        await _seed.WithDbAsync(async db =>
        {
            db.Submissions.AddRange(items);
            await db.SaveChangesAsync();
            // Clusters of two or three neighbours; some items wait for the reporter.
            for (var i = 0; i + 2 < items.Count; i += 7)
            {
                var members = items.Skip(i).Take(random.Next(2, 4)).ToList();
                members.ForEach(m => m.ClusterId = members[0].Id);
            }

            foreach (var w in items.Where((_, i) => i % 11 == 5))
            {
                db.OutboundMessages.Add(new OutboundMessage
                {
                    IdempotencyKey = $"question:{w.Id}:t", Channel = w.Channel, Kind = OutboundKind.Question, SubmissionId = w.Id, CreatedAt = start.AddDays(5),
                });
            }

            return await db.SaveChangesAsync();
        });

        var waiting = items.Where((_, i) => i % 11 == 5).Select(w => w.Id).ToHashSet();
        var visible = items.Where(s => s.Status == SubmissionStatus.Pending && !waiting.Contains(s.Id)).ToList();
        var expected = visible.GroupBy(s => s.ClusterId ?? -s.Id)
            .Select(g => g.OrderByDescending(s => s.Urgent).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Id).First())
            .OrderByDescending(s => s.Urgent).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Id)
            .Select(s => s.Id).ToList();

        var seen = new List<long>();
        var members = 0;
        string? cursor = null;
        await using var scope = _app.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<QueueQuery>();
        do
        {
            var page = await queue.PageAsync(new QueueFilter(), cursor, 7, CancellationToken.None);
            Assert.True(page.Groups.Count <= 7);
            seen.AddRange(page.Groups.Select(g => g.Lead.Id));
            members += page.Groups.Sum(g => 1 + g.Others.Count);
            cursor = page.Next;
        }
        while (cursor is not null && seen.Count < 1000);

        Assert.Equal(expected, seen);
        Assert.True(members >= visible.Count, "every visible item appears in its group");

        var counts = await queue.CountsAsync(CancellationToken.None);
        Assert.Equal(items.Count(s => s.Status == SubmissionStatus.Pending), counts.Pending);
        Assert.Equal(items.Count(s => s.Status == SubmissionStatus.Pending && s.Urgent), counts.Urgent);
    }

    [Fact]
    public async Task A_malformed_cursor_is_refused()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<QueueQuery>();
        await Assert.ThrowsAsync<FormatException>(() => queue.PageAsync(new QueueFilter(), "bm90LWpzb24", 10, CancellationToken.None));
        var (browser, _) = await _seed.BrowserAsync(AdilSoz.Intake.Core.Security.Roles.Monitor);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await browser.GetAsync("/queue?cursor=WzEsMl0")).StatusCode);
    }
}
