using MimeKit;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>One message found by <see cref="MailImportSource"/>: where it came from and its raw bytes.</summary>
public sealed record ImportedMail(string Source, byte[] Raw);

/// <summary>
/// The messages of an mbox file, or of a folder of .eml files (searched recursively, in name order),
/// for <c>Worker import PATH</c>. Enumerated lazily, so a large mbox is never held in memory at once.
/// </summary>
public static class MailImportSource
{
    public static IEnumerable<ImportedMail> Enumerate(string path)
    {
        if (Directory.Exists(path))
        {
            return EmlFolder(path);
        }

        if (File.Exists(path))
        {
            return path.EndsWith(".eml", StringComparison.OrdinalIgnoreCase) ? [new ImportedMail(Path.GetFileName(path), File.ReadAllBytes(path))] : Mbox(path);
        }

        throw new FileNotFoundException($"No mbox file or folder of .eml files at {path}.", path);
    }

    public static IEnumerable<ImportedMail> EmlFolder(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal);
        foreach (var file in files)
        {
            yield return new ImportedMail(Path.GetRelativePath(folder, file), File.ReadAllBytes(file));
        }
    }

    public static IEnumerable<ImportedMail> Mbox(string file)
    {
        using var stream = File.OpenRead(file);
        foreach (var mail in Mbox(stream, Path.GetFileName(file)))
        {
            yield return mail;
        }
    }

    /// <summary>
    /// Splits an mbox with MimeKit's parser. Each message is written back exactly as parsed (MimeKit keeps
    /// unmodified headers and bodies byte for byte), without the mbox "From " separator line.
    /// </summary>
    public static IEnumerable<ImportedMail> Mbox(Stream stream, string name)
    {
        var parser = new MimeParser(MailParser.CreateParserOptions(MailParserOptions.Default), stream, MimeFormat.Mbox);
        var index = 0;
        while (!parser.IsEndOfStream)
        {
            MimeMessage message;
            try
            {
                message = parser.ParseMessage();
            }
            catch (FormatException) when (index == 0)
            {
                throw new FormatException($"{name} is not an mbox file (it does not start with a \"From \" line).");
            }
            catch (FormatException)
            {
                yield break;
            }

            index++;
            using var buffer = new MemoryStream();
            message.WriteTo(buffer);
            yield return new ImportedMail($"{name}#{index}", buffer.ToArray());
        }
    }
}
