using System.Text.Json;
using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Language.Reference;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Moderation;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>
/// A reporter uses the web form and the status page in Debian's Chromium with JavaScript off (as in Tor Browser's
/// safest mode), against the public process; the monitors see the report in the Admin site, fed by a Worker's
/// pipeline, and ask a question that the reporter reads and answers with nothing but the reference and the receipt.
/// </summary>
public sealed class WebFormBrowserTests : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly Dictionary<string, string> Limits = new()
    {
        ["Public__MaxFileBytes"] = "100000",
        ["Public__MaxTotalBytes"] = "1000000",
        ["Public__OnionAddress"] = new string('a', 56) + ".onion",
    };

    private static readonly Dictionary<string, string> Titles = new()
    {
        ["kk"] = "Журналистер құқығының бұзылуы туралы хабарлау",
        ["ru"] = "Сообщить о нарушении прав журналистов",
        ["en"] = "Report a violation of journalists' rights",
    };

    private readonly PostgresDatabase _database;
    private readonly AdminApp _admin;
    private PublicProcess _public = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public WebFormBrowserTests(PostgresDatabase database)
    {
        _database = database;
        _admin = new AdminApp(database);
    }

    public async Task InitializeAsync()
    {
        _public = await PublicProcess.StartAsync(_database, Limits);
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
        await _public.DisposeAsync();
        await _admin.DisposeAsync();
    }

    /// <summary>A browser window of a new reporter: JavaScript off, the language of the browser as given.</summary>
    private async Task<IPage> ReporterAsync(string language)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            JavaScriptEnabled = false,
            Locale = language,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            BaseURL = _public.BaseUrl,
        });
        return await context.NewPageAsync();
    }

    private IHost StartWorker()
    {
        var host = PostgresDatabase.CreateHost(_database.ConnectionString, b =>
        {
            b.AddJobServer();
            b.AddPipelineJobs();
        });
        host.Start();
        return host;
    }

    [Fact]
    public async Task A_reporter_in_each_language_sends_a_photo_and_a_pdf_and_the_report_joins_a_mail_about_the_same_event_in_the_queue()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.Submissions.Add(new Submission
            {
                Channel = Channel.Email, Subject = "Задержание в Уральске", ReceivedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                Text = "Сегодня утром на трассе Уральск – Атырау полиция задержала главного редактора «Уральской недели» Лукпана Ахмедьярова, " +
                    "а через час его заместителя Рауля Упорова. Они ехали освещать освобождение Макса Бокаева.",
            });
            await db.SaveChangesAsync();
        }

        var texts = new Dictionary<string, string>
        {
            ["kk"] = "Бүгін таңертең Орал – Атырау тасжолында полиция «Уральская неделя» газетінің бас редакторы Лұқпан Ахмедьяровты ұстады. " +
                "Бір сағаттан кейін оның орынбасары Рауль Упоровты да ұстады.",
            ["ru"] = "Полиция утром задержала на трассе Уральск – Атырау Лукпана Ахмедьярова, главного редактора «Уральской недели». " +
                "Его заместителя Рауля Упорова задержали через час, они ехали освещать освобождение Макса Бокаева.",
            ["en"] = "Police detained Lukpan Akhmedyarov, editor-in-chief of Uralskaya Nedelya, on the Uralsk-Atyrau highway this morning; " +
                "his deputy Raul Uporov was detained an hour later. They were going to cover the release of Maks Bokayev.",
        };
        var region = ReferenceData.Regions.Single(r => r.Code == "west_kazakhstan").Code;
        var references = new Dictionary<string, string>();
        foreach (var (language, text) in texts)
        {
            var page = await ReporterAsync(language);
            await page.GotoAsync("/report");
            Assert.Equal(Titles[language], await page.Locator("h1").InnerTextAsync());
            Assert.Contains("EXIF", await page.Locator("#photo-warning").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(new string('a', 56) + ".onion", await page.Locator("#onion").InnerTextAsync(), StringComparison.Ordinal);
            await page.FillAsync("#Text", text);
            await page.FillAsync("#OccurredOn", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.SelectOptionAsync("#Region", region);
            await page.FillAsync("#Settlement", language == "en" ? "Uralsk" : "Орал");
            await page.CheckAsync("input[name=Affected][value=colleague]");
            await page.FillAsync("#Contact", $"@reporter_{language}_kz");
            await page.SetInputFilesAsync("#Files", new[]
            {
                new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = WebFormPosts.Photo(8192 + language.Length) },
                new FilePayload { Name = "statement.pdf", MimeType = "application/pdf", Buffer = WebFormPosts.Pdf(language) },
            });
            await page.ClickAsync("button[type=submit]");
            var reference = await page.Locator("#reference").InnerTextAsync();
            Assert.Matches(WebFormPosts.ReferenceFormat(), reference);
            Assert.Matches(WebFormPosts.ReceiptFormat(), await page.Locator("#receipt").InnerTextAsync());
            references[language] = reference;
            await page.Context.CloseAsync();
        }

        // The switch between languages is a plain link.
        var switching = await ReporterAsync("en");
        await switching.GotoAsync("/report");
        await switching.ClickAsync("a[hreflang=kk]");
        Assert.Equal(Titles["kk"], await switching.Locator("h1").InnerTextAsync());
        await switching.Context.CloseAsync();

        using (var worker = StartWorker())
        {
            var rows = await Poll.UntilAsync(async () =>
            {
                await using var db = _database.CreateDbContext();
                return await db.Submissions.AsNoTracking().Include(s => s.Attachments).Include(s => s.Reporter).OrderBy(s => s.Id).ToListAsync();
            }, r => r.Count == 4 && r.All(s => s.Status != SubmissionStatus.Received), TimeSpan.FromSeconds(90));
            var mail = rows[0];
            foreach (var (language, reference) in references)
            {
                var web = rows.Single(s => s.Reference == reference);
                Assert.Equal((Channel.Web, SubmissionKind.Report, SubmissionStatus.Pending, language), (web.Channel, web.Kind, web.Status, web.Language));
                Assert.Equal(["image/jpeg", "application/pdf"], web.Attachments.OrderBy(a => a.Id).Select(a => a.ContentType));
                Assert.Equal(("west_kazakhstan", "colleague"), (web.RegionCode, web.Affected));
                Assert.Equal(mail.ClusterId, web.ClusterId);
                Assert.NotNull(web.Reporter!.ContactEncrypted);
                Assert.DoesNotContain("reporter_", web.Reporter.ContactEncrypted, StringComparison.Ordinal);
            }
        }

        var (monitor, _) = await new ModerationSeed(_admin).BrowserAsync(Roles.Monitor);
        var queue = await monitor.GetStringAsync("/queue?channel=Web");
        Assert.All(references.Values, r => Assert.Contains(r, queue, StringComparison.Ordinal));
        using var api = JsonDocument.Parse(await monitor.GetStringAsync("/api/v1/submissions?channel=web"));
        var items = api.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(references.Values.Order(), items.Select(i => i.GetProperty("reference").GetString()!).Order());
        Assert.All(items, i => Assert.Equal("web", i.GetProperty("channel").GetString()));
    }

    [Fact]
    public async Task A_monitors_question_is_read_on_the_status_page_answered_and_becomes_a_follow_up_of_the_report()
    {
        var page = await ReporterAsync("en");
        await page.GotoAsync("/report");
        await page.FillAsync("#Text", "A cameraman of a regional channel was pushed and his camera broken at the akimat in Aktobe.");
        await page.ClickAsync("button[type=submit]");
        var reference = await page.Locator("#reference").InnerTextAsync();
        var receipt = await page.Locator("#receipt").InnerTextAsync();
        await page.Context.CloseAsync();

        long reportId;
        using (var worker = StartWorker())
        {
            reportId = await Poll.UntilAsync(async () =>
            {
                await using var db = _database.CreateDbContext();
                return await db.Submissions.AsNoTracking().Where(s => s.Reference == reference && s.Status == SubmissionStatus.Pending).Select(s => s.Id).FirstOrDefaultAsync();
            }, id => id > 0, TimeSpan.FromSeconds(90));

            await using (var scope = _admin.Services.CreateAsyncScope())
            {
                var asked = await scope.ServiceProvider.GetRequiredService<ModerationActions>()
                    .AskAsync(reportId, "Which police unit was it, and were there witnesses?", "monitor@adilsoz.test", CancellationToken.None);
                Assert.True(asked.Succeeded, asked.Message);
            }

            // A day later, in a new browser with nothing but the reference and the receipt.
            var later = await ReporterAsync("en");
            await later.GotoAsync("/status");
            await later.FillAsync("#Reference", reference.ToLowerInvariant());
            await later.FillAsync("#Receipt", receipt);
            await later.ClickAsync("button[type=submit]");
            Assert.Equal("Being reviewed by the foundation's monitors", await later.Locator("#state").InnerTextAsync());
            Assert.Contains("Which police unit was it, and were there witnesses?", await later.Locator("#conversation").InnerTextAsync(), StringComparison.Ordinal);

            await later.FillAsync("#ReplyText", "The city police patrol; two colleagues saw it.");
            await later.SetInputFilesAsync("#Files", new FilePayload { Name = "camera.jpg", MimeType = "image/jpeg", Buffer = WebFormPosts.Photo(5000) });
            await later.ClickAsync("form[action*=Reply] button[type=submit]");
            Assert.True(await later.Locator("#sent").IsVisibleAsync());
            Assert.Contains("The city police patrol; two colleagues saw it.", await later.Locator("#conversation li.mine").InnerTextAsync(), StringComparison.Ordinal);
            await later.Context.CloseAsync();

            var followup = await Poll.UntilAsync(async () =>
            {
                await using var db = _database.CreateDbContext();
                return await db.Submissions.AsNoTracking().Include(s => s.Attachments).SingleOrDefaultAsync(s => s.ParentId == reportId);
            }, f => f is { Status: not SubmissionStatus.Received }, TimeSpan.FromSeconds(90));
            Assert.Equal((SubmissionKind.Followup, Channel.Web), (followup!.Kind, followup.Channel));
            Assert.Equal("image/jpeg", Assert.Single(followup.Attachments).ContentType);

            var (monitor, _) = await new ModerationSeed(_admin).BrowserAsync(Roles.Monitor);
            var details = await monitor.GetStringAsync($"/submissions/{reportId}");
            Assert.Contains(followup.Reference, details, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_staff_site_does_not_serve_the_reporters_pages()
    {
        // Signed in, so that an unknown path answers 404 instead of the way to the login page.
        var (staff, _) = await new ModerationSeed(_admin).BrowserAsync(Roles.Admin);
        foreach (var path in new[] { "/report", "/status", "/public.css" })
        {
            Assert.True((await staff.GetAsync(path)).StatusCode == System.Net.HttpStatusCode.NotFound, path);
        }
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_in_the_reporters_language_and_the_typed_text_is_kept()
    {
        var expected = new Dictionary<string, string>
        {
            ["kk"] = "«big-photo.jpg» файлы",
            ["ru"] = "Файл «big-photo.jpg» больше",
            ["en"] = "The file “big-photo.jpg” is larger than",
        };
        await using var db = _database.CreateDbContext();
        var before = await db.Submissions.CountAsync();
        foreach (var (language, error) in expected)
        {
            var page = await ReporterAsync(language);
            await page.GotoAsync("/report");
            var text = $"Текст, который нельзя потерять ({language}).";
            await page.FillAsync("#Text", text);
            await page.FillAsync("#Settlement", "Шымкент");
            await page.SetInputFilesAsync("#Files", new FilePayload { Name = "big-photo.jpg", MimeType = "image/jpeg", Buffer = WebFormPosts.Photo(150_000) });
            await page.ClickAsync("button[type=submit]");
            Assert.Contains(error, await page.Locator("#errors").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(text, await page.InputValueAsync("#Text"));
            Assert.Equal("Шымкент", await page.InputValueAsync("#Settlement"));
            Assert.Equal(0, await page.Locator("#receipt").CountAsync());
            await page.Context.CloseAsync();
        }

        Assert.Equal(before, await db.Submissions.CountAsync());
    }
}
