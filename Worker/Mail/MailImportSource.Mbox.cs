using System.Text;
using System.Text.RegularExpressions;

namespace AdilSoz.Intake.Worker.Mail;

public static partial class MailImportSource
{
    /// <summary>The classic separator: "From sender Thu Nov 26 12:00:00 2026".</summary>
    [GeneratedRegex(@"^From \S+ +[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{1,2}:\d{2}")]
    private static partial Regex Postmark();

    /// <summary>Header fields every real message has at least one of; a "From " line must be followed by one to start a message.</summary>
    private static readonly string[] KnownHeaders =
    [
        "from:", "date:", "subject:", "message-id:", "received:", "return-path:", "to:", "cc:", "sender:",
        "reply-to:", "mime-version:", "content-type:", "delivered-to:", "x-mozilla-status:", "newsgroups:",
    ];

    /// <summary>
    /// Splits an mbox at its "From " separator lines, each message's bytes kept exactly as in the file (the
    /// separator line and the blank line before it left out). Nothing in a message can stop the split: a
    /// broken message is yielded like any other, and ends in "needs attention" with its reason, so every
    /// message of the file is counted. A "From " line inside a body that the writer did not escape
    /// (<c>&gt;From</c>) starts a message only when it has a postmark's date or a header block with a known field follows it.
    /// </summary>
    public static IEnumerable<ImportedMail> Mbox(Stream stream, string name, long maxMessageBytes = 25L * 1024 * 1024)
    {
        var lines = new LineReader(stream);
        if (!lines.TryRead(out var first) || !IsSeparator(SkipBom(first.Bytes)))
        {
            throw new FormatException($"{name} is not an mbox file (it does not start with a \"From \" line).");
        }

        var index = 0;
        using var message = new MessageBuffer(maxMessageBytes);
        while (lines.TryRead(out var line))
        {
            if (line.StartsLine && IsSeparator(line.Bytes) && (IsPostmark(line.Bytes) || HeadersFollow(lines)))
            {
                if (!message.IsEmpty)
                {
                    yield return message.Take($"{name}#{++index}");
                }

                continue;
            }

            message.Append(line.Bytes);
        }

        if (!message.IsEmpty)
        {
            yield return message.Take($"{name}#{++index}");
        }
    }

    private static ReadOnlySpan<byte> SkipBom(byte[] line) => line.AsSpan().StartsWith("\uFEFF"u8) ? line.AsSpan(3) : line;

    private static bool IsSeparator(ReadOnlySpan<byte> line) => line.StartsWith("From "u8);

    private static bool IsPostmark(byte[] line) => Postmark().IsMatch(Encoding.Latin1.GetString(line, 0, Math.Min(line.Length, 200)));

    private static bool IsBlank(byte[] line) => line is [(byte)'\n'] or [(byte)'\r', (byte)'\n'];

    /// <summary>Looks ahead (without consuming) at the lines up to the next blank one for a known header field.</summary>
    private static bool HeadersFollow(LineReader lines)
    {
        for (var i = 0; i < 100 && lines.Peek(i) is { } next; i++)
        {
            if (!next.StartsLine)
            {
                continue;
            }

            if (IsBlank(next.Bytes))
            {
                return false;
            }

            var start = Encoding.Latin1.GetString(next.Bytes, 0, Math.Min(next.Bytes.Length, 40));
            if (KnownHeaders.Any(h => start.StartsWith(h, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One message's bytes, kept up to the size limit; beyond it only counted.</summary>
    private sealed class MessageBuffer(long maxMessageBytes) : IDisposable
    {
        private MemoryStream _kept = new();
        private long _size;

        public void Dispose() => _kept.Dispose();

        public bool IsEmpty => _size == 0;

        public void Append(byte[] bytes)
        {
            _size += bytes.Length;
            var room = (int)Math.Max(0, Math.Min(bytes.Length, maxMessageBytes + 1 - _kept.Length));
            _kept.Write(bytes, 0, room);
        }

        public ImportedMail Take(string source)
        {
            var bytes = _kept.ToArray();
            var size = _size;
            _kept.Dispose();
            _kept = new MemoryStream();
            _size = 0;
            if (size > maxMessageBytes)
            {
                return new ImportedMail(source, bytes[..Math.Min(bytes.Length, HeadBytes)], size);
            }

            // The blank line before the next separator belongs to the mbox, not to the message.
            var end = bytes.AsSpan().EndsWith("\r\n\r\n"u8) ? bytes.Length - 2 : bytes.AsSpan().EndsWith("\n\n"u8) ? bytes.Length - 1 : bytes.Length;
            return new ImportedMail(source, bytes[..end]);
        }
    }

    /// <summary>A piece of the file: a whole line, or a slice of a very long one (only the first slice starts a line).</summary>
    private sealed record Line(byte[] Bytes, bool StartsLine);

    /// <summary>Reads lines of at most 64 KB each (longer lines come in slices), with look-ahead.</summary>
    private sealed class LineReader(Stream stream)
    {
        private const int MaxLine = 64 * 1024;
        private readonly List<Line> _ahead = [];
        private readonly byte[] _buffer = new byte[MaxLine];
        private int _start;
        private int _end;
        private bool _atLineStart = true;

        public bool TryRead(out Line line)
        {
            if (_ahead.Count > 0)
            {
                line = _ahead[0];
                _ahead.RemoveAt(0);
                return true;
            }

            return ReadNext(out line);
        }

        public Line? Peek(int index)
        {
            while (_ahead.Count <= index)
            {
                if (!ReadNext(out var line))
                {
                    return null;
                }

                _ahead.Add(line);
            }

            return _ahead[index];
        }

        private bool ReadNext(out Line line)
        {
            while (true)
            {
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline >= 0 || _end - _start == MaxLine || (_end == _buffer.Length && _start == 0))
                {
                    var length = newline >= 0 ? newline + 1 - _start : _end - _start;
                    line = new Line(_buffer.AsSpan(_start, length).ToArray(), _atLineStart);
                    _atLineStart = newline >= 0;
                    _start += length;
                    return true;
                }

                if (_start > 0)
                {
                    Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                var read = stream.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0)
                {
                    if (_end == _start)
                    {
                        line = null!;
                        return false;
                    }

                    line = new Line(_buffer.AsSpan(_start, _end - _start).ToArray(), _atLineStart);
                    _atLineStart = false;
                    _start = _end;
                    return true;
                }

                _end += read;
            }
        }
    }
}
