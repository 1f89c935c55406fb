using System.IO.Compression;
using System.Text;
using AdilSoz.Intake.Tests.Mail.Corpus;

namespace AdilSoz.Intake.Tests.Fuzz;

/// <summary>How a real-style mail is damaged.</summary>
public enum MailMutation
{
    FlipBytes,
    Truncate,
    Splice,
    DuplicateHeaders,
    DeepNesting,
    HugeHeader,
    BogusCharset,
    Base64Bomb,
    OversizedBody,
    ControlCharacters,
    LongLine,
    ManyParts,
}

/// <summary>
/// A reproducible damaged mail: which corpus message, which mutation, a size parameter and a seed.
/// FsCheck generates (and shrinks) recipes; <see cref="MailMutator.Build"/> turns one into bytes.
/// </summary>
public sealed record MailRecipe(int Seed, MailMutation Mutation, int Size, int RandomSeed)
{
    public override string ToString() => $"mail #{Seed} {Mutation} size={Size} seed={RandomSeed}";
}

/// <summary>Builds damaged mails from the mail corpus of the mail tests.</summary>
public static class MailMutator
{
    private static readonly string[] BogusCharsets =
    [
        "x-unknown", "utf-7", "utf-32BE", "", "../../etc/passwd", "ibm-999999", "koi8-x", "windows-99999",
        "\"utf-8", "utf-8'ru'", "iso-2022-jp", "unicode-1-1-utf-7", new string('a', 300),
    ];

    private static readonly string[] BogusEncodings = ["x-uuencode", "base65", "quoted-printable; x=1", "8bit\u0000", "binary", "7bit bogus", "=?"];

    private static readonly Lazy<byte[]> ZipBombBytes = new(BuildZipBomb);

    public static IReadOnlyList<byte[]> Seeds { get; } = [.. CorpusMessages.All.Select(c => c.Raw)];

    public static byte[] Build(MailRecipe recipe)
    {
        var seed = Seeds[recipe.Seed % Seeds.Count];
        var random = new Random(recipe.RandomSeed);
        var size = Math.Max(1, recipe.Size);
        return recipe.Mutation switch
        {
            MailMutation.FlipBytes => FlipBytes(seed, 1 + (size % 64), random),
            MailMutation.Truncate => seed[..random.Next(seed.Length + 1)],
            MailMutation.Splice => Splice(seed, random),
            MailMutation.DuplicateHeaders => DuplicateHeaders(seed, 2 + (size % 200), random),
            MailMutation.DeepNesting => DeepNesting(1 + (size % 1000), random),
            MailMutation.HugeHeader => HugeHeader(seed, size, random),
            MailMutation.BogusCharset => BogusCharset(seed, random),
            MailMutation.Base64Bomb => Base64Bomb(size, random),
            MailMutation.OversizedBody => OversizedBody(size),
            MailMutation.ControlCharacters => ControlCharacters(seed, random),
            MailMutation.LongLine => LongLine(seed, size),
            MailMutation.ManyParts => ManyParts(1 + (size % 3000)),
            _ => seed,
        };
    }

