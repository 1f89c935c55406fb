using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>A mail address with its decoded display name.</summary>
public sealed record MailContact(string Address, string? DisplayName)
{
    public override string ToString() =>
        string.IsNullOrEmpty(DisplayName) ? Address : $"{DisplayName} <{Address}>";
}

/// <summary>A file of a mail: attachment, inline image, or a file from a forwarded message or winmail.dat.</summary>
public sealed record MailAttachment
{
    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    /// <summary>Decoded bytes; empty when <see cref="TooLarge"/>.</summary>
    public required byte[] Content { get; init; }

    /// <summary>Decoded size in bytes (for a too-large file, at least the limit).</summary>
    public required long Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>; null when <see cref="TooLarge"/>.</summary>
    public string? Sha256 { get; init; }

    public bool Inline { get; init; }

    public string? ContentId { get; init; }

    /// <summary>Over <see cref="MailParserOptions.MaxAttachmentBytes"/>: listed, not kept.</summary>
    public bool TooLarge { get; init; }

    /// <summary>Where it came from: "mail", "forwarded", "winmail.dat".</summary>
    public string Origin { get; init; } = "mail";
}

/// <summary>The outcome of <see cref="MailParser.Parse(byte[], MailParserOptions?)"/>: everything the pipeline needs from one mail.</summary>
public sealed class ParsedMail
{
    public string? MessageId { get; init; }

    public string? InReplyTo { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    public DateTimeOffset? Date { get; init; }

    public MailContact? From { get; init; }

    public IReadOnlyList<MailContact> To { get; init; } = [];

    public IReadOnlyList<MailContact> Cc { get; init; } = [];

    public MailContact? ReplyTo { get; init; }

    /// <summary>Raw values of the <c>Authentication-Results</c> headers, topmost first (at most <see cref="SenderVerification.MaxHeaders"/>).</summary>
    public IReadOnlyList<byte[]> AuthenticationResults { get; init; } = [];

    public string Subject { get; init; } = "";

    /// <summary>The new text of the message, then any forwarded messages' text, as safe plain text.</summary>
    public string Text { get; init; } = "";

    /// <summary>Quoted earlier mail and signature, separated from <see cref="Text"/>.</summary>
    public string QuotedText { get; init; } = "";

    /// <summary>Senders of forwarded messages, "; "-separated (empty when none); stored encrypted, never in <see cref="Text"/>.</summary>
    public string ForwardedFrom { get; init; } = "";

    /// <summary>A report reference (e.g. AS-2026-00042) found in the subject, thread headers or body.</summary>
    public string? Reference { get; init; }

    public SubmissionKind Kind { get; init; } = SubmissionKind.Report;

    /// <summary>Why the message got its kind, in words for an operator.</summary>
    public string KindReason { get; init; } = "";

    /// <summary>For a bounce: the address that could not be delivered to.</summary>
    public string? BounceRecipient { get; init; }

    /// <summary>For a bounce: the Message-ID of the mail that could not be delivered, from the returned headers.</summary>
    public string? BounceMessageId { get; init; }

    /// <summary>For a bounce: a permanent (5.x.x) failure, so the address is unreachable.</summary>
    public bool BouncePermanent { get; init; }

    /// <summary>"kk", "ru" or "en": the language to answer in.</summary>
    public string Language { get; init; } = "ru";

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>Things an operator should know that did not stop parsing (skipped parts, too-large files).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Size of the raw message in bytes.</summary>
    public long RawSize { get; init; }

    /// <summary>The raw message is over <see cref="MailParserOptions.MaxMessageBytes"/>: only headers were read.</summary>
    public bool TooLarge { get; init; }

    /// <summary>Set when the message could not be (fully) parsed; the caller keeps the raw bytes for an operator.</summary>
    public string? Error { get; init; }
}
