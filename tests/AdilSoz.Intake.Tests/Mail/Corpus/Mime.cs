using System.Text;
using AdilSoz.Intake.Worker.Mail;

namespace AdilSoz.Intake.Tests.Mail.Corpus;

/// <summary>Small helpers to write raw MIME by hand, byte for byte, in any charset.</summary>
public static class Mime
{
    public static Encoding Charset(string name)
    {
        MailCharsets.EnsureRegistered();
        return Encoding.GetEncoding(name);
    }

    /// <summary>An RFC 2047 "B" encoded word.</summary>
    public static string B(string text, string charset) =>
        $"=?{charset}?B?{Convert.ToBase64String(Charset(charset).GetBytes(text))}?=";

    /// <summary>An RFC 2047 "Q" encoded word.</summary>
    public static string Q(string text, string charset)
    {
        var builder = new StringBuilder($"=?{charset}?Q?");
        foreach (var b in Charset(charset).GetBytes(text))
        {
            builder.Append(b switch
            {
                (byte)' ' => "_",
                >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' => ((char)b).ToString(),
                _ => $"={b:X2}",
            });
        }

        return builder.Append("?=").ToString();
    }

    /// <summary>RFC 2231 percent-encoding of a parameter value (without the charset prefix).</summary>
    public static string Percent(string text, string charset) =>
        string.Concat(Charset(charset).GetBytes(text).Select(b => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'.' ? ((char)b).ToString() : $"%{b:X2}"));

    /// <summary>Base64 in 76-character lines.</summary>
    public static string Base64(byte[] bytes) =>
        string.Join("\r\n", Convert.ToBase64String(bytes).Chunk(76).Select(c => new string(c)));

    public static string Base64(string text, string charset) => Base64(Charset(charset).GetBytes(text));

    /// <summary>Quoted-printable of text in a charset.</summary>
    public static string QuotedPrintable(string text, string charset)
    {
        var builder = new StringBuilder();
        var line = 0;
        foreach (var b in Charset(charset).GetBytes(text.Replace("\r\n", "\n")))
        {
            string piece = b switch
            {
                (byte)'\n' => "\r\n",
                (byte)'=' => "=3D",
                >= 32 and < 127 => ((char)b).ToString(),
                _ => $"={b:X2}",
            };
            if (piece == "\r\n")
            {
                line = 0;
            }
            else if (line + piece.Length > 73)
            {
                builder.Append("=\r\n");
                line = 0;
            }

            builder.Append(piece);
            line = piece == "\r\n" ? 0 : line + piece.Length;
        }

        return builder.ToString();
    }

    /// <summary>Joins pieces into raw bytes: strings as ASCII/UTF-8 with CRLF line ends, byte arrays as they are.</summary>
    public static byte[] Raw(params object[] pieces)
    {
        using var stream = new MemoryStream();
        foreach (var piece in pieces)
        {
            var bytes = piece switch
            {
                byte[] b => b,
                string s => Encoding.UTF8.GetBytes(s.Replace("\r\n", "\n").Replace("\n", "\r\n")),
                _ => throw new ArgumentException("string or byte[] expected", nameof(pieces)),
            };
            stream.Write(bytes);
        }

        return stream.ToArray();
    }

    /// <summary>Deterministic file content of a given size, starting with a real-looking signature.</summary>
    public static byte[] FileBytes(string signature, int size, int seed)
    {
        var bytes = new byte[size];
        var head = Encoding.Latin1.GetBytes(signature);
        var random = new Random(seed);
        random.NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
