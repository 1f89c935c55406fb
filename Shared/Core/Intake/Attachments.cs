namespace AdilSoz.Intake.Core.Intake;

/// <summary>File content stored once, addressed by its SHA-256.</summary>
public sealed class Blob
{
    /// <summary>Lower-case hex SHA-256 of <see cref="Bytes"/>.</summary>
    public required string Sha256 { get; set; }

    public long Size { get; set; }

    public required byte[] Bytes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A file of a submission: its name and type as sent, and a link to the content.</summary>
public sealed class SubmissionAttachment
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "application/octet-stream";

    public long Size { get; set; }

    /// <summary>Null until the content is stored (pending download, too large, failed).</summary>
    public string? Sha256 { get; set; }

    public AttachmentStatus Status { get; set; } = AttachmentStatus.Pending;

    /// <summary>Telegram file_id to download through getFile.</summary>
    public string? TelegramFileId { get; set; }

    /// <summary>Telegram file_unique_id: the same file sent twice has the same one.</summary>
    public string? TelegramFileUniqueId { get; set; }

    /// <summary>True for inline images of a mail body.</summary>
    public bool Inline { get; set; }

    public string? Error { get; set; }
}
