using System.Net;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>Static Large Objects with a 1 MiB segment size: round trips, deletion with segments, clean-up on failure.</summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class LargeObjectTests(OpenStackServers servers)
{
    private const int Segment = 1024 * 1024;

    private readonly CapturedLogs _logs = new();

    private async Task<(VeleroOpenShift.OpenStack.Swift.SwiftObjectStore Store, SwiftProbe Probe, string Container)> ArrangeAsync()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        var probe = await SwiftProbe.KeystoneDemoAsync();
        var store = await StoreFactory.InitAsync(_logs, StoreFactory.KeystoneDemo, new() { ["segmentSize"] = Segment.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return (store, probe, await probe.NewContainerAsync());
    }

    [SkippableFact]
    public async Task A_forward_only_stream_above_the_segment_size_round_trips_and_deletes_with_its_segments()
    {
        var (store, probe, container) = await ArrangeAsync();
        using var _ = store;
        using var __ = probe;
        var content = StoreFactory.RandomBytes((5 * Segment) + 12345);

        await store.PutObjectAsync(container, "backups/b/b.tar.gz", new ForwardOnlyStream(new MemoryStream(content)), CancellationToken.None);

        var segments = await probe.NamesAsync(container + "_segments");
        Assert.Equal(6, segments.Count);
        Assert.All(segments, name => Assert.StartsWith("backups/b/b.tar.gz/", name, StringComparison.Ordinal));
        Assert.Equal(content, await StoreFactory.ReadAllAsync(await store.GetObjectAsync(container, "backups/b/b.tar.gz", CancellationToken.None)));
        Assert.Equal(["backups/b/b.tar.gz"], await store.ListObjectsAsync(container, "backups/b/", CancellationToken.None));

        await store.DeleteObjectAsync(container, "backups/b/b.tar.gz", CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, await probe.HeadAsync(container, "backups/b/b.tar.gz"));
        Assert.Empty(await probe.NamesAsync(container + "_segments"));
    }

    [SkippableFact]
    public async Task A_seekable_stream_is_cut_into_exact_segments()
    {
        var (store, probe, container) = await ArrangeAsync();
        using var _ = store;
        using var __ = probe;
        var content = StoreFactory.RandomBytes(3 * Segment);

        await store.PutObjectAsync(container, "exact", new MemoryStream(content), CancellationToken.None);

        Assert.Equal(3, (await probe.NamesAsync(container + "_segments")).Count);
        Assert.Equal(content, await probe.GetAsync(container, "exact"));
    }

    [SkippableFact]
    public async Task A_source_that_breaks_off_leaves_neither_object_nor_segments()
    {
        var (store, probe, container) = await ArrangeAsync();
        using var _ = store;
        using var __ = probe;
        await probe.PutAsync(container, "kept", [1, 2, 3]);
        var broken = new ForwardOnlyStream(new MemoryStream(StoreFactory.RandomBytes(4 * Segment)), failAfter: (2 * Segment) + 100);

        await Assert.ThrowsAsync<OpenStackException>(() => store.PutObjectAsync(container, "kept", broken, CancellationToken.None));

        Assert.Equal(new byte[] { 1, 2, 3 }, await probe.GetAsync(container, "kept"));
        Assert.Empty(await probe.NamesAsync(container + "_segments"));
        Assert.Contains(_logs.Lines, line => line.Contains("Upload of kept to", StringComparison.Ordinal) && line.Contains("removing them", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_cancelled_upload_leaves_no_object_and_no_segments()
    {
        var (store, probe, container) = await ArrangeAsync();
        using var _ = store;
        using var __ = probe;
        using var cancel = new CancellationTokenSource();
        var source = new CancellingStream(new MemoryStream(StoreFactory.RandomBytes(4 * Segment)), cancel, afterBytes: (2 * Segment) + 100);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PutObjectAsync(container, "cancelled", source, cancel.Token));

        Assert.Equal(HttpStatusCode.NotFound, await probe.HeadAsync(container, "cancelled"));
        Assert.Empty(await probe.NamesAsync(container + "_segments"));
    }

    /// <summary>Cancels its token once a number of bytes was read, the way a user aborting a transfer would.</summary>
    private sealed class CancellingStream(Stream inner, CancellationTokenSource cancel, long afterBytes) : ForwardReadStream
    {
        private long _read;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read >= afterBytes)
            {
                await cancel.CancelAsync();
            }

            cancellationToken.ThrowIfCancellationRequested();
            var read = await inner.ReadAsync(buffer, cancellationToken);
            _read += read;
            return read;
        }
    }
}
