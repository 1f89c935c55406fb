using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;

namespace AdilSoz.Intake.Tests.Moderation;

/// <summary>
/// Response targets (4 hours for an urgent report, 72 for any, by default): a report past its target with no
/// human response is marked overdue and comes first in the queue; a question, a decision or an assignment is
/// its first response, recorded on it; the dashboard counts the overdue ones and shows the time to first response.
/// </summary>
public sealed partial class ResponseTargetTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly AdminApp _app;
    private readonly ModerationSeed _seed;

    public ResponseTargetTests(PostgresDatabase database)
    {
        _app = new AdminApp(database);
        _seed = new ModerationSeed(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_urgent_report_older_than_its_target_is_overdue_and_comes_first_until_someone_responds()
    {
        var now = DateTimeOffset.UtcNow;
        var reporter = await _seed.ReporterAsync("ru");
        var freshUrgent = await _seed.ReportAsync("Срочно: у суда задержали корреспондента.", urgent: true, receivedAt: now.AddHours(-1));
        var lateUrgent = await _seed.ReportAsync("Срочно: полиция изъяла камеру у оператора.", reporter, urgent: true, receivedAt: now.AddHours(-5));
        var fresh = await _seed.ReportAsync("Акимат не ответил на запрос редакции.", receivedAt: now.AddHours(-2));
        var late = await _seed.ReportAsync("Редакции отказали в аккредитации на сессию.", receivedAt: now.AddHours(-80));
        var (browser, email) = await _seed.BrowserAsync(Roles.Monitor);

        var html = await browser.GetStringAsync("/queue");
        Assert.Equal([lateUrgent.Id, late.Id, freshUrgent.Id, fresh.Id], Cards(html).Select(c => c.Id));
        Assert.Equal([true, true, false, false], Cards(html).Select(c => c.Overdue));
        Assert.Contains("<b>2</b> past the response target", html, StringComparison.Ordinal);

        var dashboard = await browser.GetStringAsync("/dashboard");
        Assert.Contains("Past the target now: <b>2</b>", dashboard, StringComparison.Ordinal);

        // A question to the reporter is the first response: recorded, and the report is no longer overdue.
        var asked = await ModerationSeed.PostFormAsync(browser, $"/submissions/{lateUrgent.Id}", "Ask",
            new() { ["Question"] = "Где это случилось?" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, asked.StatusCode);
        var responded = await _seed.ReloadAsync(lateUrgent.Id);
        Assert.NotNull(responded.FirstResponseAt);

        // Taking the other one is a response too.
        await ModerationSeed.PostFormAsync(browser, $"/submissions/{late.Id}", "Assign", new() { ["Assignee"] = email });
        Assert.NotNull((await _seed.ReloadAsync(late.Id)).FirstResponseAt);
        html = await browser.GetStringAsync("/queue");
        // The asked one waits for the answer; the rest in the usual order, urgent first, then oldest.
        Assert.Equal([(freshUrgent.Id, false), (late.Id, false), (fresh.Id, false)], Cards(html));

        // The dashboard: nothing overdue, and this month's first responses (about 5 and 80 hours after the reports came in).
        dashboard = await browser.GetStringAsync("/dashboard");
        Assert.Contains("Past the target now: <b>0</b>", dashboard, StringComparison.Ordinal);
        var rows = ResponseRow().Matches(dashboard).ToList();
        Assert.Equal(2, rows.Sum(r => int.Parse(r.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
        if (rows.Count == 1)
        {
            // Both came in this month (early in a month the older one belongs to the month before).
            var (median, p90) = (double.Parse(rows[0].Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(rows[0].Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.InRange(median, 42, 43);
            Assert.InRange(p90, 72, 73);
        }
    }

    /// <summary>The queue's cards in order: the item each opens and whether it carries the overdue badge.</summary>
    private static List<(long Id, bool Overdue)> Cards(string html) =>
        [.. CardRegex().Matches(html).Select(m => (long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            m.Groups[1].Value.Contains("overdue", StringComparison.Ordinal)))];

    [GeneratedRegex("<li class=\"group([^\"]*)\">\\s*<input[^>]*>\\s*<a class=\"open\" href=\"/submissions/(\\d+)\"")]
    private static partial Regex CardRegex();

    [GeneratedRegex("<tr><td>(\\d{4}-\\d{2})</td><td>(\\d+)</td><td>([\\d.]+)</td><td>([\\d.]+)</td></tr>")]
    private static partial Regex ResponseRow();
}
