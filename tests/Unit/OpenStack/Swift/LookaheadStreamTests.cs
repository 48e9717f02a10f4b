using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Tests.OpenStack.Swift;

public sealed class LookaheadStreamTests
{
    /// <summary>Hands out at most three bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] content) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(3, buffer.Length)], cancellationToken);
    }

    [Fact]
    public async Task Looked_at_bytes_are_read_again_before_the_rest()
    {
        var content = Enumerable.Range(0, 20).Select(i => (byte)i).ToArray();
        var stream = new LookaheadStream(new TrickleStream(content));

        Assert.Equal(8, await stream.FillAsync(8, CancellationToken.None));
        Assert.False(stream.SourceEnded);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Fill_stops_at_the_end_and_says_so()
    {
        var stream = new LookaheadStream(new TrickleStream([1, 2, 3, 4, 5]));

        Assert.Equal(5, await stream.FillAsync(100, CancellationToken.None));
        Assert.True(stream.SourceEnded);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, stream.Buffered.ToArray());
    }
}
