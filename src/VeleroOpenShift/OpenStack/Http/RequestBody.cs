using System.Security.Cryptography;

namespace VeleroOpenShift.OpenStack.Http;

/// <summary>
/// What a request sends. Knows whether it can be sent again: a retry or a re-authentication may resend a body only if
/// it can be replayed from its start, or if no byte of it was consumed yet.
/// </summary>
internal abstract class RequestBody
{
    private long _consumed;

    /// <summary>Bytes of the last attempt's body, known when the attempt finished sending.</summary>
    public long SentLength { get; private set; }

    /// <summary>Lowercase hex MD5 of what the last attempt sent; null until an attempt sent everything.</summary>
    public string? SentMd5 { get; private set; }

    public bool CanResend => IsReplayable || Interlocked.Read(ref _consumed) == 0;

    /// <summary>Content-Length when known before sending; null sends chunked.</summary>
    public abstract long? Length { get; }

    protected abstract bool IsReplayable { get; }

    /// <summary>A fresh content for one attempt; <paramref name="progress"/> is told after each chunk (keeps the idle timer alive).</summary>
    public HttpContent CreateContent(Action progress)
    {
        if (!CanResend)
        {
            throw new InvalidOperationException("the request body was partly sent and cannot be replayed");
        }

        return new BodyContent(this, progress);
    }

    /// <summary>Positions the source at the start of the body and returns the number of bytes to send (null: until end).</summary>
    protected abstract Stream OpenForAttempt();

    private sealed class BodyContent : HttpContent
    {
        private const int ChunkSize = 128 * 1024;
        private readonly RequestBody _body;
        private readonly Action _progress;

        public BodyContent(RequestBody body, Action progress)
        {
            _body = body;
            _progress = progress;
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            var source = _body.OpenForAttempt();
            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            var buffer = new byte[ChunkSize];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                Interlocked.Add(ref _body._consumed, read);
                md5.AppendData(buffer, 0, read);
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
                _progress();
            }

            _body.SentLength = total;
            _body.SentMd5 = Convert.ToHexStringLower(md5.GetHashAndReset());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length ?? -1;
            return _body.Length is not null;
        }
    }
}
