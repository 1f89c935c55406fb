using System.Net;
using System.Text.RegularExpressions;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Tests.Accounts;

/// <summary>What the account tests read from the pages, and clients that come from a given network.</summary>
public static partial class AccountPages
{
    /// <summary>The text of the page's error paragraph, or null.</summary>
    public static string? Error(string html) =>
        ErrorRegex().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string url, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(url);
        fields["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(page);
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// A browser whose requests reach the site through a proxy on this machine that forwards the client address
    /// <paramref name="client"/> (X-Forwarded-For), as in production.
    /// </summary>
    public static HttpClient BrowserFrom(WebApplicationFactory<Admin.Pages.IndexModel> behindProxy, string client)
    {
        var browser = behindProxy.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return browser;
    }

    /// <summary>The site as seen through a proxy on loopback.</summary>
    public static WebApplicationFactory<Admin.Pages.IndexModel> BehindLocalProxy(AdminApp app) =>
        app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter>(_ => new LoopbackPeer())));

    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, go) =>
            {
                ctx.Connection.RemoteIpAddress = IPAddress.Loopback;
                return go(ctx);
            });
            next(app);
        };
    }

    [GeneratedRegex("<p class=\"error\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex ErrorRegex();
}
