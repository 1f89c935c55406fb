using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using AdilSoz.Intake.Admin.Registry;
using AdilSoz.Intake.Admin.WebForm.OpenData;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Registry;
using AdilSoz.Intake.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>
/// The public registry served by the public process (a real process with the public role) over HTTP: pages in three
/// languages with filters, search and paging, the map, the feed and the open data; an Editor's withdrawal seen on the
/// very next request; what the role may read; and no reporter, note or unconsented name in any public answer.
/// </summary>
public sealed partial class PublicRegistryTests(PublicRegistrySite site) : IClassFixture<PublicRegistrySite>
{
    private readonly PublicProcess _public = site.Public;
    private readonly PublicRegistryData _data = site.Data;
    private readonly PostgresDatabase _database = site.Database;

    [Theory]
    [InlineData("kk", "Оқиғалар", "есімі жарияланбайды", "Өңір")]
    [InlineData("ru", "Случаи", "имя не публикуется", "Регион")]
    [InlineData("en", "Incidents", "name not published", "Region")]
    public async Task The_list_and_an_incident_read_in_each_language_with_the_unconsented_victim_by_role_only(string language, string title, string withheld, string region)
    {
        using var client = _public.CreateClient(language);
        var list = await client.GetStringAsync("/incidents");
        Assert.Contains($"<h1>{title}</h1>", list, StringComparison.Ordinal);
        Assert.Contains(region, list, StringComparison.Ordinal);
        Assert.Contains($"Blogger {PublicRegistryData.NamedVictim} detained", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Serik Bekov", list, StringComparison.Ordinal);

        var redacted = RegistryTestData.Text(await client.GetStringAsync($"/incidents/{_data.Redacted}"));
        Assert.Contains($"{PublicRegistryData.WithheldRole} — {withheld}", redacted, StringComparison.Ordinal);
        Assert.Contains("Journalist […] sued for honour and dignity", redacted, StringComparison.Ordinal);
        Assert.Contains("5,000,000", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("Nurlanov", redacted, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Uralsk Week", redacted, StringComparison.Ordinal);

        var named = RegistryTestData.Text(await client.GetStringAsync($"/incidents/{_data.Named}"));
        Assert.Contains($"{PublicRegistryData.NamedVictim}, blogger", named, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/incidents/{_data.Unpublished}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/incidents/999999999")).StatusCode);
    }

    [Fact]
    public async Task Filters_search_and_keyset_pages_show_the_published_incidents_that_match()
    {
        using var client = _public.CreateClient();
        Assert.Equal(new[] { _data.Redacted }, Ids(await client.GetStringAsync("/incidents?region=almaty")));
        Assert.Equal(new[] { _data.Named }, Ids(await client.GetStringAsync("/incidents?q=blogger+stream")));
        Assert.Equal(new[] { _data.Redacted }, Ids(await client.GetStringAsync("/incidents?kind=civil")));
        Assert.Equal(new[] { _data.ToWithdraw, _data.Named }, Ids(await client.GetStringAsync("/incidents?category=obstruction&from=2021-01-01")));
        Assert.Equal(new[] { _data.Named }, Ids(await client.GetStringAsync("/incidents?from=2021-02-01&to=2021-02-12")));
        Assert.Empty(Ids(await client.GetStringAsync("/incidents?outlet=Uralsk+Week")));

        // A withheld name finds nothing: the search reads the masked texts.
        Assert.Empty(Ids(await client.GetStringAsync("/incidents?q=Nurlanova")));

        var first = await client.GetStringAsync("/incidents?region=kostanay");
        Assert.Equal(20, Ids(first).Count);
        var next = NextLink().Match(first);
        Assert.True(next.Success, "a second page is offered");
        var second = await client.GetStringAsync(WebUtility.HtmlDecode(next.Groups[1].Value));
        Assert.Single(Ids(second));
        Assert.Empty(Ids(first).Intersect(Ids(second)));
        Assert.DoesNotMatch(NextLink(), second);
    }

    [Fact]
    public async Task The_map_colours_every_region_by_its_count_lists_the_counts_and_links_each_region_and_category_to_its_list()
    {
        using var client = _public.CreateClient();
        var html = await client.GetStringAsync("/map?category=obstruction");
        var tiles = Tile().Matches(html).ToDictionary(m => m.Groups[2].Value, m => (Href: WebUtility.HtmlDecode(m.Groups[1].Value), Fill: m.Groups[3].Value, Count: int.Parse(m.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(20, tiles.Count);
        foreach (var code in new[] { "astana", "almaty", "shymkent", "abai", "jetisu", "ulytau" })
        {
            Assert.True(tiles.ContainsKey(code), code);
        }

        Assert.Equal(PublicRegistryData.KostanayCount, tiles["kostanay"].Count);
        Assert.Equal(1, tiles["shymkent"].Count);
        Assert.Equal(0, tiles["almaty"].Count);
        Assert.NotEqual(tiles["kostanay"].Fill, tiles["shymkent"].Fill);
        Assert.NotEqual(tiles["shymkent"].Fill, tiles["almaty"].Fill);
        Assert.Equal("/incidents?region=shymkent&category=obstruction", tiles["shymkent"].Href);

        // The same counts as text, for a screen reader or a browser without SVG.
        var text = RegistryTestData.Text(html);
        Assert.Contains("Kostanay Region 21", text, StringComparison.Ordinal);
        Assert.Contains("Shymkent 1", text, StringComparison.Ordinal);
        Assert.Contains("Total 23", text, StringComparison.Ordinal);

        var listed = await client.GetStringAsync(tiles["shymkent"].Href);
        Assert.Equal(new[] { _data.Named }, Ids(listed));

        // The same incidents by category, as bars and as a table whose rows lead to their lists.
        Assert.Contains("Obstruction of professional activity 21 Detention of a journalist 1 Violence during professional activity 1", text, StringComparison.Ordinal);
        Assert.Contains("""<a href="/incidents?category=detention">Detention of a journalist</a>""", html, StringComparison.Ordinal);
        Assert.Contains("Detention of a journalist: 1</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_atom_feed_validates_per_language_and_region_and_the_csv_json_and_api_parse()
    {
        using var client = _public.CreateClient();
        foreach (var language in new[] { "kk", "ru", "en" })
        {
            var response = await client.GetAsync($"/feeds/incidents.atom?lang={language}");
            Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
            using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
            var feed = SyndicationFeed.Load(reader);
            Assert.Equal(language, feed.Language);
            Assert.Equal(24, feed.Items.Count());
            Assert.Contains(feed.Items, i => i.Title.Text == "Journalist […] sued for honour and dignity" && i.Links.Any(l => l.Uri.OriginalString == $"/incidents/{_data.Redacted}"));
            Assert.DoesNotContain(feed.Items, i => i.Title.Text.Contains("Serik", StringComparison.Ordinal));
            Assert.Contains("CC BY 4.0", feed.Copyright.Text, StringComparison.Ordinal);
        }

        using (var reader = XmlReader.Create(await client.GetStreamAsync("/feeds/incidents.atom?lang=en&region=shymkent")))
        {
            Assert.Equal(new[] { $"tag:adilsoz.kz,2021:incident:{_data.Named}" }, SyndicationFeed.Load(reader).Items.Select(i => i.Id));
        }

        var csv = Csv.Read(await client.GetStringAsync("/open-data/incidents.csv")).Select(r => r.Fields).ToList();
        Assert.Equal(PublicData.CsvColumns, csv[0]);
        Assert.Equal(24, csv.Count - 1);
        var row = csv.Single(r => r[0] == _data.Redacted.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"{PublicRegistryData.WithheldRole} (name withheld)", row[Array.IndexOf(PublicData.CsvColumns, "victims")]);
        Assert.Equal("5000000", row[Array.IndexOf(PublicData.CsvColumns, "claimed_kzt")]);
        Assert.Equal("almaty", row[Array.IndexOf(PublicData.CsvColumns, "region")]);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/open-data/incidents.json"));
        Assert.Contains("CC BY 4.0", json.RootElement.GetProperty("licence").GetString(), StringComparison.Ordinal);
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == _data.Redacted);
        var victim = item.GetProperty("victims")[0];
        Assert.Equal(JsonValueKind.Null, victim.GetProperty("name").ValueKind);
        Assert.Equal(PublicRegistryData.WithheldRole, victim.GetProperty("role").GetString());
        Assert.Equal("civil", item.GetProperty("legalCases")[0].GetProperty("kind").GetString());

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            using var page = JsonDocument.Parse(await client.GetStringAsync("/api/public/v1/incidents?region=kostanay&limit=8" + (cursor is null ? "" : "&cursor=" + cursor)));
            seen.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            cursor = page.RootElement.GetProperty("next").GetString();
        }
        while (cursor is not null);
        Assert.Equal(PublicRegistryData.KostanayCount, seen.Distinct().Count());
    }

    [Fact]
    public async Task An_incident_withdrawn_by_an_Editor_is_gone_from_page_feed_and_open_data_on_the_next_request()
    {
        using var client = _public.CreateClient();
        var page = await client.GetAsync($"/incidents/{_data.ToWithdraw}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var etag = page.Headers.ETag!;
        Assert.Contains("max-age=", page.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        using (var again = new HttpRequestMessage(HttpMethod.Get, "/incidents"))
        {
            var list = await client.GetAsync("/incidents");
            again.Headers.IfNoneMatch.Add(list.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        }

        Assert.Contains("Cameraman beaten", await client.GetStringAsync("/feeds/incidents.atom?lang=en"), StringComparison.Ordinal);
        Assert.Contains("Cameraman beaten", await client.GetStringAsync("/open-data/incidents.csv"), StringComparison.Ordinal);
        var months = await client.GetAsync("/months");
        Assert.Equal(3, February2021Count(await months.Content.ReadAsStringAsync()));
        Assert.Equal(1, February2021Count(await client.GetStringAsync("/months?category=violence")));

        await using var admin = new AdminApp(_database);
        var editor = await RegistryTestData.LoggedInAsync(admin, Roles.Editor);
        var form = await editor.GetStringAsync($"/incidents/{_data.ToWithdraw}/publish");
        var withdrawn = await editor.PostAsync($"/incidents/{_data.ToWithdraw}/publish?handler=Withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(form), ["reason"] = "the victim asked",
        }));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        using (var conditional = new HttpRequestMessage(HttpMethod.Get, $"/incidents/{_data.ToWithdraw}"))
        {
            conditional.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(conditional)).StatusCode);
        }

        Assert.DoesNotContain("Cameraman beaten", await client.GetStringAsync("/incidents"), StringComparison.Ordinal);
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, "/months"))
        {
            // The month's count drops at once, also for a reader whose copy was current.
            conditional.Headers.IfNoneMatch.Add(months.Headers.ETag!);
            var after = await client.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Equal(2, February2021Count(await after.Content.ReadAsStringAsync()));
        }

        Assert.Equal(0, February2021Count(await client.GetStringAsync("/months?category=violence&from=2021-02-01&to=2021-02-28")));
        Assert.DoesNotContain("Cameraman beaten", await client.GetStringAsync("/feeds/incidents.atom?lang=en"), StringComparison.Ordinal);
        Assert.DoesNotContain("Cameraman beaten", await client.GetStringAsync("/open-data/incidents.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain("Cameraman beaten", await client.GetStringAsync("/open-data/incidents.json"), StringComparison.Ordinal);
        Assert.DoesNotContain("Cameraman beaten", await client.GetStringAsync("/api/public/v1/incidents?limit=100"), StringComparison.Ordinal);

        await using var db = _database.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == RegistryStore.EntityType && a.EntityId == _data.ToWithdraw).ToListAsync();
        Assert.Contains(audit, a => a.Action == Publication.WithdrawAction && a.Reason == "the victim asked");

        // Published again after a preview that shows what the public will see, it is back at once.
        form = await editor.GetStringAsync($"/incidents/{_data.ToWithdraw}/publish");
        Assert.Contains("Cameraman beaten at a rally in Karaganda", form, StringComparison.Ordinal);
        await editor.PostAsync($"/incidents/{_data.ToWithdraw}/publish?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/incidents/{_data.ToWithdraw}")).StatusCode);
        Assert.Equal(3, February2021Count(await client.GetStringAsync("/months")));
        Assert.Contains(await db.AuditEntries.Where(a => a.EntityId == _data.ToWithdraw).Select(a => a.Action).ToListAsync(), a => a == Publication.PublishAction);
    }

    [Fact]
    public async Task An_Editors_preview_shows_the_victim_by_role_and_a_Monitor_may_not_publish()
    {
        await using var admin = new AdminApp(_database);
        var editor = await RegistryTestData.LoggedInAsync(admin, Roles.Editor);
        var preview = RegistryTestData.Text(await editor.GetStringAsync($"/incidents/{_data.Unpublished}/publish"));
        Assert.Contains("not published", preview, StringComparison.Ordinal);
        Assert.Contains("Editor Serik Bekov threatened by phone", preview, StringComparison.Ordinal);

        var redacted = RegistryTestData.Text(await editor.GetStringAsync($"/incidents/{_data.Redacted}/publish"));
        Assert.Contains($"{PublicRegistryData.WithheldRole} — name not published", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("Nurlanov", redacted, StringComparison.Ordinal);

        var monitor = await RegistryTestData.LoggedInAsync(admin, Roles.Monitor);
        var refused = await monitor.GetAsync($"/incidents/{_data.Unpublished}/publish");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var client = _public.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/incidents/{_data.Unpublished}")).StatusCode);
    }

    [Fact]
    public async Task No_public_answer_carries_a_reporter_a_note_a_submission_or_an_unconsented_name()
    {
        using var client = _public.CreateClient();
        var urls = new List<string> { "/", "/incidents", "/map", "/open-data/incidents.csv", "/open-data/incidents.json", "/api/public/v1/incidents?limit=100" };
        foreach (var language in new[] { "kk", "ru", "en" })
        {
            urls.Add($"/feeds/incidents.atom?lang={language}");
            urls.Add($"/incidents?lang={language}");
            urls.Add($"/incidents/{_data.Redacted}?lang={language}");
        }

        var list = await client.GetStringAsync("/incidents");
        urls.AddRange(Ids(list).Select(id => $"/incidents/{id}"));
        urls.AddRange(["/incidents?region=almaty", "/incidents?kind=civil", "/map?kind=civil", $"/incidents/{_data.Unpublished}",
            "/api/public/v1/incidents?q=bazaar", "/open-data/incidents.json?region=almaty"]);
        foreach (var url in urls)
        {
            var body = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            foreach (var secret in PublicRegistryData.Secrets.Append(PublicRegistryData.ReporterContact).Append(_data.Reference))
            {
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{url} shows {secret}");
            }
        }
    }

    [Fact]
    public async Task The_public_role_reads_published_public_fields_only()
    {
        var visible = new List<long>();
        await using (var connection = new NpgsqlConnection(_public.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT "Id", "Victims"::text FROM public_incidents""", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                visible.Add(reader.GetInt64(0));
                Assert.DoesNotContain("Nurlanov", reader.GetString(1), StringComparison.Ordinal);
            }
        }

        Assert.Contains(_data.Redacted, visible);
        Assert.DoesNotContain(_data.Unpublished, visible);
        await using (var connection = new NpgsqlConnection(_public.ConnectionString))
        {
            // The counts by month add up to the published incidents, and say nothing more.
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT sum("Published")::bigint FROM public_incident_months""", connection);
            Assert.Equal((long)visible.Count, (long)(await command.ExecuteScalarAsync())!);
        }

        foreach (var sql in new[]
        {
            """SELECT * FROM "Incidents" """,
            """SELECT "Narrative", "Victims", "PublishedAt" FROM "Incidents" """,
            """SELECT * FROM incident_public_fields""",
            """SELECT * FROM "LegalCases" """,
            """SELECT * FROM "Rulings" """,
            """SELECT "Text" FROM "Submissions" """,
            """SELECT "IncidentId" FROM "Submissions" """,
            """SELECT * FROM "Reporters" """,
            """SELECT "RawEncrypted" FROM "InboundItems" """,
            """SELECT * FROM "AuditEntries" """,
            """UPDATE "Incidents" SET "PublishedAt" = now()""",
            """SELECT * FROM public_registry_totals""",
            """SELECT * FROM public_registry_counts""",
            """UPDATE public_registry_totals SET "Published" = 0""",
            """SELECT * FROM public_registry_months""",
            """UPDATE public_registry_months SET "Published" = 0""",
        })
        {
            await using var connection = new NpgsqlConnection(_public.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.True(error.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {error.SqlState} {error.MessageText}");
        }
    }

    [Fact]
    public async Task Every_staff_route_answers_404_on_the_public_process_but_the_public_pages_of_the_same_name()
    {
        using var client = _public.CreateClient();
        var publicPaths = new[] { "/", "/incidents", $"/incidents/{_data.Named}", "/reports/2021-02" };
        foreach (var row in RouteTable.Rows.Where(r => r.Method is "GET" or "ANY"))
        {
            var url = row.Url.Replace("{incident}", _data.Named.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{submission}", "1", StringComparison.Ordinal).Replace("{attachment}", "1", StringComparison.Ordinal);
            var response = await client.GetAsync(url);
            if (url is "/healthz")
            {
                continue;
            }

            if (publicPaths.Contains(url.Split('?')[0]))
            {
                // The public page of that path, never a staff download.
                Assert.True(response.StatusCode == HttpStatusCode.OK, url);
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                Assert.DoesNotContain("Serik Bekov", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        }

        foreach (var url in new[] { $"/incidents/{_data.Named}/publish", $"/incidents/{_data.Named}/edit", "/incidents/new", "/api/v1/incidents" })
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }

        using var post = new FormUrlEncodedContent(new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/incidents/{_data.Named}/publish?handler=Withdraw", post)).StatusCode);
    }

    /// <summary>The count in the chart by month's table for February 2021 (in English).</summary>
    private static int February2021Count(string html)
    {
        var row = Regex.Match(html, """<tr><th scope="row"><a href="/incidents\?[^"]*from=2021-02-01[^"]*">February 2021</a></th><td>(\d+)</td></tr>""");
        Assert.True(row.Success, "February 2021 is in the table");
        return int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<long> Ids(string html) =>
        [.. ListItem().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex("""<li>\s*<a href="/incidents/(\d+)"[^>]*>""")]
    private static partial Regex ListItem();

    [GeneratedRegex("""<a rel="next" href="([^"]+)">""")]
    private static partial Regex NextLink();

    [GeneratedRegex("""<a href="([^"]+)" data-region="([a-z_]+)"><title>[^<]*</title><rect [^>]*fill="(#[0-9a-f]{6})"[^>]*/>(?:<text[^>]*>[^<]*</text>)*?<text[^>]*font-size="26"[^>]*>(\d+)</text></a>""")]
    private static partial Regex Tile();
}
