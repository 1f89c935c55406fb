using System.Collections.Concurrent;
using System.Globalization;
using AdilSoz.Intake.Tests.Infrastructure;
using MailKit;
using MailKit.Net.Imap;
using MimeKit;
using Npgsql;

namespace AdilSoz.Intake.Tests.Reliability;

/// <summary>A channel the driver sends reports through.</summary>
public enum ReportChannel
{
    Telegram,
    Mail,
}

/// <summary>One report the driver sent: its token, channel, when, and (Telegram) the reporter's chat.</summary>
public sealed record SentReport(string Token, bool Telegram, DateTimeOffset SentAt, long ChatId, string? MessageId);

/// <summary>
/// The whole system as it runs in production, for crash, fault and load runs: a fresh PostgreSQL
/// database, a Dovecot mailbox, an SMTP capture and the Bot API stand-in, with the Bot and the Worker
/// as real processes (<see cref="HostRun"/>) that can be killed and restarted. Reports go in through
/// both channels, each with a unique token in its text, so that <see cref="TallyAsync"/> can tell
/// for every one whether it arrived, once, and reached the moderation queue.
/// </summary>
public sealed class ReliabilityWorld : IAsyncDisposable
{
    /// <summary>
    /// A quick report: a plain message, then the buttons the reporter presses (evidence skipped,
    /// today, Astana, "it happened to me", do not name me, send).
    /// </summary>
    public static readonly string[] QuickReportButtons = ["skip", "when:today", "region:astana", "aff:me", "name:no", "submit"];

    private static readonly string[] Openings =
    [
        "В Уральске неизвестные разбили машину редакции газеты",
        "Корреспонденту в Караганде угрожали по телефону после публикации о застройке",
        "Журналиста не пустили на сессию маслихата в Актобе, пресс-карту отобрали",
        "Блогеру из Шымкента пришла повестка в полицию за пост о больнице",
        "На съёмочную группу напали у здания акимата в Таразе",
        "Сайт районной газеты в Кокшетау заблокировали после статьи о выборах",
    ];

    private readonly ConcurrentDictionary<string, SentReport> _sent = new();
    private readonly SemaphoreSlim _appendGate = new(1, 1);
    private ImapClient? _appender;
    private int _next;

    private ReliabilityWorld()
    {
    }

    /// <summary>A short random id of this run: it is in every token and in the log file names.</summary>
    public string Run { get; } = "r" + Guid.NewGuid().ToString("N")[..5];

    public PostgresDatabase Database { get; } = new();

    public DovecotServer Dovecot { get; } = new();

    public SmtpCapture Smtp { get; } = new();

    public BotApiStandIn Api { get; private set; } = null!;

    public HostRun Bot { get; private set; } = null!;

    public HostRun Worker { get; private set; } = null!;

    public IReadOnlyCollection<SentReport> Sent => [.. _sent.Values];

    /// <summary>Starts the servers and the database; the Bot and Worker processes are created, not started.</summary>
    public static async Task<ReliabilityWorld> StartAsync(int jobWorkers = 4)
    {
        var world = new ReliabilityWorld();
        await Task.WhenAll(world.Dovecot.InitializeAsync(), world.Smtp.InitializeAsync(), world.Database.InitializeAsync());
        world.Api = await BotApiStandIn.StartAsync();
        var environment = world.Environment(jobWorkers);
        world.Bot = new HostRun("Bot", environment, world.Run);
        world.Worker = new HostRun("Worker", environment, world.Run);
        return world;
    }

    /// <summary>The settings of both processes, as environment variables.</summary>
    public Dictionary<string, string?> Environment(int jobWorkers) => new()
    {
        ["ConnectionStrings__Intake"] = Database.ConnectionString,
        ["Worker__JobWorkers"] = jobWorkers.ToString(CultureInfo.InvariantCulture),
        ["Telegram__BotToken"] = Api.Token,
        ["Telegram__ApiBaseUrl"] = Api.BaseUrl,
        ["Bot__ReportsPerDay"] = "10",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        ["Mailbox__Host"] = Dovecot.Host,
        ["Mailbox__Port"] = Dovecot.Port.ToString(CultureInfo.InvariantCulture),
        ["Mailbox__Security"] = "None",
        ["Mailbox__Username"] = Dovecot.Username,
        ["Mailbox__Password"] = Dovecot.Password,
        ["Mailbox__IdleRenewMinutes"] = "1",
        ["Mailbox__PollSeconds"] = "1",
        ["Smtp__Host"] = Smtp.Host,
        ["Smtp__Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp__Security"] = "None",
        ["Smtp__From"] = "Әділ сөз <info@adilsoz.kz>",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>A quick report through Telegram from a new reporter: one message and six button presses, queued at once.</summary>
    public SentReport SendTelegramReport()
    {
        var n = Interlocked.Increment(ref _next);
        var token = Token(n);
        var chat = 810_000_000L + n;
        var sent = new SentReport(token, true, DateTimeOffset.UtcNow, chat, null);
        _sent[token] = sent;
        Api.EnqueueText(chat, Text(n, token));
        foreach (var button in QuickReportButtons)
        {
            Api.EnqueueCallback(chat, 1, button);
        }

        return sent;
    }

    /// <summary>A report by mail from a new sender, appended to the intake mailbox over one kept IMAP connection.</summary>
    public async Task<SentReport> SendMailReportAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var token = Token(n);
        var messageId = $"{token}@mail.kz";
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress($"Репортёр {n}", $"reporter{n}.{Run}@mail.kz"));
        message.To.Add(new MailboxAddress("Әділ сөз", "info@adilsoz.kz"));
        message.Subject = $"Нарушение прав журналиста {n}";
        message.MessageId = messageId;
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new TextPart("plain") { Text = Text(n, token) + "\n\nС уважением,\nРепортёр" };

