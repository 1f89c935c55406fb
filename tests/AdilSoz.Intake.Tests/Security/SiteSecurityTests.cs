using System.Net;
using System.Net.Http.Headers;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdilSoz.Intake.Tests.Security;

/// <summary>Attachment ids that are not ids, the login's return address, API keys, HTTPS headers and cookies.</summary>
[Collection(SecuritySite.Collection)]
public sealed class SiteSecurityTests(SecuritySite site)
{
    [Theory]
    [InlineData("/attachments/..%2F..%2Fappsettings.json")]
    [InlineData("/attachments/%2e%2e%2f%2e%2e%2fappsettings.json")]
    [InlineData("/attachments/..%5C..%5Cappsettings.json")]
    [InlineData("/attachments/%2Fetc%2Fpasswd")]
    [InlineData("/attachments//etc/passwd")]
    [InlineData("/attachments/C:%5CWindows%5Cwin.ini")]
    [InlineData("/attachments/{attachment}%2F..%2F..%2Fappsettings.json")]
    [InlineData("/attachments/{attachment}.0")]
    [InlineData("/attachments/-1")]
    [InlineData("/attachments/0")]
    [InlineData("/attachments/99999999999999")]
    [InlineData("/attachments/99999999999999999999999")]
    [InlineData("/css/..%2F..%2Fappsettings.json")]
    [InlineData("/css/%2e%2e/%2e%2e/appsettings.json")]
    public async Task An_attachment_id_that_is_a_path_is_404_never_a_file(string url)
    {
        var admin = await site.CallerAsync(Roles.Admin);
        var response = await admin.GetAsync(site.Url(url));
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url} → {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("ConnectionStrings", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.NotEqual(site.AttachmentBytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    [InlineData("\\\\evil.example\\steal")]
    [InlineData("https:evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" //evil.example")]
    [InlineData("/%09/evil.example")]
    public async Task Login_never_sends_the_browser_to_another_site(string returnUrl)
    {
        var login = await AdminApp.LogInAsync(site.App.CreateBrowser(), await site.App.CreateUserAsync(Roles.Monitor), returnUrl: returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var location = login.Headers.Location!.OriginalString;
        Assert.False(login.Headers.Location.IsAbsoluteUri, location);
        Assert.StartsWith("/", location, StringComparison.Ordinal);
        Assert.False(location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal), location);
    }

    [Fact]
    public async Task Login_keeps_a_local_return_address()
    {
        var login = await AdminApp.LogInAsync(site.App.CreateBrowser(), await site.App.CreateUserAsync(Roles.Monitor), returnUrl: "/incidents?region=almaty");
        Assert.Equal("/incidents?region=almaty", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_admin_revokes_a_key_on_the_page_and_the_next_call_with_it_gets_401()
    {
        var key = await site.ApiKeyAsync(Roles.Editor, "partner-revoked-on-page");
        using var api = site.App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/incidents/")).StatusCode);

        var admin = await site.CallerAsync(Roles.Admin, fresh: true);
        var page = await admin.GetStringAsync("/api-keys");
        Assert.Contains("partner-revoked-on-page", page, StringComparison.Ordinal);
        Assert.DoesNotContain(key, page, StringComparison.Ordinal);
        long id;
        await using (var db = site.Database.CreateDbContext())
        {
            id = await db.ApiKeys.Where(k => k.Name == "partner-revoked-on-page").Select(k => k.Id).SingleAsync();
        }

        var revoke = await admin.PostAsync($"/api-keys?handler=Revoke&id={id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(page) }));
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Contains("The key is revoked", await admin.GetStringAsync(revoke.Headers.Location!.OriginalString), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/incidents/")).StatusCode);
        Assert.Contains("api-key.revoke", await admin.GetStringAsync("/audit?action=api-key.revoke"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_made_by_the_command_is_stored_as_its_hash_only_and_the_revoke_command_shuts_it_out()
    {
        var env = new Dictionary<string, string?> { ["ConnectionStrings__Intake"] = site.Database.ConnectionString };
        var name = "partner-" + Guid.NewGuid().ToString("N")[..8];
        var add = await HostProcess.RunAsync("Admin", env, null, TimeSpan.FromMinutes(2), "api-keys", "add", "--name", name, "--role", "Monitor");
        Assert.Equal(0, add.ExitCode);
        var key = add.StdOut.Trim().Split('\n')[^1].Trim();
        Assert.StartsWith(ApiKeys.Prefix, key, StringComparison.Ordinal);

        await using (var db = site.Database.CreateDbContext())
        {
            var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == name);
            Assert.Equal(ApiKeys.Hash(key), row.KeyHash);
            Assert.NotEqual(key, row.KeyHash);
            Assert.False(key.StartsWith(row.Prefix, StringComparison.Ordinal) && row.Prefix.Length >= key.Length - 8, "the stored prefix gives the key away");
        }

        using var api = site.App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/submissions")).StatusCode);

        var revoke = await HostProcess.RunAsync("Admin", env, null, TimeSpan.FromMinutes(2), "api-keys", "revoke", "--name", name);
        Assert.Equal(0, revoke.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/submissions")).StatusCode);
    }

    [Fact]
    public async Task Over_https_the_site_sends_hsts_and_every_cookie_is_secure_and_http_only()
    {
        using var browser = site.App.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://intake.adilsoz.test"), AllowAutoRedirect = false, HandleCookies = true,
        });
        var form = await browser.GetAsync("/account/login?lang=kk");
        Assert.Equal("max-age=31536000; includeSubDomains", SecurityHeaderAssert.Header(form, "Strict-Transport-Security"));
        var email = await site.App.CreateUserAsync(Roles.Monitor);
        var login = await AdminApp.LogInAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookies = form.Headers.GetValues("Set-Cookie").Concat(login.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("adilsoz.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("adilsoz.csrf=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("adilsoz.lang=", StringComparison.Ordinal));
        foreach (var c in cookies)
        {
            Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=", c, StringComparison.OrdinalIgnoreCase);
        }

        // Over plain HTTP (a local run) there is no HSTS: it would pin the browser to HTTPS for a year.
        Assert.Null(SecurityHeaderAssert.Header(await site.App.CreateClient().GetAsync("/healthz"), "Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("203.0.113.7", false)]
    public async Task Behind_a_local_tls_proxy_the_forwarded_scheme_counts_and_from_elsewhere_it_does_not(string peer, bool honoured)
    {
        using var proxied = site.App.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddTransient<IStartupFilter>(_ => new PeerAddress(IPAddress.Parse(peer)))));
        using var client = proxied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");
        var response = await client.SendAsync(request);
        Assert.Equal(honoured, SecurityHeaderAssert.Header(response, "Strict-Transport-Security") is not null);
        var csrf = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("adilsoz.csrf=", StringComparison.Ordinal));
        Assert.Equal(honoured, csrf.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Makes requests of the test server come from <paramref name="address"/>, as a real connection would.</summary>
    private sealed class PeerAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, go) =>
            {
                ctx.Connection.RemoteIpAddress = address;
                return go(ctx);
            });
            next(app);
        };
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    [InlineData("/hangfire/stats")]
    public async Task Static_files_unknown_paths_and_the_dashboard_carry_the_headers(string url)
    {
        var admin = await site.CallerAsync(Roles.Admin);
        var response = await admin.GetAsync(url);
        SecurityHeaderAssert.Present(response);
    }

    [Fact]
    public async Task The_dashboard_works_under_the_policy_without_inline_scripts()
    {
        var admin = await site.CallerAsync(Roles.Admin);
        var html = await admin.GetStringAsync("/hangfire");
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
        Assert.DoesNotMatch("\\son(click|load|change|submit)=", html);
    }
}
