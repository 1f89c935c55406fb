using System.Net;
using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Moderation;

public sealed class ModerationPagesTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly AdminApp _app;
    private readonly ModerationSeed _seed;

    public ModerationPagesTests(PostgresDatabase database)
    {
        _app = new AdminApp(database);
        _seed = new ModerationSeed(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_queue_groups_a_cluster_under_its_first_item_and_puts_urgent_ones_first()
    {
        // Within the 72-hour response target: a report past it would come before the urgent one (see ResponseTargetTests).
        var old = await _seed.ReportAsync("Старое сообщение о суде", receivedAt: DateTimeOffset.UtcNow.AddHours(-60), category: "lawsuit", channel: Channel.Email);
        var twin = await _seed.ReportAsync("Похожее на старое сообщение о суде", receivedAt: DateTimeOffset.UtcNow.AddDays(-2), category: "lawsuit");
        await _seed.ClusterAsync(old, twin);
        var urgent = await _seed.ReportAsync("Срочно: задержали оператора", urgent: true, receivedAt: DateTimeOffset.UtcNow.AddMinutes(-5));
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);
        var html = await browser.GetStringAsync("/queue");
        var urgentAt = html.IndexOf(urgent.Reference, StringComparison.Ordinal);
        var oldAt = html.IndexOf(old.Reference, StringComparison.Ordinal);
        Assert.True(urgentAt > 0 && oldAt > urgentAt, "the urgent item comes first");
        Assert.Contains("1 similar", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(twin.Reference, StringComparison.Ordinal) > oldAt, "the twin is listed under its cluster");

        var email = await browser.GetStringAsync("/queue?channel=Email");
        Assert.Contains(old.Reference, email, StringComparison.Ordinal);
        Assert.DoesNotContain(urgent.Reference, email, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_the_text_encoded_and_the_cluster_reason()
    {
        var a = await _seed.ReportAsync("<script>alert('x')</script><b>жирный</b>");
        var b = await _seed.ReportAsync("Второе сообщение");
        await _seed.ClusterAsync(a, b);
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);
        var html = await browser.GetStringAsync($"/submissions/{a.Id}");
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains($"same photo; names: Ахмедьяров; Уральск ({b.Id})", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_an_item_holds_it_others_see_who_and_may_take_it_over_which_is_audited()
    {
        var s = await _seed.ReportAsync("Удержание");
        var (first, firstEmail) = await _seed.BrowserAsync(Roles.Monitor);
        await first.GetStringAsync($"/submissions/{s.Id}");
        var (second, secondEmail) = await _seed.BrowserAsync(Roles.Monitor);
        var seen = await second.GetStringAsync($"/submissions/{s.Id}");
        Assert.Contains($"Held by <b>{firstEmail}</b>", seen, StringComparison.Ordinal);
        Assert.Contains("Held by", await second.GetStringAsync("/queue"), StringComparison.Ordinal);

        var refused = await ModerationSeed.PostFormAsync(second, $"/submissions/{s.Id}", "Reject", new() { ["Reason"] = "Spam" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(SubmissionStatus.Pending, (await _seed.ReloadAsync(s.Id)).Status);

        var taken = await ModerationSeed.PostFormAsync(second, $"/submissions/{s.Id}", "TakeOver", []);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(secondEmail, (await _seed.ReloadAsync(s.Id)).ClaimedBy);
        var audit = await second.GetStringAsync($"/audit?submission={s.Id}");
        Assert.Contains("took over", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attach_to_incident_finds_by_words_the_incidents_the_registry_finds()
    {
        var detained = await _seed.IncidentAsync("Журналиста Квазимодова задержали у здания суда", new DateOnly(2020, 3, 2));
        await _seed.IncidentAsync("Журналисту отказали в аккредитации", new DateOnly(2020, 3, 3));
        var s = await _seed.ReportAsync("Сообщение без даты");
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);

        // Other forms than the title's ("задержанный", not "задержали"): found by their stems, as in the registry.
        var words = Uri.EscapeDataString("задержанный журналист Квазимодова");
        var registry = Regex.Matches(await browser.GetStringAsync($"/incidents?q={words}"), "href=\"/incidents/(\\d+)\"")
            .Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var attach = Regex.Matches(await browser.GetStringAsync($"/submissions/{s.Id}?q={words}"), "name=\"IncidentId\" value=\"(\\d+)\"")
            .Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal([detained], registry);
        Assert.Equal(registry, attach);
    }

    [Fact]
    public async Task A_monitor_approves_one_item_into_a_new_incident_then_attaches_its_duplicate_to_it()
    {
        var reporter = await _seed.ReporterAsync("ru");
        var a = await _seed.ReportAsync("Избили журналиста в Уральске", reporter);
        var b = await _seed.ReportAsync("В Уральске напали на журналиста", channel: Channel.Email);
        await _seed.ClusterAsync(a, b);
        var (browser, email) = await _seed.BrowserAsync(Roles.Monitor);

        var page = await browser.GetStringAsync($"/submissions/{a.Id}");
        Assert.Contains("value=\"Избили журналиста в Уральске\"", page, StringComparison.Ordinal);
        var approve = await ModerationSeed.PostFormAsync(browser, $"/submissions/{a.Id}", "Approve", new()
        {
            ["Incident.Title"] = "Нападение на журналиста в Уральске", ["Incident.OccurredOn"] = "2026-11-20", ["Incident.Region"] = "west_kazakhstan",
            ["Incident.Category"] = "detention", ["Incident.Settlement"] = "Уральск", ["Incident.Victims"] = "А. Иванов\nБ. Петров", ["Incident.Summary"] = "Кратко",
        });
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        var approved = await _seed.ReloadAsync(a.Id);
        Assert.Equal(SubmissionStatus.Approved, approved.Status);
        Assert.Null(approved.ClaimedBy);
        var victims = await _seed.WithDbAsync(db => db.Incidents.AsNoTracking().Where(i => i.Id == approved.IncidentId).Select(i => i.Victims).SingleAsync());
        Assert.Equal(["А. Иванов", "Б. Петров"], victims.Select(v => v.Name));
        Assert.Equal(OutboundKind.Decision, Assert.Single(await _seed.OutboundAsync(a.Id)).Kind);

        var twin = await browser.GetStringAsync($"/submissions/{b.Id}");
        Assert.Contains($"value=\"{approved.IncidentId}\" checked", twin, StringComparison.Ordinal);
        var attach = await ModerationSeed.PostFormAsync(browser, $"/submissions/{b.Id}", "Attach", new() { ["IncidentId"] = approved.IncidentId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, attach.StatusCode);
        Assert.Equal(approved.IncidentId, (await _seed.ReloadAsync(b.Id)).IncidentId);

        var history = await browser.GetStringAsync($"/submissions/{a.Id}");
        Assert.Contains($"<b>{email}</b> approved", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_incident_form_is_shown_again_with_the_problem_and_nothing_changes()
    {
        var s = await _seed.ReportAsync("Без даты");
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);
        var response = await ModerationSeed.PostFormAsync(browser, $"/submissions/{s.Id}", "Approve", new() { ["Incident.Title"] = "", ["Incident.OccurredOn"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A title is required.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Pending, (await _seed.ReloadAsync(s.Id)).Status);
    }

    [Fact]
    public async Task Rejecting_with_a_message_tells_the_reporter_with_the_reason_and_the_message()
    {
        var reporter = await _seed.ReporterAsync("en", Channel.Email);
        var s = await _seed.ReportAsync("Buy cheap watches", reporter, language: "en");
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);
        var response = await ModerationSeed.PostFormAsync(browser, $"/submissions/{s.Id}", "Reject", new() { ["Reason"] = "Insufficient", ["Note"] = "Please tell us the city." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = Assert.Single(await _seed.OutboundAsync(s.Id));
        Assert.Equal((Channel.Email, OutboundStatus.Queued), (message.Channel, message.Status));
        Assert.Contains("not enough information", message.Body, StringComparison.Ordinal);
        Assert.Contains("Please tell us the city.", message.Body, StringComparison.Ordinal);
        Assert.StartsWith($"[{s.Reference}]", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_waits_for_the_reporter_and_their_answer_brings_the_item_back_to_the_queue()
    {
        var reporter = await _seed.ReporterAsync("kk");
        var s = await _seed.ReportAsync("Редакцияға тінту жүргізілді", reporter, language: "kk");
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);
        var asked = await ModerationSeed.PostFormAsync(browser, $"/submissions/{s.Id}", "Ask", new() { ["Question"] = "Қай қалада болды?" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var question = Assert.Single(await _seed.OutboundAsync(s.Id));
        Assert.Equal((OutboundKind.Question, OutboundStatus.Queued, Channel.Telegram), (question.Kind, question.Status, question.Channel));
        Assert.Contains("Қай қалада болды?", question.Body, StringComparison.Ordinal);
        Assert.Contains(s.Reference, question.Body, StringComparison.Ordinal);
        Assert.Contains("Waiting for the reporter", await browser.GetStringAsync($"/submissions/{s.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain(s.Reference, await browser.GetStringAsync("/queue"), StringComparison.Ordinal);

        await _seed.ReportAsync("Оралда", reporter, parentId: s.Id, kind: SubmissionKind.Followup, language: "kk", receivedAt: DateTimeOffset.UtcNow.AddSeconds(1));
        var queue = await browser.GetStringAsync("/queue");
        Assert.Contains(s.Reference, queue, StringComparison.Ordinal);
        Assert.Contains("1 new answers", queue, StringComparison.Ordinal);
        var page = await browser.GetStringAsync($"/submissions/{s.Id}");
        Assert.DoesNotContain("Waiting for the reporter", page, StringComparison.Ordinal);
        Assert.Contains("Оралда", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_reporter_cannot_be_asked()
    {
        var s = await _seed.ReportAsync("Аноним");
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);
        var response = await ModerationSeed.PostFormAsync(browser, $"/submissions/{s.Id}", "Ask", new() { ["Question"] = "Где?" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _seed.OutboundAsync(s.Id));
    }

    [Fact]
    public async Task Splitting_the_first_item_out_leaves_the_others_clustered()
    {
        var a = await _seed.ReportAsync("Первое");
        var b = await _seed.ReportAsync("Второе");
        var c = await _seed.ReportAsync("Третье");
        await _seed.ClusterAsync(a, b, c);
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);
        var response = await ModerationSeed.PostFormAsync(browser, $"/submissions/{a.Id}", "Split", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await _seed.ReloadAsync(a.Id)).ClusterId);
        Assert.Equal(b.Id, (await _seed.ReloadAsync(b.Id)).ClusterId);
        Assert.Equal(b.Id, (await _seed.ReloadAsync(c.Id)).ClusterId);
        Assert.Contains("split out of the cluster", await browser.GetStringAsync("/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_a_whole_cluster_from_the_page_takes_every_pending_member()
    {
        var a = await _seed.ReportAsync("Один");
        var b = await _seed.ReportAsync("Два");
        await _seed.ClusterAsync(a, b);
        var (browser, _) = await _seed.BrowserAsync(Roles.Editor);
        var response = await ModerationSeed.PostFormAsync(browser, $"/submissions/{a.Id}", "Approve", new()
        {
            ["Incident.Title"] = "Событие", ["Incident.OccurredOn"] = "2026-11-01", ["WholeCluster"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SubmissionStatus.Approved, (await _seed.ReloadAsync(b.Id)).Status);
        Assert.Equal((await _seed.ReloadAsync(a.Id)).IncidentId, (await _seed.ReloadAsync(b.Id)).IncidentId);
    }

    [Theory]
    [InlineData(Roles.Admin, true, true)]
    [InlineData(Roles.Admin, false, false)]
    [InlineData(Roles.Monitor, true, false)]
    [InlineData(Roles.Editor, true, false)]
    public async Task The_reporter_is_named_only_to_admins_and_only_with_consent(string role, bool mayName, bool shown)
    {
        var s = await _seed.ReportAsync("Именной", await _seed.ReporterAsync(name: "Данияр Сапаров"), mayName: mayName);
        var (browser, _) = await _seed.BrowserAsync(role);
        var html = await browser.GetStringAsync($"/submissions/{s.Id}");

        // Nobody sees the name on opening the page; an Admin, with the reporter's consent, is offered to reveal it with a reason.
        Assert.DoesNotContain("Данияр Сапаров", html, StringComparison.Ordinal);
        Assert.Equal(shown, html.Contains("handler=Reveal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Images_are_shown_inline_and_other_files_only_downloaded()
    {
        var s = await _seed.ReportAsync("С файлами");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3], pdf = "%PDF-1.4 test"u8.ToArray(), svg = "<svg onload=alert(1)/>"u8.ToArray();
        var ids = await _seed.WithDbAsync(async db =>
        {
            var list = new List<long>();
            foreach (var (bytes, name, type) in new[] { (png, "photo.png", "image/png"), (pdf, "../../etc/passwd.pdf", "application/pdf"), (svg, "x.svg", "image/svg+xml") })
            {
                var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
                if (!await db.Blobs.AnyAsync(x => x.Sha256 == sha))
                {
                    db.Blobs.Add(new Blob { Sha256 = sha, Bytes = bytes, Size = bytes.Length, CreatedAt = DateTimeOffset.UtcNow });
                }

                var a = new SubmissionAttachment { SubmissionId = s.Id, FileName = name, ContentType = type, Size = bytes.Length, Sha256 = sha, Status = AttachmentStatus.Stored };
                db.Attachments.Add(a);
                await db.SaveChangesAsync();
                list.Add(a.Id);
            }

            return list;
        });
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);
        var page = await browser.GetStringAsync($"/submissions/{s.Id}");
        Assert.Contains($"<img class=\"thumb\" src=\"/attachments/{ids[0]}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"src=\"/attachments/{ids[2]}\"", page, StringComparison.Ordinal);

        var image = await browser.GetAsync($"/attachments/{ids[0]}");
        Assert.Equal(("image/png", "inline"), (image.Content.Headers.ContentType?.MediaType, image.Content.Headers.ContentDisposition?.DispositionType));
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
        var document = await browser.GetAsync($"/attachments/{ids[1]}");
        Assert.Equal("attachment", document.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("passwd.pdf", document.Content.Headers.ContentDisposition?.FileNameStar ?? document.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var drawing = await browser.GetAsync($"/attachments/{ids[2]}");
        Assert.Equal(("application/octet-stream", "attachment"), (drawing.Content.Headers.ContentType?.MediaType, drawing.Content.Headers.ContentDisposition?.DispositionType));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/attachments/987654321")).StatusCode);
    }

    [Theory]
    [InlineData("kk", "Кезек")]
    [InlineData("ru", "Очередь")]
    [InlineData("en", "Queue")]
    public async Task The_queue_speaks_the_chosen_language(string lang, string title)
    {
        var (browser, _) = await _seed.BrowserAsync(Roles.Monitor);
        var html = await browser.GetStringAsync($"/queue?lang={lang}");
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
    }
}
