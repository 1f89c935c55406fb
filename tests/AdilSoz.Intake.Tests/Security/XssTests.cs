using System.Net;
using AdilSoz.Intake.Core.Security;

namespace AdilSoz.Intake.Tests.Security;

/// <summary>
/// Script payloads in report text, mail subject and HTML, file names, cluster reasons, incident fields and
/// audit entries appear encoded on every page that shows them, never as live markup.
/// </summary>
[Collection(SecuritySite.Collection)]
public sealed class XssTests(SecuritySite site)
{
    [Theory]
    [InlineData("/queue")]
    [InlineData("/submissions/{submission}")]
    [InlineData("/audit")]
    [InlineData("/incidents")]
    [InlineData("/incidents/{incident}")]
    [InlineData("/incidents/{incident}/edit")]
    public async Task Payloads_are_shown_encoded(string url)
    {
        var html = await PageAsync(url);
        AssertNoLiveMarkup(url, html);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/incidents/new")]
    [InlineData("/reports")]
    [InlineData("/reports/2021-02?lang=en")]
    [InlineData("/categories")]
    [InlineData("/users")]
    [InlineData("/api-keys")]
    public async Task Pages_that_do_not_show_the_fields_carry_no_payload_either(string url) =>
        AssertNoLiveMarkup(url, await PageAsync(url));

    [Fact]
    public async Task The_incident_page_links_only_http_addresses()
    {
        var html = await PageAsync("/incidents/{incident}");
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SecuritySite.JavascriptUrl, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_markdown_report_and_the_csv_export_are_downloads_browsers_do_not_render_as_html()
    {
        var admin = await site.CallerAsync(Roles.Admin);
        foreach (var url in new[] { "/reports/2021-02.md?lang=en", "/incidents?handler=Csv", "/incidents?handler=Cases" })
        {
            var response = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("html", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.Equal("nosniff", SecurityHeaderAssert.Header(response, "X-Content-Type-Options"));
        }
    }

    [Fact]
    public async Task The_file_name_is_encoded_on_the_page_and_reduced_to_a_name_in_the_download()
    {
        var admin = await site.CallerAsync(Roles.Admin);
        var response = await admin.GetAsync($"/attachments/{site.AttachmentId}");
        Assert.Equal(site.AttachmentBytes, await response.Content.ReadAsByteArrayAsync());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.DoesNotContain("..", disposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("default-src 'none'; sandbox", SecurityHeaderAssert.Header(response, "Content-Security-Policy"));
    }

    private async Task<string> PageAsync(string url)
    {
        var admin = await site.CallerAsync(Roles.Admin);
        var response = await admin.GetAsync(site.Url(url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static void AssertNoLiveMarkup(string url, string html)
    {
        foreach (var raw in new[] { SecuritySite.Script, SecuritySite.ImgOnError, SecuritySite.AttributeBreak, "<script>alert(4)", "<svg onload", "<img src=x" })
        {
            Assert.False(html.Contains(raw, StringComparison.OrdinalIgnoreCase), $"{url} contains {raw} as markup");
        }

        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
