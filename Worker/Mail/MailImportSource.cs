namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// One message found by <see cref="MailImportSource"/>: where it came from and its raw bytes. A message over
/// the size limit carries only its beginning (the headers), with <see cref="OriginalSize"/> its real size.
/// </summary>
public sealed record ImportedMail(string Source, byte[] Raw, long? OriginalSize = null);

/// <summary>
/// The messages of an mbox file, or of a folder of .eml files (searched recursively, in name order),
/// for <c>Worker import PATH</c>. Enumerated lazily, so a large mbox is never held in memory at once, and
/// a message over <see cref="MailParserOptions.MaxMessageBytes"/> is never held whole.
/// </summary>
public static partial class MailImportSource
{
    /// <summary>What is kept of an oversize message: enough for its header block.</summary>
    private const int HeadBytes = 1024 * 1024;

    public static IEnumerable<ImportedMail> Enumerate(string path, long maxMessageBytes = 25L * 1024 * 1024)
    {
        if (Directory.Exists(path))
        {
            return EmlFolder(path, maxMessageBytes);
        }

        if (File.Exists(path))
        {
            return path.EndsWith(".eml", StringComparison.OrdinalIgnoreCase) ? [ReadEml(path, Path.GetFileName(path), maxMessageBytes)] : Mbox(path, maxMessageBytes);
        }

        throw new FileNotFoundException($"No mbox file or folder of .eml files at {path}.", path);
    }

    public static IEnumerable<ImportedMail> EmlFolder(string folder, long maxMessageBytes = 25L * 1024 * 1024)
    {
        var files = Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal);
        foreach (var file in files)
        {
            yield return ReadEml(file, Path.GetRelativePath(folder, file), maxMessageBytes);
        }
    }

    public static IEnumerable<ImportedMail> Mbox(string file, long maxMessageBytes = 25L * 1024 * 1024)
    {
        using var stream = File.OpenRead(file);
        foreach (var mail in Mbox(stream, Path.GetFileName(file), maxMessageBytes))
        {
            yield return mail;
        }
    }

    private static ImportedMail ReadEml(string file, string source, long maxMessageBytes)
    {
        var length = new FileInfo(file).Length;
        if (length <= maxMessageBytes)
        {
            return new ImportedMail(source, File.ReadAllBytes(file));
        }

        using var stream = File.OpenRead(file);
        var head = new byte[HeadBytes];
        var read = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
        return new ImportedMail(source, head[..read], length);
    }
}
