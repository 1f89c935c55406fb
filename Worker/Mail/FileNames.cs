using System.Text;
using MimeKit;

namespace AdilSoz.Intake.Worker.Mail;

/// <summary>Attachment names made safe to show and store: no paths, no control characters, bounded length.</summary>
public static class FileNames
{
    public static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var last = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var builder = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsControl(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? '_' : c);
        }

        var clean = builder.ToString().Trim().Trim('.');
        if (clean.Length > 200)
        {
            var extension = Path.GetExtension(clean);
            clean = clean[..(200 - Math.Min(extension.Length, 20))] + extension[..Math.Min(extension.Length, 20)];
        }

        return clean.Length == 0 ? null : clean;
    }

    public static string Fallback(string contentType, int number) =>
        $"attachment-{number}{(MimeTypes.TryGetExtension(contentType, out var extension) ? extension : ".bin")}";
}

/// <summary>A write-only stream that keeps up to a limit and then only counts.</summary>
internal sealed class CappedStream(long cap) : Stream
{
    private readonly MemoryStream _kept = new();

    public long Total { get; private set; }

    public long Kept => _kept.Length;

    public bool Overflowed => Total > cap;

    public byte[] ToArray() => _kept.ToArray();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Total;

    public override long Position
    {
        get => Total;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        var room = (int)Math.Max(0, Math.Min(count, cap - _kept.Length));
        if (!Overflowed && room > 0)
        {
            _kept.Write(buffer, offset, room);
        }

        Total += count;
        if (Overflowed && _kept.Length > 0)
        {
            // Once over the limit the content is useless; give the memory back at once.
            _kept.SetLength(0);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _kept.Dispose();
        }

        base.Dispose(disposing);
    }
}
