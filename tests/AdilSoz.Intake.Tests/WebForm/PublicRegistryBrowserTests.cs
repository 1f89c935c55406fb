using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>
/// A reader browses the public registry in Debian's Chromium with JavaScript off, in each language: from the landing
/// page to the map, from a region of the map to its incidents, and into one, where a victim who did not consent to be
/// named appears by role only; and from the landing page to the chart by month, narrowed to a region, to a month's list.
/// </summary>
public sealed class PublicRegistryBrowserTests(PublicRegistrySite site) : IClassFixture<PublicRegistrySite>, IAsyncLifetime
{
    private readonly PublicProcess _public = site.Public;
    private readonly PublicRegistryData _data = site.Data;
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
    [InlineData("kk", "Сөз бостандығын бұзу тізілімі", "Өңірлер картасы", "есімі жарияланбайды")]
    [InlineData("ru", "Реестр нарушений свободы слова", "Карта регионов", "имя не публикуется")]
    [InlineData("en", "Registry of violations of freedom of speech", "Map of the regions", "name not published")]
    public async Task A_reader_goes_from_the_map_to_a_region_and_an_incident_with_the_unconsented_victim_by_role(
        string language, string home, string map, string withheld)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            JavaScriptEnabled = false,
            Locale = language,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            BaseURL = _public.BaseUrl,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal(home, await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = map, Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/map");
        Assert.Equal(map, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(20, await page.Locator("svg a[data-region]").CountAsync());

        await page.Locator("svg a[data-region='almaty']").ClickAsync();
        await page.WaitForURLAsync("**/incidents?region=almaty");
        var items = page.Locator("ol.incidents > li");
        Assert.Equal(1, await items.CountAsync());
        Assert.Equal("almaty", await page.Locator("#region").InputValueAsync());

        await items.Locator("a").ClickAsync();
        await page.WaitForURLAsync($"**/incidents/{_data.Redacted}");
        var article = await page.Locator("article").InnerTextAsync();
        Assert.Contains($"{PublicRegistryData.WithheldRole} — {withheld}", article, StringComparison.Ordinal);
        Assert.DoesNotContain("Nurlanov", article, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Aigerim", article, StringComparison.OrdinalIgnoreCase);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_reader_chooses_a_region_on_the_chart_by_month_and_goes_to_the_incidents_of_a_month()
    {
        var context = await _browser!.NewContextAsync(new()
        {
            JavaScriptEnabled = false,
            Locale = "kk",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "kk" },
            BaseURL = _public.BaseUrl,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Айлар бойынша оқиғалар", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/months");
        Assert.Equal("Айлар бойынша оқиғалар", await page.Locator("h1").InnerTextAsync());
        var february = page.Locator("table.by-month tbody tr").Filter(new() { HasText = "2021 жылғы ақпан" });
        Assert.Equal("3", await february.Locator("td").InnerTextAsync());
        Assert.Equal(1, await page.Locator("figure.chart svg").CountAsync());

        await page.Locator("#region").SelectOptionAsync("almaty");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/months?region=almaty**");
        Assert.Equal("1", await february.Locator("td").InnerTextAsync());

        await february.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/incidents?from=2021-02-01&to=2021-02-28&region=almaty");
        var items = page.Locator("ol.incidents > li");
        Assert.Equal(1, await items.CountAsync());
        Assert.Equal($"/incidents/{_data.Redacted}", await items.Locator("a").GetAttributeAsync("href"));
        await context.CloseAsync();
    }
}
