using System.ComponentModel.DataAnnotations;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>Limits that keep a hostile or broken message from exhausting the Worker.</summary>
public sealed class MailParserOptions
{
    public const string SectionName = "Mail";

    /// <summary>Largest raw message accepted for full parsing; larger ones are kept and flagged.</summary>
    [Range(1024, int.MaxValue)]
    public long MaxMessageBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Deepest MIME nesting followed (multiparts inside forwarded messages inside multiparts…).</summary>
    [Range(1, 64)]
    public int MaxDepth { get; set; } = 10;

    /// <summary>Most MIME parts read; a message with more is read up to here and waits for an operator.</summary>
    [Range(1, 100_000)]
    public int MaxParts { get; set; } = 500;

    /// <summary>Largest decoded attachment kept; a larger one is listed as too large, without content.</summary>
    [Range(1, long.MaxValue)]
    public long MaxAttachmentBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Ceiling on all decoded content of one message together (text and files).</summary>
    [Range(1, long.MaxValue)]
    public long MaxTotalDecodedBytes { get; set; } = 60L * 1024 * 1024;

    /// <summary>Longest time reading one message may take; past it the message waits for an operator.</summary>
    [Range(1, 3600)]
    public int MaxParseSeconds { get; set; } = 30;

    /// <summary>
    /// Most memory reading one message may allocate (counted, not held: a legitimate 25 MB mail with files
    /// allocates a few hundred MB); past it the message waits for an operator.
    /// </summary>
    [Range(16L * 1024 * 1024, long.MaxValue)]
    public long MaxParseAllocatedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Charset for 8-bit text that declares none and is not UTF-8 (typical of Russian/Kazakh mail).</summary>
    [Required]
    public string FallbackCharset { get; set; } = "windows-1251";

    public static MailParserOptions Default { get; } = new();
}
