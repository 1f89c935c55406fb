using System.Text;

namespace AdilSoz.Intake.Core.Intake;

/// <summary>
/// The type of a file a reporter uploads, judged by its first bytes, never by its name or the type the browser
/// claims: photos, video, audio, PDF, office documents and plain text are taken; anything else (programs,
/// scripts, archives, HTML) is not. The name only tells apart the formats that share one container (a .docx
/// and an .xlsx are both ZIP files).
/// </summary>
public static class FileTypes
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs at most.</summary>
    public const int HeadLength = 512;

    private static readonly Dictionary<string, string> OfficeZip = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
    };

    private static readonly Dictionary<string, string> OfficeOle = new(StringComparer.OrdinalIgnoreCase)
    {
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".ppt"] = "application/vnd.ms-powerpoint",
    };

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Matroska => [0x1A, 0x45, 0xDF, 0xA3];

    private static ReadOnlySpan<byte> Zip => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> Ole => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The content type of an accepted file, or null when the content is not one of the accepted kinds.</summary>
    public static string? Detect(ReadOnlySpan<byte> head, string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? "");
        if (head.StartsWith(Jpeg))
        {
            return "image/jpeg";
        }

        if (head.StartsWith(Png))
        {
            return "image/png";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            return head[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
                : head[8..12].SequenceEqual("WAVE"u8) ? "audio/wav"
                : head[8..12].SequenceEqual("AVI "u8) ? "video/x-msvideo"
                : null;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = head[8..12];
            return brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) ? "image/heic"
                : brand.SequenceEqual("qt  "u8) ? "video/quicktime"
                : brand.SequenceEqual("M4A "u8) ? "audio/mp4"
                : "video/mp4";
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.StartsWith("OggS"u8))
        {
            return "audio/ogg";
        }

        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0))
        {
            return "audio/mpeg";
        }

        if (head.StartsWith(Matroska))
        {
            return "video/webm";
        }

        if (head.StartsWith(Zip))
        {
            return OfficeZip.GetValueOrDefault(extension);
        }

        if (head.StartsWith(Ole))
        {
            return OfficeOle.GetValueOrDefault(extension);
        }

        // A script (#!) is refused even as text: someone may run what they download.
        return extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) && !head.StartsWith("#!"u8) && IsPlainText(head) ? "text/plain" : null;
    }

    /// <summary>UTF-8 text without control characters other than tabs and line ends (the head may end inside a character).</summary>
    private static bool IsPlainText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return false;
        }

        foreach (var b in head)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                return false;
            }
        }

        var decoder = new UTF8Encoding(false, true).GetDecoder();
        try
        {
            decoder.GetCharCount(head, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
