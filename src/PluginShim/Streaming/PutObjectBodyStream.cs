using Grpc.Core;
using VeleroOpenShift.Errors;
using VeleroOpenShift.PluginShim.Protos.Generated;

namespace VeleroOpenShift.PluginShim.Streaming;

/// <summary>
/// The body of a PutObject call as a read-only stream, one gRPC message at a time, so an object store
/// can upload while Velero is still sending and the shim never holds the whole object.
/// Every message repeats plugin, bucket and key; one that names another object is refused.
/// </summary>
internal sealed class PutObjectBodyStream : Stream
{
    private readonly IAsyncStreamReader<PutObjectRequest> _requests;
    private readonly PutObjectRequest _first;
    private ReadOnlyMemory<byte> _pending;
    private bool _ended;
    private long _position;

    /// <param name="requests">The call's request stream, positioned on <paramref name="first"/>.</param>
    public PutObjectBodyStream(IAsyncStreamReader<PutObjectRequest> requests, PutObjectRequest first)
    {
        ArgumentNullException.ThrowIfNull(first);
        _requests = requests;
        _first = first;
        _pending = first.Body.Memory;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("the length of a streamed upload is not known in advance");

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("a streamed upload cannot seek");
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_pending.IsEmpty)
        {
            if (_ended || !await _requests.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                _ended = true;
                return 0;
            }

            var next = _requests.Current;
            if (next.Plugin != _first.Plugin || next.Bucket != _first.Bucket || next.Key != _first.Key)
            {
                throw new InvalidInputException(
                    $"{_first.Bucket}/{_first.Key}",
                    $"a PutObject message for {next.Bucket}/{next.Key} (plugin {next.Plugin}) arrived in the middle of this upload");
            }

            _pending = next.Body.Memory;
        }

        var count = Math.Min(buffer.Length, _pending.Length);
        _pending[..count].CopyTo(buffer);
        _pending = _pending[count..];
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // gRPC reads are asynchronous only; blocking a thread on them could starve Kestrel.
    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("read the upload body asynchronously");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a streamed upload cannot seek");

    public override void SetLength(long value) => throw new NotSupportedException("the upload body is read-only");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("the upload body is read-only");
}
