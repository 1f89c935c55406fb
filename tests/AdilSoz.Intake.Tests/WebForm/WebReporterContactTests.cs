using System.Globalization;
using System.Net;
using System.Text;
using AdilSoz.Intake.Admin.Moderation;
using AdilSoz.Intake.Core.Data;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Core.Jobs;
using AdilSoz.Intake.Core.Reporters;
using AdilSoz.Intake.Core.Security;
using AdilSoz.Intake.Tests.Infrastructure;
using AdilSoz.Intake.Tests.Moderation;
using AdilSoz.Intake.Worker.Hosting;
using AdilSoz.Intake.Worker.Mail;
using AdilSoz.Intake.Worker.Pipeline;
using AdilSoz.Intake.Worker.Retention;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AdilSoz.Intake.Tests.WebForm;

/// <summary>
/// What a web reporter's optional contact changes, against the public process, a Worker (pipeline, outbox by SMTP
/// to a capture, mail intake) and the Admin site: a monitor's question also goes by mail to a mail address (never
/// with the receipt) and the answer by mail joins the report; for any other contact it stays on the status page and
/// the monitor is told; text that reads like advertising waits as suspected spam, as such a mail does; erasure
/// removes the contact and the name from everything stored.
/// </summary>
public sealed class WebReporterContactTests : IClassFixture<PostgresDatabase>, IClassFixture<SmtpCapture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly PostgresDatabase _database;
    private readonly SmtpCapture _smtp;
    private readonly AdminApp _admin;
    private PublicProcess _public = null!;

    public WebReporterContactTests(PostgresDatabase database, SmtpCapture smtp)
    {
        _database = database;
        _smtp = smtp;
        _admin = new AdminApp(database);
    }

    public async Task InitializeAsync() => _public = await PublicProcess.StartAsync(_database);

    public async Task DisposeAsync()
    {
        await _public.DisposeAsync();
        await _admin.DisposeAsync();
    }

    private IHost StartWorker()
    {
        var host = PostgresDatabase.CreateHost(_database.ConnectionString, b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Smtp:Host"] = _smtp.Host,
                ["Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["Smtp:From"] = "Әділ сөз <info@adilsoz.kz>",
            });
            b.AddJobServer();
            b.AddPipelineJobs();
            b.AddMailIntake();

            // No mailbox here: mails are handed to the intake as the watcher would.
            if (b.Services.SingleOrDefault(d => d.ImplementationType == typeof(MailboxWatcher)) is { } watcher)
            {
                b.Services.Remove(watcher);
            }
        });
        host.Start();
        return host;
    }

    /// <summary>Posts a report on the public form with these fields; returns its reference and receipt.</summary>
    private async Task<(string Reference, string Receipt)> ReportAsync(string text, Dictionary<string, string>? fields = null)
    {
        using var client = _public.CreateClient();
        var (status, html) = await WebFormPosts.SubmitAsync(client, text, fields);
        Assert.Equal(HttpStatusCode.OK, status);
        return (WebFormPosts.Shown(html, "reference"), WebFormPosts.Shown(html, "receipt"));
    }

    private async Task<Submission> SettledAsync(string reference) =>
        (await Poll.UntilAsync(async () =>
        {
            await using var db = _database.CreateDbContext();
            return await db.Submissions.AsNoTracking().Include(s => s.Reporter).SingleOrDefaultAsync(s => s.Reference == reference);
        }, s => s is { Status: not SubmissionStatus.Received }, Timeout, what: $"the pipeline to take {reference}"))!;

    private async Task AskAsync(long id, string question, string actor = "monitor@adilsoz.test")
    {
        await using var scope = _admin.Services.CreateAsyncScope();
        var asked = await scope.ServiceProvider.GetRequiredService<ModerationActions>().AskAsync(id, question, actor, CancellationToken.None);
        Assert.True(asked.Succeeded, asked.Message);
    }

    private async Task<OutboundMessage> QuestionSentAsync(long submissionId) =>
        (await Poll.UntilAsync(async () =>
        {
            await using var db = _database.CreateDbContext();
            return await db.OutboundMessages.AsNoTracking().SingleOrDefaultAsync(o => o.SubmissionId == submissionId && o.Kind == OutboundKind.Question);
        }, o => o is { Status: OutboundStatus.Sent }, Timeout, what: "the question to be delivered"))!;

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task A_question_to_a_web_reporter_who_left_a_mail_address_arrives_by_mail_once_without_the_receipt_and_the_mailed_answer_joins_the_report()
    {
        const string Address = "aigerim.web@example.kz";
        const string Question = "Which district court was it, and on what date?";
        var (reference, receipt) = await ReportAsync(
            "A court in Karaganda refused to let our correspondent into an open hearing and her dictaphone was taken by the bailiff.",
            new Dictionary<string, string> { ["Contact"] = Address });

        using var worker = StartWorker();
        var report = await SettledAsync(reference);
        Assert.Equal(SubmissionStatus.Pending, report.Status);

        var (monitor, monitorEmail) = await new ModerationSeed(_admin).BrowserAsync(Roles.Monitor);
        var details = await monitor.GetStringAsync($"/submissions/{report.Id}");
        Assert.Contains("the question also goes by mail", details, StringComparison.Ordinal);
        Assert.DoesNotContain(Address, details, StringComparison.Ordinal);

        var before = _smtp.Messages.Count;
        await AskAsync(report.Id, Question, monitorEmail);
        var question = await QuestionSentAsync(report.Id);
        var mail = (await _smtp.WaitForMessagesAsync(before + 1, Timeout)).Skip(before).Single(m => (m.Subject ?? "").Contains(reference, StringComparison.Ordinal));
        Assert.Equal(Address, mail.To.Mailboxes.Single().Address);
        Assert.Contains($"[{reference}]", mail.Subject, StringComparison.Ordinal);
        var body = mail.TextBody ?? "";
        Assert.Contains(Question, body, StringComparison.Ordinal);
        Assert.Contains("/status", body, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt, body, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt.Replace(" ", "", StringComparison.Ordinal), body.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(receipt.Replace(" ", "", StringComparison.Ordinal), mail.ToString(), StringComparison.Ordinal);
        Assert.Equal(question.ProviderMessageId, mail.MessageId);

        // The question stands once on the status page too, and the mail went once.
        using (var client = _public.CreateClient())
        {
            var status = await WebFormPosts.OpenStatusAsync(client, reference, receipt);
            Assert.Equal(1, Occurrences(WebUtility.HtmlDecode(status), Question));
        }

        Assert.Single(_smtp.Messages, m => (m.Subject ?? "").Contains(reference, StringComparison.Ordinal));

        // The reporter answers the mail: the answer is a follow-up of the web report.
        var reply = Encoding.UTF8.GetBytes($"""
            From: Aigerim <{Address}>
            To: info@adilsoz.kz
            Subject: Re: {mail.Subject}
            Date: Mon, 1 Jun 2026 10:00:00 +0500
            Message-ID: <answer-{Guid.NewGuid():N}@example.kz>
            In-Reply-To: <{mail.MessageId}>
            References: <{mail.MessageId}>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            The Kazybek Bi district court, on the third of June.

            """.Replace("\n", "\r\n", StringComparison.Ordinal));
        long itemId;
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            itemId = (await scope.ServiceProvider.GetRequiredService<MailStore>().StoreAsync("answer:" + reference, reply, CancellationToken.None)).InboundItemId;
            scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<IMailIngestJob>(JobQueues.Intake, j => j.ProcessAsync(itemId, CancellationToken.None));
        }

        var answer = await Poll.UntilAsync(async () =>
        {
            await using var db = _database.CreateDbContext();
            return await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => db.InboundItems.Any(i => i.Id == itemId && i.SubmissionId == s.Id));
        }, s => s is not null, Timeout, what: "the mailed answer to be ingested");
        Assert.Equal((SubmissionKind.Followup, (long?)report.Id, report.ReporterId), (answer!.Kind, answer.ParentId, answer.ReporterId));
        Assert.Contains(answer.Reference, await monitor.GetStringAsync($"/submissions/{report.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_to_a_web_reporter_without_a_mail_address_is_shown_on_the_status_page_only_and_the_monitor_is_told()
    {
        const string Question = "Was the camera returned to the operator afterwards?";
        var reports = new[]
        {
            await ReportAsync("Police in Taraz took the camera of a local channel's operator during a rally and deleted the footage.",
                new Dictionary<string, string> { ["Contact"] = "@taraz_operator" }),
            await ReportAsync("In Taraz the police took our operator's camera at the rally on the square and wiped the memory card."),
        };

        using var worker = StartWorker();
        var (monitor, monitorEmail) = await new ModerationSeed(_admin).BrowserAsync(Roles.Monitor);
        foreach (var (reference, receipt) in reports)
        {
            var report = await SettledAsync(reference);
            var details = await monitor.GetStringAsync($"/submissions/{report.Id}");
            Assert.Contains("The bot cannot write first, so the question is shown only on", details, StringComparison.Ordinal);

            await AskAsync(report.Id, Question, monitorEmail);
            var sent = await QuestionSentAsync(report.Id);
            Assert.Null(sent.ProviderMessageId);

            using var client = _public.CreateClient();
            Assert.Contains(Question, WebUtility.HtmlDecode(await WebFormPosts.OpenStatusAsync(client, reference, receipt)), StringComparison.Ordinal);
        }

        // Both questions were delivered (to the status page) and no mail about either report went anywhere.
        Assert.DoesNotContain(_smtp.Messages, m => reports.Any(r => (m.Subject ?? "").Contains(r.Reference, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_web_report_that_reads_like_advertising_waits_as_suspected_spam_like_such_a_mail_and_a_normal_one_goes_to_the_queue()
    {
        const string Advert = "Online casino with free spins! Best sports betting https://win.example/1 https://win.example/2 " +
            "https://win.example/3 https://win.example/4 https://win.example/5 make money fast";
        var (spam, _) = await ReportAsync(Advert);
        var (normal, _) = await ReportAsync("The akim of a district in Kostanay region threatened the editor of a local paper after an article about roads.");

        using var worker = StartWorker();
        var spamRow = await SettledAsync(spam);
        var normalRow = await SettledAsync(normal);
        Assert.Equal((SubmissionKind.Report, SubmissionStatus.NeedsAttention), (spamRow.Kind, spamRow.Status));
        Assert.StartsWith(SpamSigns.ReasonPrefix, spamRow.AttentionReason, StringComparison.Ordinal);
        Assert.Equal((SubmissionStatus.Pending, null), (normalRow.Status, normalRow.AttentionReason));

        // The same text by mail is held the same way, for the same reason, and not acknowledged.
        var before = _smtp.Messages.Count;
        var raw = Encoding.UTF8.GetBytes($"""
            From: Winner <winner@spam.example>
            To: info@adilsoz.kz
            Subject: Big bonus
            Date: Mon, 1 Jun 2026 10:00:00 +0500
            Message-ID: <advert-{Guid.NewGuid():N}@spam.example>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            {Advert}

            """.Replace("\n", "\r\n", StringComparison.Ordinal));
        long itemId;
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            itemId = (await scope.ServiceProvider.GetRequiredService<MailStore>().StoreAsync("advert", raw, CancellationToken.None)).InboundItemId;
            scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<IMailIngestJob>(JobQueues.Intake, j => j.ProcessAsync(itemId, CancellationToken.None));
        }

        var mailed = await Poll.UntilAsync(async () =>
        {
            await using var db = _database.CreateDbContext();
            return await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => db.InboundItems.Any(i => i.Id == itemId && i.SubmissionId == s.Id));
        }, s => s is not null, Timeout, what: "the advertising mail to be ingested");
        Assert.Equal((SubmissionStatus.NeedsAttention, spamRow.AttentionReason), (mailed!.Status, mailed.AttentionReason));

        var (monitor, _) = await new ModerationSeed(_admin).BrowserAsync(Roles.Monitor);
        var attention = await monitor.GetStringAsync("/queue?attention=true");
        Assert.Contains(spam, attention, StringComparison.Ordinal);
        Assert.Contains(mailed.Reference, attention, StringComparison.Ordinal);
        Assert.Equal(2, Occurrences(attention, "Suspected spam</span>"));
        var queue = await monitor.GetStringAsync("/queue");
        Assert.Contains(normal, queue, StringComparison.Ordinal);
        Assert.DoesNotContain(spam, queue, StringComparison.Ordinal);
        Assert.DoesNotContain("Suspected spam</span>", queue, StringComparison.Ordinal);
        await using (var db = _database.CreateDbContext())
        {
            Assert.Null(await db.OutboundMessages.AsNoTracking().FirstOrDefaultAsync(o => o.SubmissionId == mailed.Id));
        }
    }

    [Fact]
    public async Task Erasure_asked_for_by_mail_removes_the_web_reporters_contact_and_name_from_the_whole_database_and_the_report_stays()
    {
        const string Address = "Dana.Erase@example.kz";
        const string Name = "Dana Zhaksylykova";
        const string Text = "Unknown men beat a blogger in Shymkent after his video about a landfill; the police refused to register it.";
        var (reference, _) = await ReportAsync(Text, new Dictionary<string, string> { ["Contact"] = Address, ["MayName"] = "true", ["Name"] = Name });

        using var worker = StartWorker();
        var report = await SettledAsync(reference);
        await AskAsync(report.Id, "May we publish your name with the report?");
        await QuestionSentAsync(report.Id);

        // The owner of the address asked by mail and confirmed with the code: their mail reporter is erased, and with it
        // every reporter who left that address on the web form.
        long mailReporterId;
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<ReporterDirectory>();
            var mailReporter = await directory.GetOrCreateAsync(Channel.Email, Address.ToLowerInvariant(), Address.ToLowerInvariant(), null, "en", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().SaveChangesAsync();
            mailReporterId = mailReporter.Id;
        }

        await using (var scope = worker.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IIdentityErasureJob>().EraseAsync(mailReporterId, CancellationToken.None);
        }

        await using (var db = _database.CreateDbContext())
        {
            var kept = await db.Submissions.AsNoTracking().Include(s => s.Reporter).SingleAsync(s => s.Reference == reference);
            Assert.Equal(Text, kept.Text);
            Assert.NotNull(kept.Reporter!.IdentityDeletedAt);
            Assert.Equal((null, null, null), (kept.Reporter.ContactEncrypted, kept.Reporter.DisplayNameEncrypted, kept.Reporter.ClaimedKeyHash));
            Assert.False(kept.MayNameReporter);
        }

        // Every text and byte column of every table, as stored and decrypted where it decrypts.
        var protector = worker.Services.GetRequiredService<IdentityProtector>();
        var found = new List<string>();
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand("""
            SELECT table_name, column_name, data_type FROM information_schema.columns
             WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'bytea', 'jsonb')
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (table, column, type) in columns)
        {
            await using var read = new NpgsqlCommand($"SELECT \"{column}\"{(type == "jsonb" ? "::text" : "")} FROM \"{table}\" WHERE \"{column}\" IS NOT NULL", connection);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new List<string>();
                if (type == "bytea")
                {
                    var bytes = (byte[])reader.GetValue(0);
                    values.Add(Encoding.UTF8.GetString(bytes));
                    values.Add(Try(() => Encoding.UTF8.GetString(protector.UnprotectRaw(bytes))));
                }
                else
                {
                    var value = reader.GetString(0);
                    values.Add(value);
                    values.Add(Try(() => protector.Unprotect(value) ?? ""));
                }

                if (values.Any(v => v.Contains(Address, StringComparison.OrdinalIgnoreCase) || v.Contains(Name, StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add($"{table}.{column}");
                }
            }
        }

        Assert.Empty(found);
    }

    private static string Try(Func<string> decrypt)
    {
        try
        {
            return decrypt();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return "";
        }
    }
}