    private static byte[] FlipBytes(byte[] seed, int count, Random random)
    {
        var copy = (byte[])seed.Clone();
        for (var i = 0; i < count && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] Splice(byte[] seed, Random random)
    {
        var cut = random.Next(seed.Length + 1);
        var from = random.Next(seed.Length + 1);
        return [.. seed[..cut], .. seed[from..], .. seed[..random.Next(seed.Length + 1)]];
    }

    private static (string Headers, string Body) SplitText(byte[] seed)
    {
        var text = Encoding.Latin1.GetString(seed);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return end < 0 ? (text, "") : (text[..end], text[(end + 4)..]);
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] DuplicateHeaders(byte[] seed, int copies, Random random)
    {
        var (headers, body) = SplitText(seed);
        var lines = headers.Split("\r\n");
        var builder = new StringBuilder(headers);
        for (var i = 0; i < copies; i++)
        {
            var line = lines[random.Next(lines.Length)];
            builder.Append("\r\n").Append(random.Next(3) switch
            {
                0 => line,
                1 => "From: someone" + i + "@example.kz",
                _ => "Content-Type: multipart/mixed; boundary=\"dup" + i + "\"",
            });
        }

        return Latin1(builder + "\r\n\r\n" + body);
    }

    private static byte[] DeepNesting(int depth, Random random)
    {
        var rfc822 = random.Next(2) == 0;
        var builder = new StringBuilder("From: Deep <deep@example.kz>\r\nSubject: nested\r\nMessage-ID: <deep-")
            .Append(depth).Append('-').Append(random.Next()).Append("@example.kz>\r\nMIME-Version: 1.0\r\n");
        for (var i = 0; i < depth; i++)
        {
            if (rfc822 && i % 2 == 1)
            {
                builder.Append("Content-Type: message/rfc822\r\n\r\nFrom: inner").Append(i).Append("@example.kz\r\nSubject: level ").Append(i).Append("\r\n");
            }
            else
            {
                builder.Append("Content-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\r\n\r\n--b").Append(i).Append("\r\n");
            }
        }

        builder.Append("Content-Type: text/plain; charset=utf-8\r\n\r\nНа самом дне: журналиста задержали в Уральске.\r\n");
        for (var i = depth - 1; i >= 0; i--)
        {
            if (!(rfc822 && i % 2 == 1))
            {
                builder.Append("--b").Append(i).Append("--\r\n");
            }
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static byte[] HugeHeader(byte[] seed, int size, Random random)
    {
        var (headers, body) = SplitText(seed);
        var length = 1024 * (1 + (size % 1024));
        var value = random.Next(3) switch
        {
            0 => new string('x', length),
            1 => string.Concat(Enumerable.Repeat("=?utf-8?B?0JbRg9GA0L3QsNC70LjRgdGC?= ", length / 36)),
            _ => string.Join("\r\n ", Enumerable.Repeat("folded-word", length / 12)),
        };
        var name = random.Next(4) switch { 0 => "Subject", 1 => "From", 2 => "References", _ => "X-Huge" };
        return Latin1($"{name}: {value}\r\n{headers}\r\n\r\n{body}");
    }

    private static byte[] BogusCharset(byte[] seed, Random random)
    {
        var charset = BogusCharsets[random.Next(BogusCharsets.Length)];
        var encoding = BogusEncodings[random.Next(BogusEncodings.Length)];
        var text = Encoding.Latin1.GetString(seed);
        text = System.Text.RegularExpressions.Regex.Replace(text, "charset=\"?[A-Za-z0-9_-]+\"?", "charset=\"" + charset + "\"");
        text = System.Text.RegularExpressions.Regex.Replace(text, "=\\?[A-Za-z0-9_-]+\\?([BQbq])\\?", m => $"=?{charset}?{(random.Next(2) == 0 ? m.Groups[1].Value : "X")}?");
        text = System.Text.RegularExpressions.Regex.Replace(text, "Content-Transfer-Encoding: [A-Za-z0-9-]+", "Content-Transfer-Encoding: " + encoding);
        return Latin1(text);
    }

    private static byte[] Base64Bomb(int size, Random random)
    {
        var builder = new StringBuilder("From: Bomb <bomb@example.kz>\r\nSubject: =?utf-8?B?0YTQsNC50Ls=?=\r\nMessage-ID: <bomb-")
            .Append(random.Next()).Append("@example.kz>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"z\"\r\n\r\n")
            .Append("--z\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nСм. вложение.\r\n");
        switch (random.Next(3))
        {
            case 0:
                // A real zip bomb: a small archive that expands to 64 MB of zeros.
                builder.Append("--z\r\nContent-Type: application/zip; name=\"bomb.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .Append(Mime.Base64(ZipBombBytes.Value)).Append("\r\n");
                break;
            case 1:
                // Base64 of zeros in long repeated lines: decodes to far more than the other parts.
                var line = new string('A', 76);
                var lines = 2_000 + (size % 60) * 1_000;
                builder.Append("--z\r\nContent-Type: application/octet-stream; name=\"zeros.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
                for (var i = 0; i < lines; i++)
                {
                    builder.Append(line).Append("\r\n");
                }

                break;
            default:
                // Base64 with garbage, padding in the middle and no line breaks.
                builder.Append("--z\r\nContent-Type: image/jpeg; name=\"x.jpg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .Append(string.Concat(Enumerable.Repeat("/9j/4AAQ==**!!", 5_000 + size))).Append("\r\n");
                break;
        }

        return Latin1(builder.Append("--z--\r\n").ToString());
    }

    private static byte[] OversizedBody(int size)
    {
        var header = "From: Big <big@example.kz>\r\nSubject: big\r\nMessage-ID: <big-" + size + "@example.kz>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n";
        var body = new byte[(1 + (size % 4)) * 1024 * 1024 + size];
        Array.Fill(body, (byte)'a');
        for (var i = 80; i < body.Length; i += 80)
        {
            body[i] = (byte)'\n';
        }

        return [.. Encoding.ASCII.GetBytes(header), .. body];
    }

    private static byte[] ControlCharacters(byte[] seed, Random random)
    {
        var (headers, body) = SplitText(seed);
        var controls = new[] { "\0", "\u0001", "\u001b[31m", "\u007f", "\u200e", "\ufeff", "\0\0\0" };
        string Pick() => controls[random.Next(controls.Length)];
        headers = headers.Replace("Subject: ", "Subject: " + Pick(), StringComparison.Ordinal)
            .Replace("filename=\"", "filename=\"" + Pick(), StringComparison.Ordinal)
            .Replace("From: ", "From: " + Pick(), StringComparison.Ordinal);
        var insertAt = random.Next(body.Length + 1);
        body = body[..insertAt] + Pick() + body[insertAt..];
        return [.. Latin1(headers + "\r\n\r\n" + body), 0, 0];
    }

    private static byte[] LongLine(byte[] seed, int size)
    {
        var (headers, body) = SplitText(seed);
        return Latin1(headers + "\r\n\r\n" + new string('x', 64 * 1024 * (1 + (size % 16))) + body);
    }

    private static byte[] ManyParts(int parts)
    {
        var builder = new StringBuilder("From: Parts <parts@example.kz>\r\nSubject: parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (var i = 0; i < parts; i++)
        {
            builder.Append("--p\r\nContent-Type: text/plain; name=\"").Append(i).Append(".txt\"\r\nContent-Disposition: attachment\r\n\r\npart ").Append(i).Append("\r\n");
        }

        return Latin1(builder.Append("--p--\r\n").ToString());
    }

    private static byte[] BuildZipBomb()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("zeros.txt", CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                stream.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
