using System.Text;

namespace AdilSoz.Intake.Tests.Security;

/// <summary>
/// Role boundaries of the Admin site as one table: every page handler and endpoint (read from the
/// running app, so a new route without a row fails) against every kind of caller.
/// </summary>
[Collection(SecuritySite.Collection)]
public sealed class AccessTableTests(SecuritySite site)
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in RouteTable.Rows)
        {
            for (var i = 0; i < SecuritySite.Callers.Length; i++)
            {
                data.Add(SecuritySite.Callers[i], row.Key, row.Outcome(i));
            }
        }

        return data;
    }

    [Fact]
    public async Task Every_page_handler_and_endpoint_has_a_row_and_every_row_a_route()
    {
        _ = site.App.Server;
        var routes = (await AdminRoutes.EnumerateAsync(site.App.Services)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var rows = RouteTable.Rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(RouteTable.Rows.Length, rows.Count);
        Assert.Empty(routes.Except(rows).Order(StringComparer.Ordinal));
        Assert.Empty(rows.Except(routes).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Caller_gets_the_expected_answer(string caller, string route, string expected)
    {
        var row = RouteTable.Rows.Single(r => r.Key == route);
        var response = await SendAsync(site, caller, row);
        Assert.Equal(expected, Outcome(response));
        SecurityHeaderAssert.Present(response);
    }

    public static async Task<HttpResponseMessage> SendAsync(SecuritySite site, string caller, RouteTable.Row row, bool withToken = true)
    {
        var client = await site.CallerAsync(caller, row.Fresh);
        var request = new HttpRequestMessage(new HttpMethod(row.Method == "ANY" ? "GET" : row.Method), site.Url(row.Url));
        if (row.Json is { } json)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        else if (row.Form)
        {
            var fields = new Dictionary<string, string>();
            if (withToken && await site.TokenAsync(client) is { } token)
            {
                fields["__RequestVerificationToken"] = token;
            }

            request.Content = new FormUrlEncodedContent(fields);
        }

        return await client.SendAsync(request);
    }

    /// <summary>"200", "404", or for a redirect "302 /account/login" (the path without its query).</summary>
    public static string Outcome(HttpResponseMessage response)
    {
        var code = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (response.Headers.Location is not { } location)
        {
            return code;
        }

        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
        return $"{code} {path}";
    }
}
