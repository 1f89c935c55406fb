using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdilSoz.Intake.Tests.Infrastructure;

/// <summary>One Bot API call as the stand-in received it, with the status it answered.</summary>
public sealed record BotApiCall(string Method, JsonObject Body, int StatusCode, DateTimeOffset At);

/// <summary>A message the bot sent (its current text and buttons after edits).</summary>
public sealed record BotApiMessage(long ChatId, long MessageId, string? Text, IReadOnlyList<IReadOnlyList<(string Text, string? CallbackData)>> Buttons, int EditCount)
{
    public IEnumerable<string?> CallbackData => Buttons.SelectMany(r => r).Select(b => b.CallbackData);
}

/// <summary>A file the stand-in serves through getFile and /file/bot{token}/{path}.</summary>
public sealed record BotApiFile(string FileId, string FileUniqueId, string FilePath, long Size, string FileName, byte[] Content);

/// <summary>
/// An in-process Telegram Bot API on 127.0.0.1 (Kestrel, free port) for the real Telegram.Bot client:
/// <c>POST /bot{token}/{method}</c> with JSON, form or multipart bodies, and file download
/// <c>GET /file/bot{token}/{file_path}</c>. It records every call, keeps the messages the bot sent
/// per chat, queues updates for getUpdates (long-poll honouring <c>timeout</c>; updates with
/// id &lt; offset are confirmed and dropped) and injects faults (429 with retry_after, 403 blocked, 5xx).
/// Point the bot at it with <c>Telegram__ApiBaseUrl = BaseUrl</c> and <c>Telegram__BotToken = Token</c>.
/// </summary>
public sealed partial class BotApiStandIn : IAsyncDisposable
{
    public const string DefaultToken = "424242:stand-in-token-for-tests";
    public const long BotUserId = 123456789;
    public const string BotUsername = "AdilSozTestBot";

    private readonly Lock _gate = new();
    private readonly List<BotApiCall> _calls = [];
    private readonly List<JsonObject> _pendingUpdates = [];
    private readonly Dictionary<(long Chat, long Message), JsonObject> _botMessages = [];
    private readonly Dictionary<(long Chat, long Message), int> _editCounts = [];
    private readonly Dictionary<long, long> _nextMessageId = [];
    private readonly Dictionary<string, BotApiFile> _filesById = [];
    private readonly Dictionary<string, BotApiFile> _filesByPath = [];
    private readonly HashSet<long> _blockedChats = [];
    private readonly List<Fault> _faults = [];
    private readonly HashSet<JsonObject> _redeliveries = new(ReferenceEqualityComparer.Instance);
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _nextUpdateId = 700_000_000;
    private int _nextFile;
    private WebApplication? _app;

    private BotApiStandIn(string token)
    {
        Token = token;
    }

    public string Token { get; }

    /// <summary>http://127.0.0.1:{port} — the value for Telegram__ApiBaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The highest offset getUpdates was called with (updates below it are confirmed).</summary>
    public long? LastOffset { get; private set; }

    /// <summary>The URL set with setWebhook, or null after deleteWebhook.</summary>
    public string? WebhookUrl { get; private set; }

    public int PendingUpdateCount
    {
        get
        {
            lock (_gate)
            {
                return _pendingUpdates.Count;
            }
        }
    }

    public static async Task<BotApiStandIn> StartAsync(string token = DefaultToken)
    {
        var standIn = new BotApiStandIn(token);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        standIn.BaseUrl = addresses.Addresses.First().TrimEnd('/');
        standIn._app = app;
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        // Note: end pending long polls first, or Kestrel waits for them during shutdown.
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    /// <summary>Every call so far (including failed ones), optionally of one method.</summary>
    public IReadOnlyList<BotApiCall> Calls(string? method = null)
    {
        lock (_gate)
        {
            return _calls.Where(c => method is null || c.Method.Equals(method, StringComparison.OrdinalIgnoreCase)).ToList();
        }
    }

    /// <summary>The messages the bot sent to a chat, in order, as they look now (after edits).</summary>
    public IReadOnlyList<BotApiMessage> SentMessages(long chatId)
    {
        lock (_gate)
        {
            return _botMessages.Where(m => m.Key.Chat == chatId).OrderBy(m => m.Key.Message)
                .Select(m => ToMessage(m.Key.Chat, m.Key.Message, m.Value, _editCounts.GetValueOrDefault(m.Key))).ToList();
        }
    }

    /// <summary>Waits until the bot has sent (or edited into) a message in the chat that matches.</summary>
    public async Task<BotApiMessage> WaitForMessageAsync(long chatId, Func<BotApiMessage, bool> predicate, TimeSpan? timeout = null)
    {
        BotApiMessage? found = null;
        var ok = await WaitUntilAsync(() => (found = SentMessages(chatId).FirstOrDefault(predicate)) is not null, timeout ?? TimeSpan.FromSeconds(30));
        if (!ok || found is null)
        {
            var seen = string.Join("\n---\n", SentMessages(chatId).Select(m => m.Text));
            throw new TimeoutException($"No matching message in chat {chatId}. The bot sent:\n{seen}");
        }

        return found;
    }

    /// <summary>Waits until a message containing <paramref name="text"/> arrives in the chat.</summary>
    public Task<BotApiMessage> WaitForMessageAsync(long chatId, string text, TimeSpan? timeout = null) =>
        WaitForMessageAsync(chatId, m => m.Text?.Contains(text, StringComparison.Ordinal) == true, timeout);

    /// <summary>Waits (without sleeping) until the condition holds after some call; false on timeout.</summary>
    public async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                signal = _changed.Task;
            }

