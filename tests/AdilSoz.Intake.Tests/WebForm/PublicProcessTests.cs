using System.Net;
using System.Net.Sockets;
using System.Text;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>
/// The public process (<c>Admin public</c>) as a reporter and as an attacker meet it, over HTTP, as a real process
/// connected with the public role: what it serves and what not, receipts and their lock, files judged by content,
/// hostile posts, a kill in the middle of an upload, and what it keeps of a connection (nothing).
/// </summary>
public sealed class PublicProcessTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly Dictionary<string, string> Limits = new()
    {
        ["Public__MaxFileBytes"] = "200000",
        ["Public__MaxTotalBytes"] = "400000",
        ["Public__ReportsPerMinute"] = "1000",
        ["Public__ApiRequestsPerMinute"] = "5",
    };

    private PublicProcess _public = null!;

    public async Task InitializeAsync() => _public = await PublicProcess.StartAsync(database, Limits);

    public async Task DisposeAsync() => await _public.DisposeAsync();

    [Fact]
    public async Task Staff_routes_the_api_and_hangfire_answer_404_while_the_reporters_pages_answer()
    {
        using var client = _public.CreateClient();
        foreach (var path in new[] { "/report", "/status", "/healthz", "/public.css" })
        {
            Assert.True((await client.GetAsync(path)).StatusCode == HttpStatusCode.OK, path);
        }

        foreach (var path in new[]
        {
            "/queue", "/account/login", "/submissions/1", "/incidents/new", "/incidents/1/edit", "/incidents/1/publish", "/users", "/api-keys", "/audit", "/reports", "/dashboard",
            "/api/v1/submissions", "/api/v1/submissions?channel=web", "/api/v1/incidents", "/hangfire", "/hangfire/jobs/enqueued",
            "/attachments/1", "/metrics", "/readyz",
        })
        {
            Assert.True((await client.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, path);
        }

        using var post = new StringContent("{}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/submissions/1/approve", post)).StatusCode);

        // Any Host header (an onion address), plain HTTP: no HSTS, no redirect to HTTPS, no absolute URL, no Secure-only cookie.
        using var raw = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(_public.BaseUrl) };
        using var onion = new HttpRequestMessage(HttpMethod.Get, "/report");
        onion.Headers.Host = "exampleexampleexampleexampleexampleexampleexampleexampl.onion";
        var page = await raw.SendAsync(onion);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no-store", page.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_api_answers_429_beyond_its_budget_a_minute_while_the_pages_stay_open()
    {
        using var client = _public.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var n = 0; n < 6; n++)
        {
            statuses.Add((await client.GetAsync("/api/public/v1/incidents")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open-data/incidents.csv")).StatusCode);
    }

    [Fact]
    public async Task Ten_wrong_receipts_lock_the_status_page_of_that_reference_only_and_the_receipt_works_after_the_hour()
    {
        using var client = _public.CreateClient();
        var (reference, receipt) = await WebFormPosts.ReportAsync(client, "Редакторға телефонмен қоқан-лоққы жасалды.");
        var (other, otherReceipt) = await WebFormPosts.ReportAsync(client, "A reporter was threatened on the phone.");
        Assert.Matches(WebFormPosts.ReferenceFormat(), reference);
        Assert.Matches(WebFormPosts.ReceiptFormat(), receipt);
        Assert.True(WebFormPosts.Has(await WebFormPosts.OpenStatusAsync(client, reference, receipt.Replace(" ", "", StringComparison.Ordinal)), "state"));

        var wrong = receipt[..^1] + (receipt[^1] == '9' ? '0' : (char)(receipt[^1] + 1));
        for (var i = 0; i < 10; i++)
        {
            var page = await WebFormPosts.OpenStatusAsync(client, reference, wrong);
            Assert.Equal("The reference or the receipt is not right.", WebFormPosts.Shown(page, "error"));
        }

        var locked = await WebFormPosts.OpenStatusAsync(client, reference, receipt);
        Assert.False(WebFormPosts.Has(locked, "state"));
        Assert.Contains("closed for an hour", WebFormPosts.Shown(locked, "error"), StringComparison.Ordinal);

        // Another reference is not affected.
        Assert.True(WebFormPosts.Has(await WebFormPosts.OpenStatusAsync(client, other, otherReceipt), "state"));

        // The lock is in the database, not in the process: a restarted process keeps it.
        _public.Kill();
        await _public.StartAsync(Limits);
        using var again = _public.CreateClient();
        Assert.False(WebFormPosts.Has(await WebFormPosts.OpenStatusAsync(again, reference, receipt), "state"));

        // An hour later the reporter's receipt opens the page again.
        await using (var db = database.CreateDbContext())
        {
            var row = await db.WebReceipts.SingleAsync(r => r.Reference == reference);
            Assert.True(row.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(55));
            await db.WebReceipts.Where(r => r.Reference == reference).ExecuteUpdateAsync(u => u.SetProperty(r => r.LockedUntil, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        Assert.True(WebFormPosts.Has(await WebFormPosts.OpenStatusAsync(again, reference, receipt), "state"));
    }

    [Fact]
    public async Task Receipt_checks_beyond_the_overall_budget_a_minute_are_refused_for_every_reference()
    {
        _public.Kill();
        await _public.StartAsync(new Dictionary<string, string>(Limits) { ["Public__StatusChecksPerMinute"] = "3" });
        using var client = _public.CreateClient();
        var (reference, receipt) = await WebFormPosts.ReportAsync(client, "A report whose status is checked too often.");
        for (var i = 0; i < 3; i++)
        {
            await WebFormPosts.OpenStatusAsync(client, $"AS-2026-{90000 + i}", "1111 2222 3333 4444");
        }

        var form = await client.GetStringAsync("/status");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AdminApp.AntiforgeryToken(form),
            ["Reference"] = reference,
            ["Receipt"] = receipt,
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/status", content)).StatusCode);
    }

    [Fact]
    public async Task A_file_named_pdf_that_is_a_program_is_refused_with_the_text_kept_and_nothing_is_stored()
    {
        using var client = _public.CreateClient();
        var before = await CountsAsync();
        var (status, html) = await WebFormPosts.SubmitAsync(client, "The text I typed stays.", null, ("court-ruling.pdf", WebFormPosts.Program()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("“court-ruling.pdf” is not a photo, video, audio, PDF or document", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("The text I typed stays.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.False(WebFormPosts.Has(html, "receipt"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Oversized_malformed_and_unverified_posts_are_refused_and_store_nothing()
    {
        using var client = _public.CreateClient();
        var before = await CountsAsync();
        var form = await client.GetStringAsync("/report");
        var token = AdminApp.AntiforgeryToken(form);

        // A body over the process's limit (files together + 1 MB) is cut off by the server.
        using (var huge = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("big"), "Text" },
            { new ByteArrayContent(WebFormPosts.Photo(3 * 1024 * 1024)), "Files", "big.jpg" },
        })
        {
            var response = await SendOrResetAsync(client, huge);
            Assert.True(response is null or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"{response}");
        }

        // A multipart body whose boundary never closes, and one that is not multipart at all.
        using (var broken = new StringContent($"--xyz\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--xyz\r\nContent-Disposition: form-data; name=\"Text\"\r\n\r\nhalf"))
        {
            broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/report", broken)).StatusCode);
        }

        using (var json = new StringContent("{\"Text\":\"x\"}", Encoding.UTF8, "application/json"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/report", json)).StatusCode);
        }

        // Without the antiforgery token (a post from another site): refused.
        using (var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = "forged" }))
        {
            using var stranger = _public.CreateClient();
            Assert.Equal(HttpStatusCode.BadRequest, (await stranger.PostAsync("/report", forged)).StatusCode);
        }

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Forged_fields_are_refused_or_dropped_and_a_filled_honeypot_is_kept_as_spam()
    {
        using var client = _public.CreateClient();
        var before = await CountsAsync();
        var (_, badRegion) = await WebFormPosts.SubmitAsync(client, "Region forged", new Dictionary<string, string> { ["Region"] = "'; DROP TABLE \"Submissions\"; --" });
        Assert.Contains("Choose a region from the list.", WebUtility.HtmlDecode(badRegion), StringComparison.Ordinal);
        Assert.False(WebFormPosts.Has(badRegion, "receipt"));
        var (_, future) = await WebFormPosts.SubmitAsync(client, "Tomorrow", new Dictionary<string, string> { ["OccurredOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("The date cannot be in the future.", WebUtility.HtmlDecode(future), StringComparison.Ordinal);
        var (_, contact) = await WebFormPosts.SubmitAsync(client, "Contact forged", new Dictionary<string, string> { ["Contact"] = "<script>alert(1)</script>" });
        Assert.Contains("does not look like an e-mail address", WebUtility.HtmlDecode(contact), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", contact, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());

        var (_, odd) = await WebFormPosts.SubmitAsync(client, "Odd values", new Dictionary<string, string> { ["Affected"] = "admin", ["MayName"] = "perhaps" });
        var oddReference = WebFormPosts.Shown(odd, "reference");
        var (_, robot) = await WebFormPosts.SubmitAsync(client, "Buy cheap watches", new Dictionary<string, string> { ["Website"] = "http://spam.example" });
        var robotReference = WebFormPosts.Shown(robot, "reference");

        await using var db = database.CreateDbContext();
        var stored = await db.Submissions.AsNoTracking().SingleAsync(s => s.Reference == oddReference);
        Assert.Null(stored.Affected);
        Assert.False(stored.MayNameReporter);
        var spam = await db.Submissions.AsNoTracking().SingleAsync(s => s.Reference == robotReference);
        Assert.Equal((SubmissionKind.Spam, SubmissionStatus.Ignored), (spam.Kind, spam.Status));

        // A reference that is not one, and a receipt that is not digits, open nothing.
        foreach (var (reference, receipt) in new[] { ("' OR 1=1 --", "1234 5678 9012 3456"), (oddReference, "' OR '1'='1"), (oddReference, new string('9', 5000)) })
        {
            Assert.False(WebFormPosts.Has(await WebFormPosts.OpenStatusAsync(client, reference, receipt), "state"));
        }
    }

    [Fact]
    public async Task Over_the_budget_a_report_is_stored_and_waits_in_needs_attention()
    {
        _public.Kill();
        await _public.StartAsync(new Dictionary<string, string>(Limits) { ["Public__ReportsPerMinute"] = "1" });
        using var client = _public.CreateClient();
        var first = await WebFormPosts.ReportAsync(client, "First report of the minute.");
        var second = await WebFormPosts.ReportAsync(client, "Second report of the minute.");

        await using var db = database.CreateDbContext();
        var waiting = await db.Submissions.AsNoTracking().SingleAsync(s => s.Reference == second.Reference);
        Assert.Equal(SubmissionStatus.NeedsAttention, waiting.Status);
        Assert.Contains("Public:ReportsPerMinute", waiting.AttentionReason, StringComparison.Ordinal);
        Assert.True(await db.WebReceipts.AnyAsync(r => r.Reference == second.Reference));
        Assert.True(WebFormPosts.Has(await WebFormPosts.OpenStatusAsync(client, first.Reference, first.Receipt), "state"));
    }

    [Fact]
    public async Task Killed_in_the_middle_of_an_upload_the_process_leaves_the_whole_report_or_none()
    {
        // Started with a temporary folder of its own, to see whether an upload leaves anything on disk.
        var temp = Directory.CreateTempSubdirectory("adilsoz-public-temp-");
        _public.Kill();
        await _public.StartAsync(new Dictionary<string, string>(Limits) { ["ASPNETCORE_TEMP"] = temp.FullName });
        var jar = new CookieContainer();
        using var client = _public.CreateClient(cookies: jar);
        var before = await CountsAsync();
        var form = await client.GetStringAsync("/report");
        var token = AdminApp.AntiforgeryToken(form);
        var cookies = string.Join("; ", jar.GetCookies(new Uri(_public.BaseUrl)).Select(c => $"{c.Name}={c.Value}"));

        // The headers and the first part of a 350 kB body go out; the process dies while it waits for the rest.
        var boundary = "----upload" + Guid.NewGuid().ToString("N");
        var head = Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"Text\"\r\n\r\nHalf a report\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"Files\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
        var photo = WebFormPosts.Photo(150_000);
        using (var tcp = new TcpClient())
        {
            var uri = new Uri(_public.BaseUrl);
            await tcp.ConnectAsync(uri.Host, uri.Port);
            var stream = tcp.GetStream();
            var request = Encoding.ASCII.GetBytes(
                $"POST /report HTTP/1.1\r\nHost: {uri.Authority}\r\nCookie: {cookies}\r\nAccept-Language: en\r\n" +
                $"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {head.Length + photo.Length + 200_000}\r\n\r\n");
            await stream.WriteAsync(request);
            await stream.WriteAsync(head);
            await stream.WriteAsync(photo);
            await stream.FlushAsync();
            _public.Kill();
        }

        Assert.Equal(before, await CountsAsync());
        Assert.Empty(temp.GetFiles("*", SearchOption.AllDirectories));
        temp.Delete(recursive: true);

        // Started again, the same reporter sends the whole report: all of it is there.
        await _public.StartAsync(Limits);
        using var again = _public.CreateClient();
        var (reference, _) = await WebFormPosts.ReportAsync(again, "The whole report", ("photo.jpg", photo), ("statement.pdf", WebFormPosts.Pdf()));
        var after = await CountsAsync();
        Assert.Equal(before with
            {
                Submissions = before.Submissions + 1, Attachments = before.Attachments + 2, Receipts = before.Receipts + 1, Items = before.Items + 1,
                Reporters = before.Reporters + 1,
            },
            after with { Blobs = before.Blobs });
        await using var db = database.CreateDbContext();
        var report = await db.Submissions.AsNoTracking().Include(s => s.Attachments).SingleAsync(s => s.Reference == reference);
        Assert.Equal(["image/jpeg", "application/pdf"], report.Attachments.OrderBy(a => a.Id).Select(a => a.ContentType));
        Assert.True(await db.InboundItems.AnyAsync(i => i.SubmissionId == report.Id && i.Channel == Channel.Web));
    }

    [Fact]
    public async Task The_public_process_logs_and_stores_no_ip_address()
    {
        const string address = "203.0.113.77";
        using var client = _public.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        client.DefaultRequestHeaders.Add("X-Real-IP", address);
        client.DefaultRequestHeaders.Add("Forwarded", $"for={address};proto=https");
        var (reference, receipt) = await WebFormPosts.ReportAsync(client, "Сегодня в Актобе задержали оператора телеканала.", ("photo.jpg", WebFormPosts.Photo()));
        await WebFormPosts.OpenStatusAsync(client, reference, "0000 0000 0000 0000");
        await WebFormPosts.OpenStatusAsync(client, reference, receipt);
        await client.GetAsync("/queue");
        await client.GetAsync("/report?lang=kk");

        var log = _public.Output;
        Assert.DoesNotContain(address, log, StringComparison.Ordinal);
        // The one line with a loopback address is the process's own listening address, not a client's.
        Assert.All(log.Split('\n').Where(l => l.Contains("127.0.0.1", StringComparison.Ordinal)),
            l => Assert.Contains("Now listening on", l, StringComparison.Ordinal));

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables WHERE table_schema IN ('public', 'hangfire') AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var scan = new NpgsqlCommand($"SELECT count(*) FROM {table} t WHERE t::text LIKE '%203.0.113%' OR t::text LIKE '%127.0.0.1%'", connection);
            Assert.True((long)(await scan.ExecuteScalarAsync())! == 0, table);
        }

        var protector = database.Services.GetRequiredService<IdentityProtector>();
        await using var db = database.CreateDbContext();
        foreach (var raw in await db.InboundItems.AsNoTracking().Where(i => i.Channel == Channel.Web).Select(i => i.RawEncrypted).ToListAsync())
        {
            var clear = Encoding.UTF8.GetString(protector.UnprotectRaw(raw));
            Assert.DoesNotContain("203.0.113", clear, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", clear, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_public_role_cannot_read_or_change_submissions_reporters_files_messages_or_staff_data()
    {
        using var client = _public.CreateClient();
        await WebFormPosts.ReportAsync(client, "A report the role wrote and may not read back.", ("photo.jpg", WebFormPosts.Photo()));
        foreach (var sql in new[]
        {
            """SELECT "Text" FROM "Submissions" """,
            """SELECT * FROM "Submissions" """,
            """SELECT "IdentityEncrypted", "ContactEncrypted" FROM "Reporters" """,
            """SELECT "Bytes" FROM "Blobs" """,
            """SELECT "FileName" FROM "Attachments" """,
            """SELECT "RawEncrypted" FROM "InboundItems" """,
            """SELECT * FROM "OutboundMessages" """,
            """SELECT * FROM "AspNetUsers" """,
            """SELECT * FROM "ApiKeys" """,
            """SELECT * FROM "AuditEntries" """,
            """SELECT * FROM "Incidents" """,
            """UPDATE "Submissions" SET "Status" = 'Approved' WHERE "Id" = 1""",
            """UPDATE "WebReceipts" SET "ReceiptHash" = 'x'""",
            """DELETE FROM "WebReceipts" """,
            """DELETE FROM "Submissions" """,
            """INSERT INTO "OutboundMessages" ("IdempotencyKey", "Channel", "Kind", "Body", "Status", "Attempts", "CreatedAt") VALUES ('x', 'Email', 'Notice', 'b', 'Queued', 0, now())""",
            """INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES ('x', '<key/>')""",
            "CREATE TABLE public.intruder (id int)",
            "COPY (SELECT 1) TO PROGRAM 'true'",
        })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(_public.ConnectionString, sql));
            Assert.True(error.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {error.SqlState} {error.MessageText}");
        }

        // What it may: the status of one report through the function that runs with the owner's rights.
        await ExecuteAsync(_public.ConnectionString, "SELECT count(*) FROM web_report_status(1)");
    }

    private sealed record Counts(long Submissions, long Items, long Attachments, long Blobs, long Receipts, long Reporters);

    private async Task<Counts> CountsAsync()
    {
        await using var db = database.CreateDbContext();
        return new Counts(await db.Submissions.LongCountAsync(), await db.InboundItems.LongCountAsync(), await db.Attachments.LongCountAsync(),
            await db.Blobs.LongCountAsync(), await db.WebReceipts.LongCountAsync(), await db.Reporters.LongCountAsync());
    }

    /// <summary>The status of a post the server may answer early or cut off (null: the connection was reset).</summary>
    private static async Task<HttpStatusCode?> SendOrResetAsync(HttpClient client, HttpContent content)
    {
        try
        {
            return (await client.PostAsync("/report", content)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
