using System.Security.Cryptography;
using System.Text;
using AdilSoz.Intake.Core.Intake;
using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Text;
using MimeKit.Tnef;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// Walks a MIME tree once, collecting body text, forwarded messages and files within the limits of
/// <see cref="MailParserOptions"/>. Anything skipped is named in <see cref="Warnings"/>, never dropped silently;
/// a limit that kept part of the message unread (too many parts, hostile HTML) is also set as <see cref="Limit"/>,
/// and the <see cref="MailBudget"/>, when given, is checked at every part.
/// </summary>
internal sealed class MailWalker(MailParserOptions options, MailBudget? budget = null)
{
    /// <summary>Quotes nested deeper than this are no mail a person wrote (a long thread nests a few dozen).</summary>
    public const int HostileQuoteDepth = 100;

    public const string ForwardedHeader = "---- Forwarded message ----";

    private readonly HashSet<string> _warned = [];
    private int _parts;
    private long _decoded;

    public List<string> Texts { get; } = [];

    public List<string> Forwarded { get; } = [];

    /// <summary>Senders of forwarded messages ("Name &lt;address&gt;"), kept apart from the text: they identify people.</summary>
    public List<string> ForwardedFrom { get; } = [];

    public List<MailAttachment> Attachments { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>Why the message was not read whole and needs an operator; null when every limit held.</summary>
    public string? Limit { get; private set; }

    public void WalkBody(MimeEntity? body)
    {
        if (body is not null)
        {
            Walk(body, 0, true, Texts, "mail");
        }
    }

    private void Walk(MimeEntity entity, int depth, bool wantText, List<string> texts, string origin)
    {
        budget?.Check();
        if (++_parts > options.MaxParts)
        {
            Warn($"The message has more than {options.MaxParts} MIME parts; the rest were not read.");
            Limit ??= MailParser.PartLimitError(options);
            return;
        }

        if (depth > options.MaxDepth)
        {
            Warn($"Parts nested deeper than {options.MaxDepth} levels were not read.");
            return;
        }

        switch (entity)
        {
            case MultipartAlternative alternative:
                var preferred = wantText ? PickAlternative(alternative) : null;
                foreach (var child in alternative)
                {
                    Walk(child, depth + 1, wantText && ReferenceEquals(child, preferred), texts, origin);
                }

                break;
            case MultipartSigned signed:
                // Note: the second part of multipart/signed is the signature itself, not content.
                if (signed.Count > 0)
                {
                    Walk(signed[0], depth + 1, wantText, texts, origin);
                }

                break;
            case MultipartEncrypted:
                Warn("An encrypted part (PGP/MIME) could not be read.");
                break;
            case MultipartReport report:
                foreach (var child in report)
                {
                    // The machine-readable status and the returned original are not the sender's words.
                    if (child is MessageDeliveryStatus or MessageDispositionNotification or TextRfc822Headers or MessagePart)
                    {
                        continue;
                    }

                    Walk(child, depth + 1, wantText, texts, origin);
                }

                break;
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    Walk(child, depth + 1, wantText, texts, origin);
                }

                break;
            case MessagePart { Message: { } inner }:
                WalkForwarded(inner, depth + 1);
                break;
            case MessagePart:
                break;
            case TnefPart tnef:
                ExpandTnef(tnef, origin);
                break;
            case ApplicationPkcs7Signature or ApplicationPgpSignature:
                break;
            case TextPart text when IsBodyText(text):
                if (wantText)
                {
                    var content = ReadText(text);
                    texts.Add(text.IsHtml ? ReadHtml(content) : MailTextCleanup.Normalise(content));
                }

                // A body alternative that was not chosen is the same words again; it is not a file.
                break;
            case MimePart part:
                AddAttachment(part, origin);
                break;
            default:
                break;
        }
    }

    private string ReadHtml(string html)
    {
        var result = HtmlText.Convert(html, HtmlText.MaxChars, budget?.Token ?? CancellationToken.None);
        if (result.Cut)
        {
            Warn($"The HTML text is longer than {HtmlText.MaxChars} characters; the rest was not read.");
            Limit ??= $"The HTML text is longer than {HtmlText.MaxChars} characters: only the beginning was read; the raw message is kept.";
        }

        if (result.DeepestQuote > HostileQuoteDepth)
        {
            Warn($"The HTML text nests quotes {result.DeepestQuote} levels deep; only {HtmlText.MaxQuoteMarks} are shown.");
            Limit ??= $"The HTML text nests quotes {result.DeepestQuote} levels deep (a person's mail nests a few): it is shown flattened; the raw message is kept.";
        }

        budget?.Check();
        return result.Text;
    }

    private static bool IsBodyText(TextPart text) =>
        (text.IsPlain || text.IsHtml || text.IsFlowed) && !text.IsAttachment && text.FileName is null;

    /// <summary>The plain-text alternative when it has words, else the last (richest) one.</summary>
    private MimeEntity? PickAlternative(MultipartAlternative alternative)
    {
        foreach (var child in alternative)
        {
            if (child is TextPart { IsPlain: true } plain && IsBodyText(plain) && ReadText(plain, count: false).Trim().Length > 0)
            {
                return child;
            }
        }

        return alternative.LastOrDefault(c => c is not TextPart t || t.IsHtml || t.IsPlain);
    }

