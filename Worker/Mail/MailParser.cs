using System.Text.RegularExpressions;
using AdilSoz.Intake.Core.Intake;
using AdilSoz.Intake.Language.Text;
using MimeKit;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// Reads one raw mail (RFC 5322/MIME) into a <see cref="ParsedMail"/>: decoded headers, safe plain text
/// with quotes and signature set apart, every file (forwarded messages and winmail.dat included), its
/// kind and the report reference it carries. Never throws for bad input: the result's
/// <see cref="ParsedMail.Error"/> says what went wrong, and the caller keeps the raw bytes.
/// </summary>
public static partial class MailParser
{
    public static ParsedMail Parse(Stream raw, MailParserOptions? options = null)
    {
        options ??= MailParserOptions.Default;
        try
        {
            // Read at most the limit plus one byte; beyond it only count, so a huge stream is never held in memory.
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            long total = 0;
            int read;
            while ((read = raw.Read(chunk, 0, chunk.Length)) > 0)
            {
                var keep = (int)Math.Max(0, Math.Min(read, options.MaxMessageBytes + 1 - buffer.Length));
                buffer.Write(chunk, 0, keep);
                total += read;
            }

            return ParseCore(buffer.ToArray(), options, total);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new ParsedMail { Error = $"The message could not be read: {ex.Message}" };
        }
    }

    public static ParsedMail Parse(byte[] raw, MailParserOptions? options = null) => Parse(raw, options ?? MailParserOptions.Default, raw.LongLength);

    /// <summary>
    /// Reads a stored mail whose original was <paramref name="originalSize"/> bytes. When that is more than
    /// <paramref name="raw"/> holds, only the headers were downloaded (an oversize mail left in the mailbox),
    /// and the result says so.
    /// </summary>
    public static ParsedMail Parse(byte[] raw, MailParserOptions options, long originalSize) =>
        ParseCore(raw, options, Math.Max(originalSize, raw.LongLength));

    private static ParsedMail ParseCore(byte[] raw, MailParserOptions options, long rawSize)
    {
        MailCharsets.EnsureRegistered();
        using var budget = new MailBudget(options);
        try
        {
            if (rawSize > options.MaxMessageBytes)
            {
                return ParseHeadersOnly(raw, options, rawSize, TooLargeError(options, rawSize, headersOnly: raw.LongLength < rawSize), tooLarge: true);
            }

            var bytes = FoldingLimit.Apply(raw);
            var parserOptions = CreateParserOptions(options);
            string? limit = null;

            // Note: MimeMessage.Load builds every part before anything can count them, so the parts are
            // counted first without building them, and a message past the limit is read only up to it.
            if (MailPartScanner.FindCut(bytes, parserOptions, options.MaxParts, budget.Token) is { } cut)
            {
                bytes = bytes[..(int)cut];
                limit = PartLimitError(options);
            }

            budget.Check();
            using var stream = new MemoryStream(bytes, false);
            var message = MimeMessage.Load(parserOptions, stream, budget.Token);
            if (!LooksLikeMail(message))
            {
                return new ParsedMail { RawSize = rawSize, Error = "No mail headers found: this is not a readable mail message." };
            }

            var walker = new MailWalker(options, budget);
            walker.WalkBody(message.Body);
            budget.Check();
            return Build(message, options, rawSize, walker, tooLarge: false, error: limit ?? walker.Limit ?? Partial(message));
        }
        catch (Exception ex) when (ex is MailBudgetException or OperationCanceledException)
        {
            var reason = ex is MailBudgetException ? ex.Message : budget.TimeExceeded;
            return HeadersOrBare(raw, options, rawSize, reason);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Any failure on hostile input becomes a readable error: the raw bytes are kept by the caller.
            return new ParsedMail { RawSize = rawSize, Error = $"The message could not be read as MIME ({ex.GetType().Name}: {ex.Message})." };
        }
    }

    public static string PartLimitError(MailParserOptions options) =>
        $"The message has more than {options.MaxParts} MIME parts: only the first {options.MaxParts} were read; the raw message is kept.";

