using MimeKit;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// The time and memory reading one mail may cost (<see cref="MailParserOptions.MaxParseSeconds"/>,
/// <see cref="MailParserOptions.MaxParseAllocatedBytes"/>). The parser hands <see cref="Token"/> to MimeKit
/// and the HTML reader; the walker calls <see cref="Check"/> between parts. Past either budget reading
/// stops with a <see cref="MailBudgetException"/> that says which, so the mail goes to "needs attention"
/// on the first attempt instead of taking the Worker down with it.
/// </summary>
internal sealed class MailBudget : IDisposable
{
    private readonly MailParserOptions _options;
    private readonly CancellationTokenSource _deadline;

    // Note: parsing is synchronous on one thread, so this thread's allocations are this mail's.
    private readonly long _allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();

    public MailBudget(MailParserOptions options)
    {
        _options = options;
        _deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxParseSeconds));
    }

    public CancellationToken Token => _deadline.Token;

    public string TimeExceeded => $"Reading the message took longer than {_options.MaxParseSeconds} s and was stopped; the raw message is kept.";

    public void Check()
    {
        if (_deadline.IsCancellationRequested)
        {
            throw new MailBudgetException(TimeExceeded);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - _allocatedAtStart;
        if (allocated > _options.MaxParseAllocatedBytes)
        {
            throw new MailBudgetException($"Reading the message needed more than {MailParser.Megabytes(_options.MaxParseAllocatedBytes)} MB of memory and was stopped; the raw message is kept.");
        }
    }

    public void Dispose() => _deadline.Dispose();
}

/// <summary>A mail went over its reading budget; the message says which budget, for an operator.</summary>
public sealed class MailBudgetException(string message) : Exception(message);

/// <summary>
/// Counts the MIME parts of a raw message with MimeKit's event reader, which builds nothing, and stops at
/// the first part past the limit. <see cref="CutAt"/> is then where that part's boundary line starts: the
/// bytes before it hold exactly the parts within the limit, so only those are ever built in memory.
/// </summary>
internal sealed class MailPartScanner(ParserOptions options, Stream stream, int maxParts) : MimeReader(options, stream, MimeFormat.Default)
{
    private long _lastBoundary = -1;
    private int _parts;

    /// <summary>The offset to cut the message at, or null when it has no more parts than the limit.</summary>
    public long? CutAt { get; private set; }

    public static long? FindCut(byte[] raw, ParserOptions options, int maxParts, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(raw, false);
        var scanner = new MailPartScanner(options, stream, maxParts);
        try
        {
            scanner.ReadMessage(cancellationToken);
        }
        catch (LimitReachedException)
        {
        }
        catch (FormatException)
        {
            // Broken MIME is the full parser's to report; the scan only looks for too many parts.
        }

        return scanner.CutAt;
    }

    protected override void OnMultipartBoundaryBegin(long beginOffset, int lineNumber, CancellationToken cancellationToken) =>
        _lastBoundary = beginOffset;

    protected override void OnMultipartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken) =>
        Count(beginOffset);

    protected override void OnMessagePartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken) =>
        Count(beginOffset);

    protected override void OnMimePartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken) =>
        Count(beginOffset);

    private void Count(long beginOffset)
    {
        if (++_parts > maxParts)
        {
            CutAt = _lastBoundary >= 0 ? _lastBoundary : beginOffset;
            throw new LimitReachedException();
        }
    }

    private sealed class LimitReachedException : Exception;
}
