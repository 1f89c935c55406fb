namespace AdilSoz.Intake.Worker.Mail;

/// <summary>
/// Guards the MIME parser against header folding bombs. MimeKit's time grows much faster than linearly
/// with the number of continuation lines of one header (a 170 KB header folded every 12 bytes took
/// seconds, half a MB tens of seconds). Past <see cref="MaxRun"/> continuation lines in a row, the
/// rest of the run is unfolded onto one line — the same header value by RFC 5322 — so parsing stays
/// linear. Only the copy handed to the parser changes; the stored raw bytes are kept as received.
/// </summary>
public static class FoldingLimit
{
    public const int MaxRun = 200;

    public static byte[] Apply(byte[] raw)
    {
        if (!NeedsWork(raw))
        {
            return raw;
        }

        using var output = new MemoryStream(raw.Length);
        var run = 0;
        var lineStart = 0;
        while (lineStart < raw.Length)
        {
            var newline = Array.IndexOf(raw, (byte)'\n', lineStart);
            var lineEnd = newline < 0 ? raw.Length : newline + 1;
            var continuation = lineStart > 0 && raw[lineStart] is (byte)' ' or (byte)'\t';
            run = continuation ? run + 1 : 0;
            if (continuation && run > MaxRun)
            {
                // Join onto the previous line: drop the line break written before this line.
                output.SetLength(TrimLineBreak(output));
                output.Position = output.Length;
            }

            output.Write(raw, lineStart, lineEnd - lineStart);
            lineStart = lineEnd;
        }

        return output.ToArray();
    }

    private static long TrimLineBreak(MemoryStream output)
    {
        var buffer = output.GetBuffer();
        var length = output.Length;
        if (length > 0 && buffer[length - 1] == '\n')
        {
            length--;
            if (length > 0 && buffer[length - 1] == '\r')
            {
                length--;
            }
        }

        return length;
    }

    /// <summary>Cheap first pass: is there any run of continuation lines longer than the limit?</summary>
    private static bool NeedsWork(byte[] raw)
    {
        var run = 0;
        for (var i = 0; i < raw.Length - 1; i++)
        {
            if (raw[i] != '\n')
            {
                continue;
            }

            if (raw[i + 1] is (byte)' ' or (byte)'\t')
            {
                if (++run > MaxRun)
                {
                    return true;
                }
            }
            else
            {
                run = 0;
            }
        }

        return false;
    }
}
