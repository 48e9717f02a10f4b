namespace VeleroOpenShift.OpenStack.Http;

/// <summary>A byte range of a seekable source (a file): replayable by seeking back, never loaded into memory.</summary>
internal sealed class SeekableSliceBody : RequestBody
{
    private readonly Stream _source;
    private readonly long _start;
    private readonly long _length;

    public SeekableSliceBody(Stream source, long start, long length)
    {
        _source = source;
        _start = start;
        _length = length;
    }

    public override long? Length => _length;

    protected override bool IsReplayable => true;

    protected override Stream OpenForAttempt()
    {
        _source.Position = _start;
        return new BoundedReadStream(_source, _length);
    }
}
