using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.OpenStack.Swift;

/// <summary>
/// A forward-only source with a read-ahead buffer: lets the uploader see whether an object is small, or whether more
/// data follows a full segment, without losing the bytes it looked at.
/// </summary>
internal sealed class LookaheadStream : ForwardReadStream
{
    private readonly Stream _source;
    private byte[] _buffer = [];
    private int _offset;
    private int _count;

    public LookaheadStream(Stream source)
    {
        _source = source;
    }

    public ReadOnlyMemory<byte> Buffered => _buffer.AsMemory(_offset, _count);

    public bool SourceEnded { get; private set; }

    /// <summary>Reads ahead until <paramref name="bytes"/> are buffered or the source ends; returns the buffered count.</summary>
    public async Task<int> FillAsync(int bytes, CancellationToken cancellationToken)
    {
        if (_buffer.Length - _offset < bytes)
        {
            var larger = new byte[Math.Max(bytes, _count)];
            Buffered.CopyTo(larger);
            _buffer = larger;
            _offset = 0;
        }

        while (_count < bytes && !SourceEnded)
        {
            var read = await _source.ReadAsync(_buffer.AsMemory(_offset + _count, bytes - _count), cancellationToken).ConfigureAwait(false);
            SourceEnded = read == 0;
            _count += read;
        }

        return _count;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_count > 0)
        {
            var take = Math.Min(buffer.Length, _count);
            Buffered[..take].CopyTo(buffer);
            _offset += take;
            _count -= take;
            return take;
        }

        if (SourceEnded)
        {
            return 0;
        }

        var read = await _source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        SourceEnded = read == 0 && buffer.Length > 0;
        return read;
    }
}
