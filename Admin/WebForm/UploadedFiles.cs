using AdilSoz.Intake.Core.Intake;

namespace AdilSoz.Intake.Admin.WebForm;

/// <summary>
/// The files of a form post, checked against the limits and judged by their content (<see cref="FileTypes"/>):
/// either all of them, read, or the first problem in the reporter's language. An empty file input (the browser
/// sends one part with no name and no bytes) counts as no file.
/// </summary>
public static class UploadedFiles
{
    public static async Task<(List<WebFile> Files, string? Error)> ReadAsync(IEnumerable<IFormFile> posted, PublicOptions limits, PublicText text,
        CancellationToken ct)
    {
        var chosen = posted.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (chosen.Count > limits.MaxFiles)
        {
            return ([], text.Format("Error.TooManyFiles", limits.MaxFiles));
        }

        var files = new List<WebFile>(chosen.Count);
        long total = 0;
        foreach (var (file, number) in chosen.Select((f, i) => (f, i + 1)))
        {
            var name = FileNames.Clean(file.FileName) ?? $"file-{number}";
            if (file.Length > limits.MaxFileBytes)
            {
                return ([], text.Format("Error.FileTooLarge", name, Megabytes(limits.MaxFileBytes)));
            }

            total += file.Length;
            if (total > limits.MaxTotalBytes)
            {
                return ([], text.Format("Error.TotalTooLarge", Megabytes(limits.MaxTotalBytes)));
            }

            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, ct);
            }

            if (FileTypes.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, FileTypes.HeadLength)), name) is not { } contentType)
            {
                return ([], text.Format("Error.FileType", name));
            }

            files.Add(new WebFile(name, contentType, bytes));
        }

        return (files, null);
    }

    public static long Megabytes(long bytes) => Math.Max(1, bytes / (1024 * 1024));
}