            if (condition())
            {
                return true;
            }

            try
            {
                await signal.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                return condition();
            }
        }
    }

    /// <summary>Waits until getUpdates confirmed the update (was called with an offset above its id).</summary>
    public Task<bool> WaitForConfirmationAsync(long updateId, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => LastOffset > updateId, timeout ?? TimeSpan.FromSeconds(30));

    /// <summary>The next <paramref name="count"/> calls (of <paramref name="method"/>, or of any method but getUpdates) get 429.</summary>
    public void FailWithTooManyRequests(int count, int retryAfterSeconds = 1, string? method = null) =>
        AddFault(new Fault(method, count, 429, $"Too Many Requests: retry after {retryAfterSeconds}", retryAfterSeconds));

    /// <summary>The next <paramref name="count"/> calls (of <paramref name="method"/>, or of any method but getUpdates) get a 5xx.</summary>
    public void FailWithServerError(int count, int statusCode = 500, string? method = null) =>
        AddFault(new Fault(method, count, statusCode, statusCode == 502 ? "Bad Gateway" : "Internal Server Error", null));

    /// <summary>Every call for this chat answers 403 "Forbidden: bot was blocked by the user".</summary>
    public void BlockChat(long chatId)
    {
        lock (_gate)
        {
            _blockedChats.Add(chatId);
        }
    }

    public void UnblockChat(long chatId)
    {
        lock (_gate)
        {
            _blockedChats.Remove(chatId);
        }
    }

    /// <summary>
    /// Serves an update again with the same update_id and bytes, as Telegram does when it did not
    /// see the acknowledgement (the offset was not advanced): the next getUpdates returns it once
    /// even though its id is below the offset already confirmed.
    /// </summary>
    public void Redeliver(BotApiUpdate update)
    {
        lock (_gate)
        {
            var copy = (JsonObject)update.Json.DeepClone();
            _redeliveries.Add(copy);
            _pendingUpdates.Insert(0, copy);
        }

        Pulse();
    }

    /// <summary>Makes bytes downloadable through getFile; <paramref name="reportedSize"/> fakes a size (e.g. over 20 MB).</summary>
    public BotApiFile RegisterFile(byte[] content, string fileName = "file.bin", long? reportedSize = null)
    {
        lock (_gate)
        {
            var n = ++_nextFile;
            var folder = Path.GetExtension(fileName).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" ? "photos" : "documents";
            var file = new BotApiFile($"FILE{n:D4}-{Guid.NewGuid():N}", $"UNIQ{n:D4}", $"{folder}/file_{n}{Path.GetExtension(fileName)}",
                reportedSize ?? content.Length, fileName, content);
            _filesById[file.FileId] = file;
            _filesByPath[file.FilePath] = file;
            return file;
        }
    }

    private void AddFault(Fault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    private void Pulse()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = NewSignal();
        }

        old.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static BotApiMessage ToMessage(long chat, long id, JsonObject m, int editCount)
    {
        var rows = new List<IReadOnlyList<(string, string?)>>();
        if (m["reply_markup"]?["inline_keyboard"] is JsonArray keyboard)
        {
            foreach (var row in keyboard.OfType<JsonArray>())
            {
                rows.Add(row.OfType<JsonObject>().Select(b => ((string?)b["text"] ?? "", (string?)b["callback_data"])).ToList());
            }
        }

        return new BotApiMessage(chat, id, (string?)m["text"], rows, editCount);
    }

    private sealed class Fault(string? method, int count, int statusCode, string description, int? retryAfter)
    {
        public string? Method { get; } = method;

        public int Remaining { get; set; } = count;

        public int StatusCode { get; } = statusCode;

        public string Description { get; } = description;

        public int? RetryAfter { get; } = retryAfter;
    }
}
