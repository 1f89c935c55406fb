namespace AdilSoz.Intake.Worker.Mail;

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
