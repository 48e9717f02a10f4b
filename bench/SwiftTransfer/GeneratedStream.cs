namespace VeleroOpenShift.Bench.SwiftTransfer;

/// <summary>A forward-only source of a given length that repeats one random block, so the source itself costs no memory.</summary>
internal sealed class GeneratedStream : Stream
{
    private readonly byte[] _block = new byte[1024 * 1024];
    private readonly long _length;
    private long _position;

    public GeneratedStream(long length)
    {
        _length = length;
        Random.Shared.NextBytes(_block);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var offsetInBlock = (int)(_position % _block.Length);
        var take = (int)Math.Min(Math.Min(buffer.Length, _block.Length - offsetInBlock), _length - _position);
        _block.AsSpan(offsetInBlock, take).CopyTo(buffer);
        _position += take;
        return take;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
