using System.Net;
using System.Net.Sockets;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AdilSoz.Intake.Tests.Moderation;

/// <summary>
/// A monitor triages a small queue in Debian's Chromium (headless) against the Admin on a real
/// loopback port; screenshots of the main pages go to artifacts/screenshots/.
/// </summary>
public sealed class ModerationBrowserTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly AdminApp _app;
    private readonly ModerationSeed _seed;
    private readonly List<string> _cspViolations = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = "";

    public ModerationBrowserTests(PostgresDatabase database)
    {
        _app = new AdminApp(database);
        _seed = new ModerationSeed(_app);
    }

    public async Task InitializeAsync()
    {
        var port = FreePort();
        _app.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        _app.StartServer();
        _baseUrl = $"http://127.0.0.1:{port}";
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
    }

    [Fact]
    public async Task A_monitor_triages_the_queue_in_the_browser()
    {
        var ru = await _seed.ReporterAsync("ru", name: "Оператор");
        var kk = await _seed.ReporterAsync("kk");
        var en = await _seed.ReporterAsync("en", Channel.Email);
        var lead = await _seed.ReportAsync("Сегодня в Уральске полиция задержала оператора телеканала «Орал» во время съёмки у акимата.", ru, urgent: true, mayName: true);
        var twin = await _seed.ReportAsync("В Уральске у акимата задержали оператора «Орал» — снимал пикет.", channel: Channel.Email, receivedAt: DateTimeOffset.UtcNow.AddMinutes(-3));
        await _seed.ClusterAsync(lead, twin);
        var spam = await _seed.ReportAsync("Сатып алыңыз! Арзан сағаттар.", kk, language: "kk", category: null, region: null);
        var vague = await _seed.ReportAsync("Our editor got a letter from the akimat. What should we do?", en, language: "en", channel: Channel.Email, category: "pressure", region: null);
        var email = await _app.CreateUserAsync(Roles.Monitor);
        var shots = Artifacts.Folder("screenshots");

        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-US" });
        // The machine running the tests may be busy with other builds: generous waits, no sleeps.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _cspViolations.Add(m.Text);
            }
        };

        // Log in.
        await page.GotoAsync(_baseUrl + "/queue?lang=en");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", AdminApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/queue?lang=en");
        Assert.Equal("Queue", await page.InnerTextAsync("h1"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "queue.png"), FullPage = true });

        // Open the cluster and approve its first report into a new incident.
        await page.ClickAsync($"a.open[href='/submissions/{lead.Id}']");
        await page.WaitForURLAsync($"**/submissions/{lead.Id}");
        var main = await page.InnerTextAsync("main");
        Assert.True(main.Contains("You hold this item until", StringComparison.Ordinal), main);
        Assert.Contains("В Уральске у акимата задержали", await page.InnerTextAsync("section.cluster"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "submission-cluster.png"), FullPage = true });
        await page.FillAsync("input[name='Incident.Title']", "Задержание оператора телеканала «Орал» в Уральске");
        await page.SelectOptionAsync("select[name='Incident.Category']", "detention");
        await page.FillAsync("textarea[name='Incident.Victims']", "Оператор телеканала «Орал»");
        await page.FillAsync("textarea[name='Incident.Outlets']", "Телеканал «Орал»");
        await page.ClickAsync("button:has-text('Create the incident')");
        await page.WaitForSelectorAsync(".flash");
        var approved = await _seed.ReloadAsync(lead.Id);
        Assert.Equal(SubmissionStatus.Approved, approved.Status);

        // Attach its duplicate to the same incident.
        await page.ClickAsync($"section.cluster a[href='/submissions/{twin.Id}']");
        await page.WaitForURLAsync($"**/submissions/{twin.Id}");
        Assert.True(await page.IsCheckedAsync($"input[name=IncidentId][value='{approved.IncidentId}']"));
        await page.ClickAsync("button:has-text('Attach')");
        await page.WaitForSelectorAsync(".flash");
        Assert.Equal(approved.IncidentId, (await _seed.ReloadAsync(twin.Id)).IncidentId);

        // Reject one with a message.
        await page.GotoAsync($"{_baseUrl}/submissions/{spam.Id}");
        await page.ClickAsync("summary:has-text('Reject')");
        await page.CheckAsync("input[name=Reason][value=Spam]");
        await page.FillAsync("details[open] textarea[name=Note]", "Бұл жарнама, қордың жұмысына қатысы жоқ.");
        await page.ClickAsync("button.danger");
        await page.WaitForSelectorAsync(".flash");
        var decision = Assert.Single(await _seed.OutboundAsync(spam.Id));
        Assert.Contains("спам", decision.Body, StringComparison.Ordinal);

        // Ask a question: it is queued to the reporter, the item waits, and comes back with the answer.
        await page.GotoAsync($"{_baseUrl}/submissions/{vague.Id}");
        await page.ClickAsync("summary:has-text('Ask the reporter')");
        await page.FillAsync("textarea[name=Question]", "Which outlet, and in which city?");
        await page.ClickAsync("button:has-text('Send the question')");
        await page.WaitForSelectorAsync(".badge.waiting");
        var question = Assert.Single(await _seed.OutboundAsync(vague.Id));
        Assert.Equal((OutboundKind.Question, OutboundStatus.Queued, Channel.Email), (question.Kind, question.Status, question.Channel));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "submission-waiting.png"), FullPage = true });
        await page.GotoAsync(_baseUrl + "/queue");
        Assert.Equal(0, await page.Locator($"a.open[href='/submissions/{vague.Id}']").CountAsync());
        // The mail adapter files the reply as a follow-up of the report.
        await _seed.ReportAsync("Uralskaya Nedelya, in Uralsk.", en, parentId: vague.Id, kind: SubmissionKind.Followup, language: "en", channel: Channel.Email, receivedAt: DateTimeOffset.UtcNow.AddSeconds(1));
        await page.ReloadAsync();
        Assert.Contains("1 new answers", await page.InnerTextAsync($"li.group:has(a.open[href='/submissions/{vague.Id}'])"), StringComparison.Ordinal);

        // The audit log, the language switch, and the queue on a phone.
        await page.GotoAsync(_baseUrl + "/audit");
        Assert.Contains("asked the reporter", await page.InnerTextAsync("table.audit"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "audit.png"), FullPage = true });
        await page.GotoAsync(_baseUrl + "/queue");
        await page.ClickAsync("nav.langs a[lang=kk]");
        Assert.Equal("Кезек", await page.InnerTextAsync("h1"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "queue-kk.png"), FullPage = true });
        await page.ClickAsync("nav.langs a[lang=ru]");
        Assert.Equal("Очередь", await page.InnerTextAsync("h1"));
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "queue-phone-ru.png"), FullPage = true });
        await page.GotoAsync($"{_baseUrl}/submissions/{vague.Id}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "submission-phone-ru.png"), FullPage = true });

        Assert.Empty(_cspViolations);
        await context.CloseAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