    private void WalkForwarded(MimeMessage inner, int depth)
    {
        var texts = new List<string>();
        var at = Forwarded.Count;
        if (inner.Body is not null)
        {
            Walk(inner.Body, depth, true, texts, "forwarded");
        }

        var header = new StringBuilder();
        header.Append(ForwardedHeader).Append('\n');
        if (inner.From.Count > 0)
        {
            // The sender goes to the encrypted provenance, not into the text every monitor reads.
            var from = string.Join(", ", inner.From.Mailboxes.Select(m => string.IsNullOrWhiteSpace(m.Name) ? m.Address : $"{m.Name} <{m.Address}>"));
            if (!ForwardedFrom.Contains(from))
            {
                ForwardedFrom.Add(from);
            }
        }

        if (inner.Headers.Contains(HeaderId.Date))
        {
            header.Append("Date: ").Append(inner.Date.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        if (!string.IsNullOrEmpty(inner.Subject))
        {
            header.Append("Subject: ").Append(inner.Subject).Append('\n');
        }

        var body = MailTextCleanup.Normalise(string.Join("\n\n", texts));

        // Messages forwarded inside this one were added while walking it; this one goes before them.
        Forwarded.Insert(at, header.Append('\n').Append(body).ToString().TrimEnd());
    }

    private void ExpandTnef(TnefPart tnef, string origin)
    {
        try
        {
            var files = tnef.ExtractAttachments().Distinct(ReferenceEqualityComparer.Instance).OfType<MimePart>().ToList();
            var added = 0;
            foreach (var part in files)
            {
                budget?.Check();
                if (++_parts > options.MaxParts)
                {
                    Warn($"The message has more than {options.MaxParts} MIME parts; the rest were not read.");
                    Limit ??= MailParser.PartLimitError(options);
                    return;
                }

                // The TNEF body duplicates the mail's own text; only files are taken.
                if (part.FileName is null || part.FileName is "body.txt" or "body.html" or "body.rtf")
                {
                    continue;
                }

                AddAttachment(part, origin == "mail" ? "winmail.dat" : origin);
                added++;
            }

            if (added == 0)
            {
                AddAttachment(tnef, origin);
            }
        }
        catch (Exception ex) when (ex is TnefException or FormatException or InvalidOperationException or ArgumentException or IOException)
        {
            Warn("winmail.dat could not be unpacked; it is kept as a file.");
            AddAttachment(tnef, origin);
        }
    }

    private string ReadText(TextPart text, bool count = true)
    {
        var bytes = Decode(text, count, out var size);
        if (size > 0 && bytes.Length == 0)
        {
            Warn($"A text part of {MailParser.Megabytes(size)} MB is over the size limit and was not read.");
        }

        var content = MailCharsets.Decode(bytes, text.ContentType.Charset, options.FallbackCharset);
        if (text.IsFlowed)
        {
            var delsp = text.ContentType.Parameters.TryGetValue("delsp", out string? d) && d is not null && d.Equals("yes", StringComparison.OrdinalIgnoreCase);
            content = new FlowedToText { DeleteSpace = delsp }.Convert(content);
        }

        return content;
    }

    /// <summary>Decodes a part's content, keeping at most what the limits allow and counting the rest.</summary>
    private byte[] Decode(MimePart part, bool count, out long size)
    {
        if (part.Content is null)
        {
            size = 0;
            return [];
        }

        var cap = Math.Max(0, Math.Min(options.MaxAttachmentBytes, options.MaxTotalDecodedBytes - _decoded));
        using var sink = new CappedStream(cap);
        part.Content.DecodeTo(sink);
        size = sink.Total;
        if (count)
        {
            _decoded += sink.Kept;
        }

        return sink.Overflowed ? [] : sink.ToArray();
    }

    private static string FallbackName(string contentType, int number) =>
        $"attachment-{number}{(MimeTypes.TryGetExtension(contentType, out var extension) ? extension : ".bin")}";

    private void AddAttachment(MimePart part, string origin)
    {
        var bytes = Decode(part, true, out var size);
        var contentType = part.ContentType.MimeType.ToLowerInvariant();
        var name = FileNames.Clean(part.FileName) ?? FallbackName(contentType, Attachments.Count + 1);
        var tooLarge = size > 0 && bytes.Length == 0;
        if (tooLarge)
        {
            Warn($"The file \"{name}\" ({MailParser.Megabytes(size)} MB) is over the size limit and was not kept.");
        }

        var disposition = part.ContentDisposition?.Disposition;
        Attachments.Add(new MailAttachment
        {
            FileName = name,
            ContentType = contentType,
            Content = bytes,
            Size = size,
            Sha256 = tooLarge ? null : Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Inline = string.Equals(disposition, ContentDisposition.Inline, StringComparison.OrdinalIgnoreCase)
                || (disposition is null && part.ContentId is not null),
            ContentId = part.ContentId,
            TooLarge = tooLarge,
            Origin = origin,
        });
    }

    private void Warn(string warning)
    {
        if (_warned.Add(warning))
        {
            Warnings.Add(warning);
        }
    }
}
