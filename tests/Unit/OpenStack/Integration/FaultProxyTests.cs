using System.Net;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>
/// A proxy between the store and Swift that resets connections, answers 503 and stalls: idempotent requests
/// recover by retrying, and an upload that cannot be retried leaves nothing partial behind.
/// </summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class FaultProxyTests(OpenStackServers servers) : IAsyncDisposable
{
    private const int MaxAttempts = 8;

    private readonly CapturedLogs _logs = new();
    private readonly FaultProxy _proxy = new(new IPEndPoint(IPAddress.Loopback, 8080));

    public ValueTask DisposeAsync() => _proxy.DisposeAsync();

    private async Task<(SwiftObjectStore Store, SwiftProbe Probe, string Container)> ArrangeAsync(string segmentSize = "1073741824")
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        var probe = await SwiftProbe.KeystoneDemoAsync();
        var container = await probe.NewContainerAsync();
        return (await StoreThroughProxyAsync(probe, segmentSize), probe, container);
    }

    private Task<SwiftObjectStore> StoreThroughProxyAsync(SwiftProbe probe, string segmentSize = "1073741824")
    {
        var throughProxy = probe.AccountUrl.Replace("127.0.0.1:8080", $"127.0.0.1:{_proxy.Port}", StringComparison.Ordinal);
        // Room beyond the injected faults: on a loaded machine a genuine request can also be slow or stall.
        return StoreFactory.InitAsync(_logs, [.. StoreFactory.KeystoneDemo, ("OS_SWIFT_ENDPOINT_OVERRIDE", throughProxy)],
            new() { ["stallTimeout"] = "3s", ["maxAttempts"] = $"{MaxAttempts}", ["segmentSize"] = segmentSize });
    }

    [SkippableFact]
    public async Task Every_idempotent_call_recovers_from_a_reset_a_503_and_a_stall()
    {
        var (store, probe, container) = await ArrangeAsync();
        using var _ = store;
        using var __ = probe;
        Fault[] faults = [Fault.Reset, Fault.Respond503, Fault.Stall];

        _proxy.Enqueue(faults);
        await store.PutObjectAsync(container, "backups/b/o", new ForwardOnlyStream(new MemoryStream([1, 2])), CancellationToken.None);
        Assert.Equal(faults, _proxy.Applied);

        // Each new store starts without pooled connections, so the faults meet the call under test.
        foreach (var call in new Func<SwiftObjectStore, Task>[]
        {
            async s => Assert.True(await s.ObjectExistsAsync(container, "backups/b/o", CancellationToken.None)),
            async s => Assert.Equal(new byte[] { 1, 2 }, await StoreFactory.ReadAllAsync(await s.GetObjectAsync(container, "backups/b/o", CancellationToken.None))),
            async s => Assert.Equal(["backups/b/"], await s.ListCommonPrefixesAsync(container, "backups/", "/", CancellationToken.None)),
            s => s.DeleteObjectAsync(container, "backups/b/o", CancellationToken.None),
        })
        {
            _proxy.Applied.Clear();
            using (var fresh = await StoreThroughProxyAsync(probe))
            {
                _proxy.Enqueue(faults);
                await call(fresh);
            }

            Assert.Equal(faults, _proxy.Applied);
        }

        Assert.Equal(HttpStatusCode.NotFound, await probe.HeadAsync(container, "backups/b/o"));
        Assert.Contains(_logs.Lines, line => line.Contains("retrying in", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_seekable_upload_cut_mid_body_is_sent_again_whole()
    {
        var (store, probe, container) = await ArrangeAsync();
        using var _ = store;
        using var __ = probe;
        var content = StoreFactory.RandomBytes(6 * 1024 * 1024);
        _proxy.CutAfterBytes = 3 * 1024 * 1024;
        _proxy.Enqueue(Fault.CutRequest);

        await store.PutObjectAsync(container, "big", new MemoryStream(content), CancellationToken.None);

        Assert.Equal([Fault.CutRequest], _proxy.Applied);
        Assert.Equal(content, await probe.GetAsync(container, "big"));
    }

    [SkippableFact]
    public async Task A_forward_only_upload_cut_mid_body_fails_and_leaves_nothing_visible()
    {
        var (store, probe, container) = await ArrangeAsync(segmentSize: "2097152");
        using var _ = store;
        using var __ = probe;
        await probe.PutAsync(container, "big", [7]);

        // Cut 1 MiB into the second segment (index 1), so one whole segment exists when the upload fails.
        _proxy.CutMarker = "%2F00000001 HTTP/1.1";
        _proxy.CutAfterBytes = 1024 * 1024;
        await Assert.ThrowsAsync<OpenStackException>(() => store.PutObjectAsync(container, "big", new ForwardOnlyStream(new MemoryStream(StoreFactory.RandomBytes(7 * 1024 * 1024))), CancellationToken.None));

        Assert.Equal([Fault.CutRequest], _proxy.Applied);
        Assert.Equal(new byte[] { 7 }, await probe.GetAsync(container, "big"));
        Assert.Empty(await probe.NamesAsync(container + "_segments"));
    }

    [SkippableFact]
    public async Task Retries_are_bounded_and_the_last_answer_is_reported()
    {
        var (store, probe, container) = await ArrangeAsync();
        using var _ = store;
        using var __ = probe;
        _proxy.Enqueue([.. Enumerable.Repeat(Fault.Respond503, MaxAttempts + 1)]);

        var failure = await Assert.ThrowsAsync<OpenStackException>(() => store.ObjectExistsAsync(container, "o", CancellationToken.None));

        Assert.Equal(MaxAttempts, _proxy.Applied.Count);
        Assert.Contains("but got 503 instead", failure.Message, StringComparison.Ordinal);
    }
}
