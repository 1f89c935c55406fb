using System.Text;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// Turns bytes of Russian/Kazakh mail into text. .NET knows windows-1251 and KOI8-R only once the
/// code-pages provider is registered; undeclared 8-bit text is UTF-8 when it decodes as such, else
/// windows-1251 or KOI8-R, told apart by letter case (Cyrillic prose is mostly lower case, and KOI8-R
/// lower case sits where windows-1251 has upper case).
/// </summary>
public static class MailCharsets
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private static int _registered;

    /// <summary>Registers <see cref="CodePagesEncodingProvider"/> once per process.</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }
    }

    /// <summary>The encoding for a charset name, or null if .NET cannot decode it.</summary>
    public static Encoding? TryGet(string? charset)
    {
        EnsureRegistered();
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        var name = charset.Trim().Trim('"').ToLowerInvariant();
        name = name switch
        {
            "cp1251" or "win-1251" or "x-cp1251" or "windows1251" => "windows-1251",
            "koi8r" or "koi8" or "cskoi8r" => "koi8-r",
            "utf8" => "utf-8",
            _ => name,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Decodes text in its declared charset when that is usable, otherwise by guessing.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset, string fallbackCharset)
    {
        var declared = TryGet(declaredCharset);
        var isAscii = !bytes.ContainsAnyInRange((byte)0x80, (byte)0xFF);
        if (isAscii)
        {
            return Encoding.ASCII.GetString(bytes);
        }

        // Note: "us-ascii" or "iso-8859-1" on 8-bit Cyrillic is a common client bug; guess instead.
        if (declared is not null && declared.CodePage is not (20127 or 28591))
        {
            return declared.GetString(bytes);
        }

        return Guess(bytes, fallbackCharset);
    }

    /// <summary>UTF-8 if valid, else the single-byte Cyrillic charset that reads as real text.</summary>
    public static string Guess(ReadOnlySpan<byte> bytes, string fallbackCharset)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
        }

        var fallback = TryGet(fallbackCharset) ?? TryGet("windows-1251")!;
        var text = fallback.GetString(bytes);
        if (fallback.CodePage == 1251 && LooksLikeKoi8R(text))
        {
            return TryGet("koi8-r")!.GetString(bytes);
        }

        return text;
    }

    /// <summary>True when windows-1251-decoded text is mostly upper-case Cyrillic: KOI8-R read wrongly.</summary>
    private static bool LooksLikeKoi8R(string text)
    {
        int upper = 0, lower = 0;
        foreach (var c in text)
        {
            if (c is >= 'А' and <= 'Я')
            {
                upper++;
            }
            else if (c is >= 'а' and <= 'я')
            {
                lower++;
            }
        }

        return upper > lower * 2 && upper >= 4;
    }
}
