namespace VeleroOpenShift.OpenStack.Http;

/// <summary>Up to a number of bytes of a forward-only source, sent chunked; resendable only until its first byte is read.</summary>
internal sealed class OneShotBody : RequestBody
{
    private readonly Stream _source;
    private readonly long _maxBytes;

    public OneShotBody(Stream source, long maxBytes)
    {
        _source = source;
        _maxBytes = maxBytes;
    }

    public override long? Length => null;

    protected override bool IsReplayable => false;

    protected override Stream OpenForAttempt() => new BoundedReadStream(_source, _maxBytes);
}