        await _appendGate.WaitAsync();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    _appender ??= await Dovecot.ConnectAsync();
                    var sent = new SentReport(token, false, DateTimeOffset.UtcNow, 0, messageId);
                    _sent[token] = sent;
                    await _appender.Inbox.AppendAsync(new AppendRequest(message, MessageFlags.None));
                    return sent;
                }
                catch (Exception e) when (attempt < 20 && e is IOException or ImapProtocolException or ServiceNotConnectedException)
                {
                    // The test may have dropped IMAP connections on purpose (several times in a row on a busy
                    // machine): reconnect and append again. An append that did land is folded by its Message-ID.
                    _appender?.Dispose();
                    _appender = null;
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Min(attempt, 10)));
                }
            }
        }
        finally
        {
            _appendGate.Release();
        }
    }

    /// <summary>
    /// Sends <paramref name="count"/> reports at a steady <paramref name="perSecond"/>, alternating Telegram
    /// and mail (half each), or only through <paramref name="only"/>. Returns how far behind schedule the
    /// sender fell at worst.
    /// </summary>
    public async Task<TimeSpan> SendAtRateAsync(int count, double perSecond, ReportChannel? only = null, CancellationToken cancellationToken = default)
    {
        var start = DateTime.UtcNow;
        var behind = TimeSpan.Zero;
        for (var i = 0; i < count && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = start + TimeSpan.FromSeconds(i / perSecond);
            var wait = due - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                // Pacing the sender, not waiting for a result.
                await Task.Delay(wait, cancellationToken);
            }
            else if (-wait > behind)
            {
                behind = -wait;
            }

            if (only == ReportChannel.Telegram || (only is null && i % 2 == 0))
            {
                SendTelegramReport();
            }
            else
            {
                await SendMailReportAsync();
            }
        }

        return behind;
    }

    /// <summary>Starts the Worker and the Bot processes and waits until both work (the Bot polls, the Worker's job server is up).</summary>
    public async Task StartHostsAsync()
    {
        Worker.Start();
        Bot.Start();
        // Note: generous, a process start takes over a minute when the machine is busy.
        var polled = await Api.WaitUntilAsync(() => Api.Calls().Count > 0, TimeSpan.FromSeconds(180));
        var servers = await Poll.UntilAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM hangfire.server", connection);
            return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }, n => n > 0, TimeSpan.FromSeconds(180));
        if (!polled || servers == 0)
        {
            throw new TimeoutException($"The hosts did not start (Bot polling: {polled}, Worker servers: {servers}); see artifacts/logs/reliability/{Run}-*.log");
        }
    }

    /// <summary>Reads what became of every sent report.</summary>
    public Task<ReliabilityFigures> TallyAsync() => ReliabilityFigures.ReadAsync(this);

    /// <summary>Waits until every sent report is in the queue (or nothing moved for <paramref name="quiet"/>), then tallies.</summary>
    public async Task<ReliabilityFigures> WaitUntilSettledAsync(TimeSpan timeout, TimeSpan quiet)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = await TallyAsync();
        var lastChange = DateTime.UtcNow;
        while (!last.Settled && DateTime.UtcNow < deadline && DateTime.UtcNow - lastChange < quiet)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var now = await TallyAsync();
            if (now.Progress != last.Progress)
            {
                lastChange = DateTime.UtcNow;
            }

            last = now;
        }

        return last;
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Worker.DisposeAsync();
        _appender?.Dispose();
        await Api.DisposeAsync();
        await Smtp.DisposeAsync();
        await Dovecot.DisposeAsync();
        await Database.DisposeAsync();
        _appendGate.Dispose();
    }

    private string Token(int n) => $"RLB{Run}n{n:D6}";

    private static string Text(int n, string token) =>
        $"{Openings[n % Openings.Length]} (сообщение {token}). Случилось сегодня утром, есть свидетели, прошу помочь с юристом.";
}
