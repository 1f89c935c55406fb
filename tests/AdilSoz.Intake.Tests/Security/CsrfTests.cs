using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdilSoz.Intake.Tests.Security;

/// <summary>
/// Every form handler of the Admin site (from the same enumeration as the route table) refuses a post
/// without its antiforgery token, even from a logged-in Admin; the JSON API refuses what a cross-site
/// form can send.
/// </summary>
[Collection(SecuritySite.Collection)]
public sealed class CsrfTests(SecuritySite site)
{
    [Fact]
    public async Task Every_form_handler_refuses_a_post_without_its_token_and_nothing_changes()
    {
        _ = site.App.Server;
        var routes = await AdminRoutes.EnumerateAsync(site.App.Services);
        var forms = routes.Where(r => r.IsPage && r.Method != "GET").ToList();
        Assert.Equal(RouteTable.Rows.Count(r => r.Form), forms.Count);
        var admin = await site.CallerAsync(Roles.Admin);
        var revokedBefore = await RevokedKeysAsync();
        var refused = new List<string>();
        foreach (var route in forms)
        {
            var row = RouteTable.Rows.Single(r => r.Key == route.Key);
            // Real ids and complete fields: were the token not checked, the action would happen.
            var url = site.Url(row.Url.Replace(RouteTable.Missing, row.Url.StartsWith("/incidents", StringComparison.Ordinal) ? "{incident}" : "{submission}", StringComparison.Ordinal));
            var fields = new Dictionary<string, string>
            {
                ["Reason"] = "Spam", ["Note"] = "csrf", ["Question"] = "csrf?", ["IncidentId"] = site.IncidentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Email"] = "nobody@adilsoz.test", ["Password"] = "wrong password!", ["id"] = "1",
            };
            var response = await admin.PostAsync(url, new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{route.Key} ({url}) answered {(int)response.StatusCode} without a token");
            refused.Add(route.Key);
        }

        await using var db = site.Database.CreateDbContext();
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == site.SubmissionId);
        Assert.Equal(SubmissionStatus.Pending, submission.Status);
        Assert.Null(submission.IncidentId);
        Assert.Equal(revokedBefore, await RevokedKeysAsync());
        Assert.Equal(forms.Count, refused.Count);

        // Still logged in: the logout post without a token did not sign the Admin out.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/queue")).StatusCode);
    }

    [Fact]
    public async Task Every_post_form_on_every_page_carries_its_token_so_the_real_buttons_work()
    {
        var admin = await site.CallerAsync(Roles.Admin);
        var checkedForms = 0;
        foreach (var row in RouteTable.Rows.Where(r => r.Method == "GET" && !r.Url.StartsWith("/api", StringComparison.Ordinal)))
        {
            var response = await admin.GetAsync(site.Url(row.Url));
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            foreach (Match form in Regex.Matches(html, "<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase))
            {
                Assert.True(form.Value.Contains("__RequestVerificationToken", StringComparison.Ordinal), $"{row.Url}: form without a token: {form.Value[..Math.Min(120, form.Value.Length)]}");
                checkedForms++;
            }
        }

        Assert.True(checkedForms >= 8, $"{checkedForms} forms seen");
    }

    [Fact]
    public async Task The_log_out_button_logs_out()
    {
        var browser = await site.CallerAsync(Roles.Monitor, fresh: true);
        var page = await browser.GetStringAsync("/queue");
        var form = Regex.Match(page, "<form[^>]*action=\"/account/logout\"[^>]*>.*?</form>", RegexOptions.Singleline);
        Assert.True(form.Success, "no log-out form on the queue page");
        var logout = await browser.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(form.Value) }));
        Assert.Equal("302 /account/login", AccessTableTests.Outcome(logout));
        Assert.Equal("302 /account/login", AccessTableTests.Outcome(await browser.GetAsync("/queue")));
    }

    [Fact]
    public async Task The_json_api_refuses_form_and_text_bodies_from_a_logged_in_browser()
    {
        _ = site.App.Server;
        var routes = await AdminRoutes.EnumerateAsync(site.App.Services);
        var writes = routes.Where(r => !r.IsPage && r.Method is "POST" or "PUT").ToList();
        Assert.NotEmpty(writes);
        var editor = await site.CallerAsync(Roles.Editor);
        foreach (var route in writes)
        {
            var row = RouteTable.Rows.Single(r => r.Key == route.Key);
            var url = site.Url(row.Url.Replace(RouteTable.Missing, "{submission}", StringComparison.Ordinal));
            foreach (var body in new HttpContent[]
            {
                new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "spam" }),
                new StringContent("{\"reason\":\"spam\"}", Encoding.UTF8, "text/plain"),
            })
            {
                var response = await editor.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = body });
                Assert.True(response.StatusCode is HttpStatusCode.UnsupportedMediaType or HttpStatusCode.BadRequest,
                    $"{route.Key} accepted {body.Headers.ContentType} with {(int)response.StatusCode}");
            }
        }

        await using var db = site.Database.CreateDbContext();
        Assert.Equal(SubmissionStatus.Pending, (await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == site.SubmissionId)).Status);
    }

    private async Task<int> RevokedKeysAsync()
    {
        await using var db = site.Database.CreateDbContext();
        return await db.ApiKeys.CountAsync(k => k.RevokedAt != null);
    }

    [Fact]
    public async Task The_sign_in_and_antiforgery_cookies_are_same_site_strict()
    {
        var browser = site.App.CreateBrowser();
        var form = await browser.GetAsync("/account/login");
        var csrf = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("adilsoz.csrf=", StringComparison.Ordinal));
        Assert.Contains("samesite=strict", csrf, StringComparison.OrdinalIgnoreCase);
        var login = await AdminApp.LogInAsync(browser, await site.App.CreateUserAsync(Roles.Monitor));
        var auth = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("adilsoz.auth=", StringComparison.Ordinal));
        Assert.Contains("samesite=strict", auth, StringComparison.OrdinalIgnoreCase);
    }
}