    private static string TooLargeError(MailParserOptions options, long rawSize, bool headersOnly) => headersOnly
        ? $"The message is {Megabytes(rawSize)} MB, over the {Megabytes(options.MaxMessageBytes)} MB limit: only its headers were downloaded; the whole message stays in the mailbox's processed folder."
        : $"The message is {Megabytes(rawSize)} MB, over the {Megabytes(options.MaxMessageBytes)} MB limit: only its headers were read; the raw message is kept.";

    /// <summary>
    /// One piece of a message sent in pieces (RFC 2046 message/partial): alone it is no one's words. The
    /// pieces are not put back together automatically — a joined message could be many times the size
    /// limit and its pieces can come from anyone — so each waits for an operator, named by its group.
    /// </summary>
    private static string? Partial(MimeMessage message) => message.Body is MessagePartial partial
        ? $"A piece ({partial.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} of {partial.Total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}) of a message sent in pieces (message/partial, id \"{Clip(partial.Id)}\"): the pieces with this id belong together and are not joined automatically; the raw pieces are kept."
        : null;

    private static string Clip(string? value) => value is null ? "" : MailTextCleanup.Storable(value.Length <= 200 ? value : value[..200]);

    /// <summary>Over a budget: the headers still say who wrote and what about, if they can be read.</summary>
    private static ParsedMail HeadersOrBare(byte[] raw, MailParserOptions options, long rawSize, string reason)
    {
        try
        {
            return ParseHeadersOnly(raw, options, rawSize, reason, tooLarge: false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new ParsedMail { RawSize = rawSize, Error = reason };
        }
    }

    public static ParserOptions CreateParserOptions(MailParserOptions options)
    {
        MailCharsets.EnsureRegistered();
        return new ParserOptions
        {
            // Note: used for 8-bit header bytes that are not valid UTF-8 and declare no charset.
            CharsetEncoding = MailCharsets.TryGet(options.FallbackCharset) ?? MailCharsets.TryGet("windows-1251")!,
            MaxMimeDepth = options.MaxDepth + 2,
            Rfc2047ComplianceMode = RfcComplianceMode.Loose,
            ParameterComplianceMode = RfcComplianceMode.Loose,
            AddressParserComplianceMode = RfcComplianceMode.Loose,
            AllowAddressesWithoutDomain = true,
        };
    }

    /// <summary>Read only the header block, so the sender and kind are still known.</summary>
    private static ParsedMail ParseHeadersOnly(byte[] raw, MailParserOptions options, long rawSize, string error, bool tooLarge)
    {
        var end = HeaderEnd(raw);
        var headerBytes = new byte[end + 2];
        Array.Copy(raw, headerBytes, end);
        headerBytes[end] = (byte)'\n';
        headerBytes[end + 1] = (byte)'\n';
        using var stream = new MemoryStream(FoldingLimit.Apply(headerBytes), false);
        var message = MimeMessage.Load(CreateParserOptions(options), stream);
        return Build(message, options, rawSize, new MailWalker(options), tooLarge, error);
    }

    private static int HeaderEnd(byte[] raw)
    {
        var limit = Math.Min(raw.Length, 1024 * 1024);
        for (var i = 0; i < limit - 1; i++)
        {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.Length && raw[i + 2] == '\n')))
            {
                return i;
            }
        }

        return limit;
    }

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static bool LooksLikeMail(MimeMessage message) =>
        message.Headers.Any(h => h.Id is HeaderId.From or HeaderId.Subject or HeaderId.Date or HeaderId.MessageId or HeaderId.To or HeaderId.Received or HeaderId.ContentType);

    private static ParsedMail Build(MimeMessage message, MailParserOptions options, long rawSize, MailWalker walker, bool tooLarge, string? error)
    {
        var subject = DecodeHeader(message, HeaderId.Subject, options);
        var body = MailTextCleanup.Normalise(string.Join("\n\n", walker.Texts));
        var (fresh, quoted) = ReplySplitter.Split(body);
        var text = string.Join("\n\n", new[] { fresh }.Concat(walker.Forwarded).Where(s => s.Length > 0));

        var classification = MailClassifier.Classify(message);
        var reference = FindReference(subject, message, body + "\n" + string.Join("\n", walker.Forwarded));
        var (kind, reason) = classification.Kind switch
        {
            { } k => (k, classification.Reason),
            null when reference is not null => (SubmissionKind.Followup, $"Carries the reference {reference.Value.Reference} ({reference.Value.Where}); the pipeline attaches it to that report if it exists."),
            null => (SubmissionKind.Report, "Written by a person; no report reference found, so it is a new report."),
        };

        return new ParsedMail
        {
            MessageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : MailTextCleanup.Storable(message.MessageId),
            InReplyTo = string.IsNullOrWhiteSpace(message.InReplyTo) ? null : MailTextCleanup.Storable(message.InReplyTo),
            References = [.. message.References.Select(MailTextCleanup.Storable)],
            Date = message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue ? message.Date : null,
            From = Contacts(message.From).FirstOrDefault(),
            To = Contacts(message.To),
            Cc = Contacts(message.Cc),
            ReplyTo = Contacts(message.ReplyTo).FirstOrDefault(),
            AuthenticationResults = [.. message.Headers.Where(h => h.Id == HeaderId.AuthenticationResults).Take(SenderVerification.MaxHeaders).Select(h => h.RawValue)],
            Subject = MailTextCleanup.Storable(subject),
            Text = MailTextCleanup.Storable(text),
            QuotedText = MailTextCleanup.Storable(quoted),
            ForwardedFrom = MailTextCleanup.Storable(string.Join("; ", walker.ForwardedFrom)),
            Reference = reference?.Reference,
            Kind = kind,
            KindReason = reason,
            BounceRecipient = classification.BounceRecipient,
            BounceMessageId = classification.BounceMessageId,
            BouncePermanent = classification.BouncePermanent,
            // A mail with no words to go by is answered in Russian, the language most reporters write in.
            Language = LanguageDetector.Detect(subject + "\n" + fresh) ?? "ru",
            Attachments = [.. walker.Attachments.Select(a => a with { FileName = MailTextCleanup.Storable(a.FileName), ContentType = MailTextCleanup.Storable(a.ContentType) })],
            Warnings = walker.Warnings,
            RawSize = rawSize,
            TooLarge = tooLarge,
            Error = error,
        };
    }

    private static List<MailContact> Contacts(InternetAddressList list) =>
        [.. list.Mailboxes.Where(m => !string.IsNullOrWhiteSpace(m.Address)).Select(m => new MailContact(MailTextCleanup.Storable(m.Address).Trim(), string.IsNullOrWhiteSpace(m.Name) ? null : MailTextCleanup.Storable(m.Name).Trim()))];

    /// <summary>
    /// A header's text. Raw 8-bit bytes (no encoded words) are decoded by <see cref="MailCharsets.Guess"/>,
    /// which also recognises KOI8-R; everything else is MimeKit's RFC 2047 decoding.
    /// </summary>
    private static string DecodeHeader(MimeMessage message, HeaderId id, MailParserOptions options)
    {
        var header = message.Headers.FirstOrDefault(h => h.Id == id);
        if (header is null)
        {
            return "";
        }

        var raw = header.RawValue;
        if (raw.AsSpan().ContainsAnyInRange((byte)0x80, (byte)0xFF) && raw.AsSpan().IndexOf("=?"u8) < 0)
        {
            return Unfold(MailCharsets.Guess(raw, options.FallbackCharset));
        }

        return Unfold(header.Value ?? "");
    }

    private static string Unfold(string value) => Whitespace().Replace(MailTextCleanup.Storable(value), " ").Trim();

    private static (string Reference, string Where)? FindReference(string subject, MimeMessage message, string body)
    {
        if (ReferencePattern().Match(subject) is { Success: true } s)
        {
            return (s.Value.ToUpperInvariant(), "in the subject");
        }

        // Acknowledgements carry the reference in their Message-ID, so a reply whose subject was changed still threads.
        foreach (var id in message.References.Append(message.InReplyTo ?? ""))
        {
            if (ReferencePattern().Match(id) is { Success: true } r)
            {
                return (r.Value.ToUpperInvariant(), "in the reply headers");
            }
        }

        return ReferencePattern().Match(body) is { Success: true } b ? (b.Value.ToUpperInvariant(), "in the text") : null;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])AS-\d{4}-\d{5,}(?!\d)", RegexOptions.IgnoreCase)]
    public static partial Regex ReferencePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
