using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AdilSoz.Intake.Core.Demo;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AdilSoz.Intake.Tests.Registry;

/// <summary>
/// An Editor in a real browser (Chromium through Playwright) against the Admin host on a loopback port:
/// the registry holds the February 2021 demo events but one; the Editor enters that one through the
/// form, then opens /reports/2021-02 and finds the seed's figures.
/// </summary>
public sealed class RegistryBrowserTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Missing = "Health department official sues an online outlet over a report on vaccine supplies";

    [Fact]
    public async Task An_editor_enters_an_incident_and_the_february_report_shows_the_seed_figures()
    {
        await using (var db = database.CreateDbContext())
        {
            var now = DateTimeOffset.UtcNow;
            var incidents = February2021.Incidents().Where(i => i.Title != Missing).ToList();
            incidents.ForEach(i => (i.CreatedAt, i.UpdatedAt) = (now, now));
            db.Incidents.AddRange(incidents);
            await db.SaveChangesAsync();
        }

        string email;
        using (var app = new AdminApp(database))
        {
            email = await app.CreateUserAsync(Roles.Editor);
        }

        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var host = Process.Start(HostProcess.StartInfo("Admin", new Dictionary<string, string?>
        {
            ["ConnectionStrings__Intake"] = database.ConnectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        }, "--urls", baseUrl, "--contentRoot", Path.Combine(Artifacts.RepoRoot, "Admin")))!;
        // Drain the host's output so that a full pipe never blocks it.
        var stdout = host.StandardOutput.ReadToEndAsync();
        var stderr = host.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient();
            var health = await Poll.UntilAsync(async () =>
            {
                try
                {
                    return (await http.GetAsync(baseUrl + "/healthz")).StatusCode;
                }
                catch (HttpRequestException)
                {
                    return HttpStatusCode.ServiceUnavailable;
                }
            }, s => s == HttpStatusCode.OK || host.HasExited, TimeSpan.FromSeconds(60));
            Assert.True(health == HttpStatusCode.OK, $"The Admin host did not start: {(host.HasExited ? await stderr : "no answer")}");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.LaunchAsync(playwright);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

            await page.GotoAsync(baseUrl + "/account/login?lang=en");
            await page.FillAsync("input[name='Email']", email);
            await page.FillAsync("input[name='Password']", AdminApp.Password);
            await page.ClickAsync("main button[type='submit']");
            await page.WaitForURLAsync(url => url.Contains("/account/two-factor", StringComparison.OrdinalIgnoreCase));
            await page.FillAsync("input[name='Code']", AdminApp.CodeFor(email));
            await page.ClickAsync("main button[type='submit']");
            await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.OrdinalIgnoreCase));

            await page.GotoAsync(baseUrl + "/incidents");
            await page.ClickAsync("text=New incident");
            await page.FillAsync("input[name='Form.Title']", Missing);
            await page.FillAsync("input[name='Form.OccurredOn']", "2021-02-11");
            await page.SelectOptionAsync("select[name='Form.Region']", "pavlodar");
            await page.FillAsync("input[name='Form.Settlement']", "Ekibastuz");
            await page.SelectOptionAsync("select[name='Form.Category']", "honor_dignity");
            await page.SelectOptionAsync("select[name='Form.PerpetratorType']", "officials");
            await page.FillAsync("textarea[name='Form.Summary']", Missing + ".");
            await page.SelectOptionAsync("select[name='Form.Cases[0].Kind']", "Civil");
            await page.FillAsync("input[name='Form.Cases[0].Article']", "Civil Code, art. 143");
            await page.FillAsync("input[name='Form.Cases[0].PlaintiffType']", "official");
            await page.FillAsync("input[name='Form.Cases[0].FiledOn']", "2021-02-11");
            await page.CheckAsync("input[type='checkbox'][name='Form.Cases[0].HonorDignity']");
            await page.FillAsync("input[name='Form.Cases[0].ClaimedKzt']", "1500000");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("registry-new-incident.png"), FullPage = true });
            await page.ClickAsync("button[type='submit']:has-text('Save')");
            await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/incidents/\d+$"));
            Assert.Contains(Missing, await page.InnerTextAsync("h1"), StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("registry-incident.png"), FullPage = true });

            await page.GotoAsync(baseUrl + "/reports");
            await page.FillAsync("input[name='month']", "2021-02");
            await page.ClickAsync("form.filters button[type='submit']");
            await page.WaitForURLAsync("**/reports/2021-02");
            await page.ClickAsync("nav.report-tools a[lang='en']");
            var report = RegistryTestData.Collapse(await page.InnerTextAsync("article.report"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("report-2021-02-en.png"), FullPage = true });
            File.WriteAllText(Screenshot("report-2021-02-en.txt"), await page.InnerTextAsync("article.report"));

            Assert.Contains("Four judicial acts were issued against media", report, StringComparison.Ordinal);
            Assert.Contains("5 civil claims and lawsuits (four of them for protection of honor, dignity and business reputation). Claims for compensation for non-pecuniary damage amounted to 5 million tenge. The courts collected 50 thousand tenge.", report, StringComparison.Ordinal);
            Assert.Contains("4 administrative charges", report, StringComparison.Ordinal);
            Assert.Contains("10 claims and suits in civil procedure (nine of them for protection of honor, dignity and business reputation). Claims for compensation for non-pecuniary damage amounted to 16 million tenge. The courts collected 5 million 50 thousand tenge.", report, StringComparison.Ordinal);

            await page.ClickAsync("nav.report-tools a[lang='ru']");
            Assert.Contains("5 гражданских исков", await page.InnerTextAsync("article.report"), StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("report-2021-02-ru.png"), FullPage = true });
            await page.ClickAsync("nav.report-tools a[lang='kk']");
            Assert.Contains("5 азаматтық талап-арыз", await page.InnerTextAsync("article.report"), StringComparison.Ordinal);

            await page.GotoAsync(baseUrl + "/dashboard?from=2021-01&to=2021-03&lang=en");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("dashboard.png"), FullPage = true });
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }

            await host.WaitForExitAsync();
            await Task.WhenAll(stdout, stderr);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Screenshot(string name)
    {
        var folder = Artifacts.Folder("screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

}
