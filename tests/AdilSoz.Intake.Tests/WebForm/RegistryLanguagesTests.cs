using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AdilSoz.Intake.Core.Demo;
using AdilSoz.Intake.Core.Registry;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Registry;
using Microsoft.Playwright;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>
/// The registry in three languages on the public process: the February 2021 demo (English originals with Russian and
/// Kazakh translations, all published), an incident written only in English, and one whose victim did not consent to
/// be named, named in its Russian and Kazakh translations. Readers use Debian's Chromium with JavaScript off.
/// </summary>
public sealed partial class RegistryLanguagesTests(RegistryLanguagesSite site) : IClassFixture<RegistryLanguagesSite>, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
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
    }

    [Theory]
    [InlineData("ru", "Рано утром 3 февраля главный редактор газеты «Уральская неделя» Лукпан Ахмедьяров", "Правозащитники предлагают исключить")]
    [InlineData("kk", "3 ақпан күні таң ертең «Уральская неделя» газетінің бас редакторы Лұқпан Ахмедьяров", "Құқық қорғаушылар Қағидалардың")]
    public async Task The_monthly_report_tells_the_incidents_in_the_readers_language(string language, string uralsk, string accreditation)
    {
        var page = await PageAsync(language);
        await page.GotoAsync($"/reports/2021-02?lang={language}");
        var report = page.Locator("article.report");
        var text = await report.InnerTextAsync();
        Assert.Contains(uralsk, text, StringComparison.Ordinal);
        Assert.Contains(accreditation, text, StringComparison.Ordinal);
        Assert.DoesNotContain("In early morning of February 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Human rights activists propose", text, StringComparison.Ordinal);
        Assert.Equal(language, await report.Locator(".incident-text").First.GetAttributeAsync("lang"));

        // The one incident written only in English is told in English, marked so, under a note in the reader's language.
        Assert.Equal(1, await report.Locator(".untranslated").CountAsync());
        var english = report.Locator(".incident-text[lang='en']");
        Assert.Equal(1, await english.CountAsync());
        Assert.Contains("The photographer was waiting for the end of a hearing", await english.InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_incident_only_in_english_read_in_russian_says_so_and_shows_the_english_text_marked_english()
    {
        var page = await PageAsync("ru");
        await page.GotoAsync($"/incidents/{site.EnglishOnly}?lang=ru");
        Assert.Equal("Не переведено на русский язык; оригинал на английском.", await page.Locator("article .untranslated").InnerTextAsync());
        var title = page.Locator("article h1");
        Assert.Equal(RegistryLanguagesSite.EnglishOnlyTitle, await title.InnerTextAsync());
        Assert.Equal("en", await title.GetAttributeAsync("lang"));
        Assert.Equal("en", await page.Locator("article .narrative").GetAttributeAsync("lang"));

        // A translated incident has no note, and its texts are marked Russian.
        await page.GotoAsync($"/incidents/{site.Uralsk}?lang=ru");
        Assert.Equal(0, await page.Locator("article .untranslated").CountAsync());
        Assert.Equal("ru", await page.Locator("article h1").GetAttributeAsync("lang"));
        Assert.StartsWith("Журналистов «Уральской недели» задержали", await page.Locator("article h1").InnerTextAsync(), StringComparison.Ordinal);

        // The list too: the English-only one carries the note in the reader's language.
        await page.GotoAsync("/incidents?lang=kk&q=Semey");
        var item = page.Locator("ol.incidents > li").First;
        Assert.Contains("Қазақ тіліне аударылмаған; түпнұсқасы ағылшын тілінде.", await item.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("en", await item.Locator("a").GetAttributeAsync("lang"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("ru", "Журналистов «Уральской недели» задержали по дороге в Атырау")]
    [InlineData("kk", "«Уральская неделя» журналистері Атырауға бара жатқан жолда ұсталды")]
    [InlineData("en", "Uralskaya Nedelya reporters detained on the way to Atyrau")]
    public async Task The_atom_feed_of_a_language_carries_that_languages_titles(string language, string title)
    {
        using var client = site.Public.CreateClient(language);
        var feed = XDocument.Parse(await client.GetStringAsync($"/feeds/incidents.atom?lang={language}"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Descendants(atom + "entry").Select(e => e.Element(atom + "title")!).ToList();
        Assert.Contains(titles, t => t.Value.StartsWith(title, StringComparison.Ordinal) && t.Attribute(XNamespace.Xml + "lang") is null);
        var untranslated = titles.Single(t => t.Value == RegistryLanguagesSite.EnglishOnlyTitle);
        Assert.Equal(language == "en" ? null : "en", untranslated.Attribute(XNamespace.Xml + "lang")?.Value);
    }

    [Theory]
    [InlineData("ru", "Иск к [")]
    [InlineData("kk", "[…]")]
    [InlineData("en", "[…]")]
    public async Task A_victim_who_did_not_consent_is_masked_in_every_translation(string language, string masked)
    {
        var page = await PageAsync(language);
        await page.GotoAsync($"/incidents/{site.Masked}?lang={language}");
        var article = await page.Locator("article").InnerTextAsync();
        Assert.Contains(masked, article, StringComparison.Ordinal);
        foreach (var secret in new[] { "Айгерим", "Нурланов", "Aigerim", "Nurlanov" })
        {
            Assert.DoesNotContain(secret, article, StringComparison.OrdinalIgnoreCase);
        }

        await page.Context.CloseAsync();

        using var client = site.Public.CreateClient(language);
        var json = await client.GetStringAsync("/open-data/incidents.json");
        foreach (var secret in new[] { "Айгерим", "Нурланов", "Aigerim", "Nurlanov" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Open_data_gives_each_language_and_the_source_language()
    {
        using var client = site.Public.CreateClient();
        var csv = AdilSoz.Intake.Admin.Registry.Csv.Read(await client.GetStringAsync("/open-data/incidents.csv")).Select(r => r.Fields).ToList();
        var header = csv[0];
        var uralsk = csv.Single(r => r[0] == site.Uralsk.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("en", uralsk[header.IndexOf("source_language")]);
        Assert.StartsWith("Журналистов «Уральской недели»", uralsk[header.IndexOf("title_ru")], StringComparison.Ordinal);
        Assert.StartsWith("«Уральская неделя» журналистері", uralsk[header.IndexOf("title_kk")], StringComparison.Ordinal);
        var english = csv.Single(r => r[0] == site.EnglishOnly.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("", english[header.IndexOf("title_ru")]);

        using var api = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/public/v1/incidents?q=Semey"));
        var item = api.RootElement.GetProperty("items")[0];
        Assert.Equal("en", item.GetProperty("sourceLanguage").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("texts").GetProperty("ru").ValueKind);
        Assert.Equal(RegistryLanguagesSite.EnglishOnlyTitle, item.GetProperty("texts").GetProperty("en").GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_editor_enters_the_three_versions_side_by_side_and_the_public_page_shows_each_in_its_language()
    {
        using var app = new AdminApp(site.Database);
        var editor = await RegistryTestData.LoggedInAsync(app, Roles.Editor);
        var form = await editor.GetStringAsync($"/incidents/{site.ToTranslate}/edit?lang=en");
        var text = RegistryTestData.Text(form);
        Assert.Contains("Original", text, StringComparison.Ordinal);
        Assert.Contains("Translation — Kazakh", text, StringComparison.Ordinal);
        Assert.Contains("Translation — Russian", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Translation — English", text, StringComparison.Ordinal);

        var saved = await editor.PostAsync($"/incidents/{site.ToTranslate}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(form),
            ["Form.Version"] = VersionField().Match(form).Groups[1].Value,
            ["Form.SourceLanguage"] = "en",
            ["Form.Title"] = "Reporter's phone seized in Taraz",
            ["Form.Summary"] = "Police took the reporter's phone at a rally.",
            ["Form.OccurredOn"] = "2021-02-05",
            ["Form.DatePrecision"] = "Day",
            ["Form.IsPublic"] = "true",
            ["Form.Translations[0].Language"] = "kk",
            ["Form.Translations[0].Title"] = "Таразда тілшінің телефоны тартып алынды",
            ["Form.Translations[0].Summary"] = "Полиция митингте тілшінің телефонын алып қойды.",
            ["Form.Translations[1].Language"] = "ru",
            ["Form.Translations[1].Title"] = "В Таразе у журналиста изъяли телефон",
            ["Form.Translations[1].Summary"] = "Полиция забрала телефон журналиста на митинге.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var reopened = await editor.GetStringAsync($"/incidents/{site.ToTranslate}/edit?lang=en");
        Assert.Contains("value=\"В Таразе у журналиста изъяли телефон\"", WebUtility.HtmlDecode(reopened), StringComparison.Ordinal);

        foreach (var (language, title) in new[] { ("kk", "Таразда тілшінің телефоны тартып алынды"), ("ru", "В Таразе у журналиста изъяли телефон"), ("en", "Reporter's phone seized in Taraz") })
        {
            var page = await PageAsync(language);
            await page.GotoAsync($"/incidents/{site.ToTranslate}?lang={language}");
            var h1 = page.Locator("article h1");
            Assert.Equal(title, await h1.InnerTextAsync());
            Assert.Equal(language, await h1.GetAttributeAsync("lang"));
            Assert.Equal(0, await page.Locator("article .untranslated").CountAsync());
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> PageAsync(string language)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            JavaScriptEnabled = false,
            Locale = language,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            BaseURL = site.Public.BaseUrl,
        });
        return await context.NewPageAsync();
    }

    [GeneratedRegex("""name="Form.Version" value="(\d+)" """)]
    private static partial Regex VersionField();
}

public sealed class RegistryLanguagesSite : IAsyncLifetime
{
    public const string EnglishOnlyTitle = "Photographer's camera broken outside a court in Semey";

    public PostgresDatabase Database { get; } = new();

    public PublicProcess Public { get; private set; } = null!;

    public long Uralsk { get; private set; }

    public long EnglishOnly { get; private set; }

    public long Masked { get; private set; }

    public long ToTranslate { get; private set; }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var published = new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await using (var db = Database.CreateDbContext())
        {
            var demo = February2021.Incidents();
            var englishOnly = new Incident
            {
                Title = EnglishOnlyTitle, OccurredOn = new DateOnly(2021, 2, 20), RegionCode = "abai", Settlement = "Semey", CategoryCode = "obstruction",
                Summary = "A guard broke the camera of a photographer who was filming outside the court.",
                Narrative = "The photographer was waiting for the end of a hearing when a guard knocked the camera out of his hands.",
            };
            var masked = new Incident
            {
                Title = "Journalist sued by an akim's deputy", OccurredOn = new DateOnly(2021, 2, 15), RegionCode = "almaty", CategoryCode = "threat",
                Summary = "The deputy akim sued Aigerim Nurlanova for honour and dignity.",
                Narrative = "The claim names Aigerim Nurlanova and asks 5,000,000 tenge.",
                Victims = [new Victim { Name = "Айгерим Нурланова", Role = "journalist", MayBeNamed = false }],
                Translations =
                [
                    new IncidentTranslation { Language = "ru", Title = "Иск к Айгерим Нурлановой", Summary = "Заместитель акима подал иск к Нурлановой о защите чести и достоинства.", Narrative = "Иск называет Айгерим Нурланову и требует 5 000 000 тенге." },
                    new IncidentTranslation { Language = "kk", Title = "Әкім орынбасары журналисті сотқа берді", Summary = "Әкім орынбасары Айгерим Нурланованы ар-намысын қорғау туралы сотқа берді.", Narrative = "Талап арызда Айгерим Нурлановатың аты аталады." },
                ],
            };
            var toTranslate = new Incident
            {
                Title = "Reporter's phone seized in Taraz", OccurredOn = new DateOnly(2021, 2, 5), RegionCode = "jambyl", CategoryCode = "obstruction",
                Summary = "Police took the reporter's phone at a rally.",
            };
            foreach (var incident in demo.Append(englishOnly).Append(masked).Append(toTranslate))
            {
                incident.IsPublic = true;
                incident.CreatedAt = published;
                incident.UpdatedAt = published;
                incident.PublishedAt = published;
                db.Incidents.Add(incident);
            }

            await db.SaveChangesAsync();
            Uralsk = demo[0].Id;
            EnglishOnly = englishOnly.Id;
            Masked = masked.Id;
            ToTranslate = toTranslate.Id;
        }

        Public = await PublicProcess.StartAsync(Database);
    }

    public async Task DisposeAsync()
    {
        await Public.DisposeAsync();
        await Database.DisposeAsync();
    }
}
