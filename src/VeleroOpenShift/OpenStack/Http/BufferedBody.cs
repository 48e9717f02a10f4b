namespace VeleroOpenShift.OpenStack.Http;

/// <summary>A small body held in memory (small objects, SLO manifests): always replayable.</summary>
internal sealed class BufferedBody : RequestBody
{
    private readonly ReadOnlyMemory<byte> _content;

    public BufferedBody(ReadOnlyMemory<byte> content)
    {
        _content = content;
    }

    public override long? Length => _content.Length;

    protected override bool IsReplayable => true;

    protected override Stream OpenForAttempt() => new MemoryStream(_content.ToArray(), writable: false);
}
