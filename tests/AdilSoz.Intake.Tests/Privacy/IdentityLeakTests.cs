using System.Diagnostics;
using System.Text;
using AdilSoz.Intake.Bot.Receiving;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Mail;
using AdilSoz.Intake.Worker.Pipeline;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AdilSoz.Intake.Tests.Privacy;

/// <summary>
/// Known identities carried through the Bot and the Worker (Telegram dialogue, mail report, pipeline,
/// acknowledgement sent by SMTP): none of them appears in clear in the rows, in a pg_dump of the
/// database, or in anything the processes logged.
/// </summary>
public sealed class IdentityLeakTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const long TelegramId = 918273645;
    private const string Username = "brave_reporter_kz77";
    private const string FirstName = "Жанарбек";
    private const string LastName = "Тестовбаев";
    private const string Address = "zhanar.testova77@example.kz";
    private const string MailName = "Zhanar Testova";
    private const string RefusedAddress = "aigerim.refused55@example.kz";

    private static readonly string[] Identities = [TelegramId.ToString(System.Globalization.CultureInfo.InvariantCulture), Username, FirstName, LastName, Address, "zhanar.testova77", MailName, RefusedAddress, "aigerim.refused55"];

    [Fact]
    public async Task Identities_appear_neither_in_rows_nor_in_the_dump_nor_in_logs()
    {
        var logs = new LogCapture();
        await using var api = await BotApiStandIn.StartAsync();
        await using var smtp = new SmtpCapture();
        await smtp.InitializeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = api.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Smtp:Host"] = smtp.Host,
            ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "info@adilsoz.kz",
        };

        // The Bot, built as Program.cs builds it (not started: the test feeds it stored updates).
        var botBuilder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        botBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["ConnectionStrings:Intake"] = database.ConnectionString });
        botBuilder.Logging.AddProvider(logs);
        await using var bot = botBuilder.BuildBot();

        using var worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.Logging.AddProvider(logs);
            b.AddJobServer();
            b.AddPipelineJobs();
            b.AddMailIntake();
        });

        // Telegram: /start, a language, a report in a few messages, as the Bot API would deliver them.
        foreach (var text in new[] { "/start", "Русский", "Вчера в Таразе полицейские не пустили журналиста на пресс-конференцию акимата.", "/cancel" })
        {
            await using var scope = bot.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<UpdateStore>().StoreAsync(Update(text), CancellationToken.None);
        }

        var processor = bot.Services.GetRequiredService<UpdateProcessor>();
        while (await processor.ProcessNextAsync(CancellationToken.None))
        {
        }

        // Mail: a report, ingested, through the pipeline, acknowledged by SMTP.
        long submissionId;
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<MailStore>().StoreAsync("leak:1", MailReport(), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<MailIngestJob>().IngestAsync(stored.InboundItemId, live: true, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            submissionId = await db.Submissions.Where(s => s.InboundItemId == stored.InboundItemId).Select(s => s.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<ISubmissionPipelineJob>().ProcessAsync(submissionId, CancellationToken.None);
            var ack = await db.OutboundMessages.Where(o => o.SubmissionId == submissionId).Select(o => o.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<IOutboundJob>().SendAsync(ack, CancellationToken.None);
        }

        var sent = await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        Assert.Equal(Address, sent[0].To.Mailboxes.Single().Address);

        await using (var db = database.CreateDbContext())
        {
            Assert.True(await db.Reporters.CountAsync() >= 2, "Both reporters were stored.");
            Assert.Equal(SubmissionStatus.Pending, await db.Submissions.Where(s => s.Id == submissionId).Select(s => s.Status).SingleAsync());
            Assert.True(await db.InboundItems.CountAsync(i => i.Channel == Channel.Telegram && i.Status == InboundStatus.Processed) >= 4);
        }

        // Raw rows.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "Reporters", "InboundItems", "OutboundMessages", "Submissions", "DialogueStates" })
        {
            await using var command = new NpgsqlCommand($"SELECT coalesce(string_agg(row_to_json(t)::text, E'\\n'), '') FROM \"{table}\" t", connection);
            AssertNoIdentity($"table {table}", (string)(await command.ExecuteScalarAsync())!);
        }

        // The whole database as a backup would carry it.
        AssertNoIdentity("pg_dump", await DumpAsync());

        // Everything the Bot and the Worker logged while carrying these identities.
        Assert.NotEmpty(logs.Lines);
        AssertNoIdentity("logs", string.Join('\n', logs.Lines));
    }

    [Fact]
    public async Task A_mail_server_refusal_that_quotes_the_address_leaves_it_neither_in_Hangfire_nor_in_logs_nor_on_the_dashboard()
    {
        var logs = new LogCapture();
        await using var smtp = new SmtpCapture { RejectRecipients = true };
        await smtp.InitializeAsync();
        using var worker = PostgresDatabase.CreateHost(database.ConnectionString, b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Smtp:Host"] = smtp.Host,
                ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["Smtp:From"] = "info@adilsoz.kz",
            });
            b.Logging.AddProvider(logs);
            b.AddJobServer();
            b.AddPipelineJobs();
            b.AddMailIntake();
        });
        await worker.StartAsync();
        try
        {
            // A mail report through Hangfire: ingest, pipeline, acknowledgement; the server refuses it twice.
            long itemId;
            await using (var scope = worker.Services.CreateAsyncScope())
            {
                itemId = (await scope.ServiceProvider.GetRequiredService<MailStore>().StoreAsync("leak:refused", MailReport(RefusedAddress), CancellationToken.None)).InboundItemId;
                scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>()
                    .Enqueue<IMailIngestJob>(JobQueues.Intake, j => j.ProcessAsync(itemId, CancellationToken.None));
            }

            var (refused, _) = await Poll.UntilAsync(
                async () =>
                {
                    await using var db = database.CreateDbContext();
                    var row = await db.OutboundMessages.AsNoTracking().Where(o => db.Submissions.Any(s => s.Id == o.SubmissionId && s.InboundItemId == itemId)).SingleOrDefaultAsync();
                    return (Row: row, Refusals: smtp.Refused);
                },
                r => r.Refusals >= 2 && r.Row is { Status: OutboundStatus.Queued }, TimeSpan.FromSeconds(90),
                what: "the acknowledgement refused by the mail server twice");
            Assert.Empty(smtp.Messages);
            Assert.Equal("SMTP 550 (MessageNotAccepted)", refused!.Error);
            await worker.StopAsync();
        }
        catch
        {
            await worker.StopAsync();
            throw;
        }

        // Hangfire's own tables: job states (the exception and retry reason), jobs and their arguments, job parameters.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var query in new[]
        {
            "SELECT coalesce(string_agg(name || ' ' || coalesce(reason, '') || ' ' || coalesce(data::text, ''), E'\\n'), '') FROM hangfire.state",
            "SELECT coalesce(string_agg(coalesce(invocationdata::text, '') || ' ' || coalesce(arguments::text, ''), E'\\n'), '') FROM hangfire.job",
            "SELECT coalesce(string_agg(name || ' ' || coalesce(value, ''), E'\\n'), '') FROM hangfire.jobparameter",
        })
        {
            await using var command = new NpgsqlCommand(query, connection);
            AssertNoIdentity(query, (string)(await command.ExecuteScalarAsync())!);
        }

        await using (var states = new NpgsqlCommand("SELECT count(*) FROM hangfire.state WHERE reason LIKE '%SMTP 550%'", connection))
        {
            Assert.True(Convert.ToInt32(await states.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1, "the retries name the status code");
        }

        // The dashboard an Admin reads: retries, scheduled and failed jobs, each job's page.
        await using var admin = new AdminApp(database);
        var browser = admin.CreateBrowser();
        var login = await AdminApp.LogInAsync(browser, await admin.CreateUserAsync("Admin"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        var pages = new List<string> { "/hangfire/retries", "/hangfire/jobs/scheduled", "/hangfire/jobs/failed", "/hangfire/jobs/succeeded" };
        await using (var ids = new NpgsqlCommand("SELECT id FROM hangfire.job", connection))
        await using (var reader = await ids.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                pages.Add($"/hangfire/jobs/details/{reader.GetInt64(0)}");
            }
        }

        foreach (var page in pages)
        {
            var response = await browser.GetAsync(page);
            Assert.True(response.IsSuccessStatusCode, $"{page}: {(int)response.StatusCode}");
            AssertNoIdentity($"dashboard {page}", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        Assert.NotEmpty(logs.Lines);
        AssertNoIdentity("logs", string.Join('\n', logs.Lines));
    }

    private static void AssertNoIdentity(string where, string text)
    {
        foreach (var identity in Identities)
        {
            Assert.False(text.Contains(identity, StringComparison.OrdinalIgnoreCase), $"{where} contains \"{identity}\" in clear");
        }
    }

    private async Task<string> DumpAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo("pg_dump", ["--no-owner", database.Name]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        var dump = await output;
        Assert.Contains("COPY public.\"Reporters\"", dump, StringComparison.Ordinal);
        return dump;
    }

    private static int _updateId = 70_000;

    private static string Update(string text)
    {
        var id = Interlocked.Increment(ref _updateId);
        var entities = text.StartsWith('/') ? $$""","entities":[{"type":"bot_command","offset":0,"length":{{text.Length}}}]""" : "";
        var user = $"\"id\":{TelegramId},\"first_name\":\"{FirstName}\",\"last_name\":\"{LastName}\",\"username\":\"{Username}\"";
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1780000000,\"text\":\"" + text + "\"" + entities
            + ",\"from\":{" + user + ",\"is_bot\":false,\"language_code\":\"ru\"},\"chat\":{" + user + ",\"type\":\"private\"}}}";
    }

    private static byte[] MailReport(string address = Address) => Encoding.UTF8.GetBytes($"""
        From: {MailName} <{address}>
        To: info@adilsoz.kz
        Subject: Нападение на оператора
        Date: Mon, 1 Jun 2026 10:00:00 +0500
        Message-ID: <leak-{Guid.NewGuid():N}@example.kz>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Сегодня в Шымкенте на оператора телеканала напали у здания суда, камеру разбили.

        """.Replace("\n", "\r\n", StringComparison.Ordinal));
}
