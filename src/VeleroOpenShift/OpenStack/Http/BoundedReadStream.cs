namespace VeleroOpenShift.OpenStack.Http;

/// <summary>Reads at most a given number of bytes from a source it does not own.</summary>
internal sealed class BoundedReadStream : ForwardReadStream
{
    private readonly Stream _source;
    private long _remaining;

    public BoundedReadStream(Stream source, long maxBytes)
    {
        _source = source;
        _remaining = maxBytes;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_remaining <= 0)
        {
            return 0;
        }

        var read = await _source.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _remaining)], cancellationToken).ConfigureAwait(false);
        _remaining -= read;
        return read;
    }
}
