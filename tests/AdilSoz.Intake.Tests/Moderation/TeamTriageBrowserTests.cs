using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Mail;
using AdilSoz.Intake.Worker.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace AdilSoz.Intake.Tests.Moderation;

/// <summary>
/// The monitors as a team, in Debian's Chromium against the Admin on a real loopback port: a new monitor opens
/// a report from the queue, hands it to a colleague, who finds it under "Assigned to me" and has a mail. What
/// the outbox holds is sent by the Worker's own sender to a real SMTP server and a Bot API stand-in.
/// </summary>
public sealed partial class TeamTriageBrowserTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly PostgresDatabase _database;
    private readonly AdminApp _app;
    private readonly ModerationSeed _seed;
    private readonly SmtpCapture _smtp = new();
    private readonly int _port = FreePort();
    private BotApiStandIn? _telegram;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public TeamTriageBrowserTests(PostgresDatabase database)
    {
        _database = database;
        _app = new AdminApp(database, settings: new Dictionary<string, string> { ["Moderation:AdminUrl"] = BaseUrl });
        _seed = new ModerationSeed(_app);
    }

    private string BaseUrl => $"http://127.0.0.1:{_port}";

    public async Task InitializeAsync()
    {
        await _smtp.InitializeAsync();
        _telegram = await BotApiStandIn.StartAsync();
        _app.UseKestrel(o => o.Listen(IPAddress.Loopback, _port));
        _app.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
        if (_telegram is not null)
        {
            await _telegram.DisposeAsync();
        }

        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_new_monitor_opens_a_report_by_clicking_its_subject_its_text_or_with_the_keyboard()
    {
        var report = await _seed.ReportAsync("Журналиста «Ак Жайык» не пустили на сессию маслихата, сославшись на нехватку мест.");
        await _seed.WithDbAsync(db => db.Submissions.Where(s => s.Id == report.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Subject, "Не пустили на сессию маслихата")));
        var page = await LogInAsync(await _app.CreateUserAsync(Roles.Monitor));
        var card = $"li.group:has(a.open[href='/submissions/{report.Id}'])";

        // Where a user clicks: on the subject's words (Playwright's own click refuses an element another one covers).
        await ClickOnAsync(page, $"{card} .subject");
        await page.WaitForURLAsync($"**/submissions/{report.Id}");

        await page.GotoAsync(BaseUrl + "/queue");
        await ClickOnAsync(page, $"{card} .preview");
        await page.WaitForURLAsync($"**/submissions/{report.Id}");

        // With the keyboard: Tab reaches the card's link, the focused card is outlined, Enter opens it.
        await page.GotoAsync(BaseUrl + "/queue");
        var link = page.Locator($"a.open[href='/submissions/{report.Id}']");
        await Poll.UntilAsync(async () =>
        {
            await page.Keyboard.PressAsync("Tab");
            return await link.EvaluateAsync<bool>("a => document.activeElement === a");
        }, focused => focused, TimeSpan.FromSeconds(60), what: "Tab reaching the card's link");
        var outline = await link.EvaluateAsync<string>("a => getComputedStyle(a, '::after').outlineStyle");
        Assert.Equal("solid", outline);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/submissions/{report.Id}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_monitor_assigns_a_report_to_a_colleague_who_finds_it_under_Assigned_to_me_and_has_a_mail_without_the_reporter()
    {
        var reporter = await _seed.ReporterAsync("ru", name: "Болат Сапаров");
        var report = await _seed.ReportAsync("В Атырау у редактора «Жайык Пресс» изъяли ноутбук при обыске.", reporter, mayName: true);
        var other = await _seed.ReportAsync("Акимат не ответил на запрос газеты о бюджете.");
        var colleague = await _app.CreateUserAsync(Roles.Monitor);
        var monitor = await _app.CreateUserAsync(Roles.Monitor);

        var page = await LogInAsync(monitor);
        await page.GotoAsync($"{BaseUrl}/submissions/{report.Id}");
        await page.SelectOptionAsync("form.assign select[name=Assignee]", colleague);
        await page.ClickAsync("form.assign button:has-text('Assign')");
        await page.WaitForSelectorAsync(".flash");
        Assert.Equal(colleague, await page.InnerTextAsync(".assignment b.assignee"));
        await page.Context.CloseAsync();

        // The colleague has a mail with the reference and a link, nothing of the report or its reporter.
        var mail = Assert.Single(await SendOutboxToAsync(colleague));
        var body = mail.TextBody;
        Assert.Contains(report.Reference, mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"{BaseUrl}/submissions/{report.Id}", body, StringComparison.Ordinal);
        Assert.Contains(monitor, body, StringComparison.Ordinal);
        foreach (var secret in new[] { "Атырау", "ноутбук", "Жайык", "Болат", "Сапаров" })
        {
            Assert.DoesNotContain(secret, mail.Subject + body, StringComparison.Ordinal);
        }

        // The colleague follows the link from the mail, then finds the report under "Assigned to me".
        var theirs = await LogInAsync(colleague);
        await theirs.GotoAsync($"{BaseUrl}/submissions/{report.Id}");
        Assert.Equal("you", await theirs.InnerTextAsync(".assignment b.assignee"));
        await theirs.GotoAsync(BaseUrl + "/queue");
        await theirs.ClickAsync("nav.views a:has-text('Assigned to me')");
        await theirs.WaitForURLAsync("**/queue?assigned=me");
        Assert.Equal(1, await theirs.Locator($"a.open[href='/submissions/{report.Id}']").CountAsync());
        Assert.Equal(0, await theirs.Locator($"a.open[href='/submissions/{other.Id}']").CountAsync());
        await theirs.ClickAsync("nav.views a:has-text('Unassigned')");
        await theirs.WaitForURLAsync("**/queue?assigned=none");
        Assert.Equal(0, await theirs.Locator($"a.open[href='/submissions/{report.Id}']").CountAsync());
        Assert.Equal(1, await theirs.Locator($"a.open[href='/submissions/{other.Id}']").CountAsync());

        // Taking it with one click, then giving it back to nobody: three entries in the audit log.
        await theirs.GotoAsync($"{BaseUrl}/submissions/{other.Id}");
        await theirs.ClickAsync("button.assign-me");
        await theirs.WaitForSelectorAsync(".flash");
        Assert.Equal("you", await theirs.InnerTextAsync(".assignment b.assignee"));
        await theirs.SelectOptionAsync("form.assign select[name=Assignee]", "");
        await theirs.ClickAsync("form.assign button:has-text('Assign')");
        await theirs.WaitForSelectorAsync(".flash");
        Assert.Equal("nobody", await theirs.InnerTextAsync(".assignment b.assignee"));
        await theirs.Context.CloseAsync();

        var audit = await _seed.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "submission" && (a.EntityId == report.Id || a.EntityId == other.Id) && a.Action.Contains("assign"))
            .OrderBy(a => a.Id).Select(a => new { a.Actor, a.Action, a.EntityId }).ToListAsync());
        Assert.Equal(
            [new { Actor = monitor, Action = "assign", EntityId = (long?)report.Id }, new { Actor = colleague, Action = "assign", EntityId = (long?)other.Id },
                new { Actor = colleague, Action = "unassign", EntityId = (long?)other.Id }],
            audit);

        // Nobody is mailed about work they took themselves.
        Assert.DoesNotContain(await SendOutboxToAsync(colleague), m => m.Subject?.Contains(other.Reference, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_note_mentions_a_colleague_who_gets_a_mail_and_never_reaches_the_reporter_a_mail_an_export_or_the_report()
    {
        const string Secret = "NOTE-SECRET-7731";
        var telegramReporter = await _seed.ReporterAsync("ru", name: "Дана Телеграмова");
        var mailReporter = await _seed.ReporterAsync("ru", Channel.Email, name: "Марат Почтов");
        var report = await _seed.ReportAsync("В Уральске задержали оператора телеканала во время съёмки пикета.", telegramReporter);
        var mailed = await _seed.ReportAsync("Редакции пришло письмо из акимата с угрозой иска.", mailReporter, channel: Channel.Email);
        var incidentTitle = "Задержание оператора в Уральске " + Guid.NewGuid().ToString("N")[..6];
        var incidentId = await _seed.IncidentAsync(incidentTitle, new DateOnly(2021, 2, 10));
        // Public and told, so the monthly report of February 2021 names it.
        await _seed.WithDbAsync(db => db.Incidents.Where(i => i.Id == incidentId).ExecuteUpdateAsync(u => u
            .SetProperty(i => i.IsPublic, true).SetProperty(i => i.Narrative, "Оператора задержали на два часа и отпустили без протокола.")));
        var colleague = await _app.CreateUserAsync(Roles.Monitor, email: $"aigerim{Guid.NewGuid():N}"[..16] + "@adilsoz.test");
        var handle = colleague.Split('@')[0];
        var monitor = await _app.CreateUserAsync(Roles.Monitor);
        var page = await LogInAsync(monitor);

        // A note on the report that mentions the colleague by the first part of their name; its markup stays text.
        await page.GotoAsync($"{BaseUrl}/submissions/{report.Id}");
        await page.FillAsync("textarea[name=NoteText]", $"@{handle}, check with the outlet first: {Secret} <b>not bold</b>");
        await page.ClickAsync("button:has-text('Add the note')");
        await page.WaitForSelectorAsync(".flash");
        var shown = await page.InnerTextAsync("section.notes li.note");
        Assert.Contains($"{Secret} <b>not bold</b>", shown, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("section.notes li.note b:has-text('not bold')").CountAsync());
        Assert.Contains("added a note", await page.InnerTextAsync("section.history"), StringComparison.Ordinal);

        // Staff find the report by the note's words in the queue.
        await page.GotoAsync($"{BaseUrl}/queue?q={Secret}");
        Assert.Equal(1, await page.Locator($"a.open[href='/submissions/{report.Id}']").CountAsync());
        Assert.Equal(0, await page.Locator($"a.open[href='/submissions/{mailed.Id}']").CountAsync());

        // Then the reporters are written to: a question over Telegram, a decision by mail.
        await page.GotoAsync($"{BaseUrl}/submissions/{report.Id}");
        await page.ClickAsync("summary:has-text('Ask the reporter')");
        await page.FillAsync("textarea[name=Question]", "Which channel do you work for?");
        await page.ClickAsync("button:has-text('Send the question')");
        await page.WaitForSelectorAsync(".flash");
        await page.GotoAsync($"{BaseUrl}/submissions/{mailed.Id}");
        await page.FillAsync("textarea[name=NoteText]", $"Same source as before, {Secret}.");
        await page.ClickAsync("button:has-text('Add the note')");
        await page.WaitForSelectorAsync(".flash");
        await page.ClickAsync("summary:has-text('Reject')");
        await page.CheckAsync("input[name=Reason][value=OutOfScope]");
        await page.FillAsync("details[open] textarea[name=Note]", "Это не относится к свободе слова.");
        await page.ClickAsync("button.danger");
        await page.WaitForSelectorAsync(".flash");

        // A note on the incident, found by the registry's search.
        await page.GotoAsync($"{BaseUrl}/incidents/{incidentId}");
        await page.FillAsync("textarea[name=NoteText]", $"Lawyer's view pending. {Secret}");
        await page.ClickAsync("button:has-text('Add the note')");
        await page.WaitForSelectorAsync(".flash");
        Assert.Contains(Secret, await page.InnerTextAsync("section.notes"), StringComparison.Ordinal);
        await page.GotoAsync($"{BaseUrl}/incidents?q={Secret}");
        Assert.Equal(1, await page.Locator($"table.incidents a[href='/incidents/{incidentId}']").CountAsync());

        // Exports and the monthly report have the incident, never the note.
        foreach (var url in new[] { "/incidents?handler=Csv", "/incidents?handler=Xlsx", "/reports/2021-02.docx?lang=ru" })
        {
            var response = await page.Context.APIRequest.GetAsync(BaseUrl + url);
            Assert.Equal(200, response.Status);
            var text = ReadableText(await response.BodyAsync());
            Assert.Contains(incidentTitle, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("check with the outlet", text, StringComparison.Ordinal);
        }

        await page.Context.CloseAsync();

        // The colleague has a mail with the reference and a link, not the note; the reporters got theirs, without it.
        var sentBefore = _telegram!.Calls("sendMessage").Count;
        var mention = Assert.Single(await SendOutboxToAsync(colleague));
        Assert.Contains(report.Reference, mention.Subject, StringComparison.Ordinal);
        Assert.Contains($"{BaseUrl}/submissions/{report.Id}", mention.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, mention.Subject + mention.TextBody, StringComparison.Ordinal);
        var toReporter = Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address != colleague && !a.Address.EndsWith("@adilsoz.test", StringComparison.Ordinal)));
        Assert.Contains(mailed.Reference, toReporter.Subject, StringComparison.Ordinal);
        var telegramCalls = _telegram.Calls("sendMessage");
        Assert.True(telegramCalls.Count > sentBefore, "The question went out over Telegram.");
        Assert.Contains(telegramCalls, c => c.Body.ToJsonString().Contains("Which channel do you work for?", StringComparison.Ordinal));
        foreach (var m in _smtp.Messages)
        {
            Assert.DoesNotContain(Secret, m.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, m.TextBody ?? "", StringComparison.Ordinal);
        }

        Assert.All(_telegram.Calls(), c => Assert.DoesNotContain(Secret, c.Body.ToJsonString(), StringComparison.Ordinal));
        var outbox = await _seed.WithDbAsync(db => db.OutboundMessages.AsNoTracking().Select(m => (m.Subject ?? "") + m.Body).ToListAsync());
        Assert.All(outbox, body => Assert.DoesNotContain(Secret, body, StringComparison.Ordinal));
    }

    /// <summary>The text of a download: a CSV as it is, a zipped Office file as the XML of all its parts.</summary>
    private static string ReadableText(byte[] bytes)
    {
        if (bytes is not [(byte)'P', (byte)'K', ..])
        {
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var text = new System.Text.StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(System.Net.WebUtility.HtmlDecode(reader.ReadToEnd()));
        }

        return text.ToString();
    }

    /// <summary>Clicks the mouse in the middle of what <paramref name="selector"/> finds, whatever is on top there.</summary>
    private static async Task ClickOnAsync(IPage page, string selector)
    {
        var box = await page.Locator(selector).BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not shown.");
        await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
    }

    /// <summary>A new browser context of a logged-in user, on the queue in English.</summary>
    private async Task<IPage> LogInAsync(string email)
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-US" });
        // The machine running the tests may be busy with other builds: generous waits, no sleeps.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/queue?lang=en");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", AdminApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/queue?lang=en");
        return page;
    }

    /// <summary>
    /// Sends every queued outbound message through the Worker's sender (SMTP capture, Bot API stand-in) and
    /// returns the mails that reached <paramref name="address"/> in this pass.
    /// </summary>
    private async Task<List<MimeMessage>> SendOutboxToAsync(string address)
    {
        var before = _smtp.Messages.Count;
        using var worker = PostgresDatabase.CreateHost(_database.ConnectionString, b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = _telegram!.Token,
                ["Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
                ["Smtp:Host"] = _smtp.Host,
                ["Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["Smtp:From"] = "info@adilsoz.kz",
            });
            b.AddJobServer();
            b.AddPipelineJobs();
            b.AddMailIntake();
        });
        await using var scope = worker.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.IntakeDbContext>();
        var queued = await db.OutboundMessages.AsNoTracking().Where(m => m.Status == OutboundStatus.Queued).Select(m => new { m.Id, m.Channel }).ToListAsync();
        var sender = scope.ServiceProvider.GetRequiredService<Core.Jobs.IOutboundJob>();
        foreach (var m in queued)
        {
            await sender.SendAsync(m.Id, CancellationToken.None);
        }

        var mails = queued.Count(m => m.Channel == Channel.Email);
        var all = mails == 0 ? [] : (await _smtp.WaitForMessagesAsync(before + mails, TimeSpan.FromSeconds(60))).Skip(before);
        return [.. all.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
