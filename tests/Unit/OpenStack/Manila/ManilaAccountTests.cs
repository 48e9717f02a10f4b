using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Manila;
using VeleroOpenShift.Tests.OpenStack.Integration;

namespace VeleroOpenShift.Tests.OpenStack.Manila;

/// <summary>The cmdlets' entry point to Manila, against the test servers' Manila.</summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class ManilaAccountTests(OpenStackServers servers)
{
    private static readonly Dictionary<string, string> Demo = StoreFactory.KeystoneDemo.ToDictionary(v => v.Item1, v => v.Item2);

    [SkippableFact]
    public async Task Snapshots_and_shares_from_them_are_created_waited_for_listed_and_deleted()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await ManilaProbe.DemoAsync();
        var source = await probe.CreateShareAsync("vos-account-source");
        string? restored = null;
        try
        {
            using var account = await ManilaAccount.ConnectAsync(null, Demo.GetValueOrDefault, new CapturedLogs(), TimeProvider.System, CancellationToken.None);
            var statuses = new List<string>();

            var started = await account.CreateSnapshotAsync(source, "vos-account-snapshot", "made by a test", CancellationToken.None);
            var snapshot = await account.WaitForSnapshotAsync(started.SnapshotId, TimeSpan.FromMinutes(1), new Recorder(statuses), CancellationToken.None);
            var share = await account.CreateShareFromSnapshotAsync(snapshot.SnapshotId, null, null, CancellationToken.None);
            restored = share.ShareId;
            var available = await account.WaitForShareAsync(share.ShareId, TimeSpan.FromMinutes(1), null, CancellationToken.None);

            Assert.Equal(("vos-account-snapshot", "made by a test", source, "available", 1), (snapshot.Name, snapshot.Description, snapshot.ShareId, snapshot.Status, snapshot.Size));
            Assert.Equal("available", statuses[^1]);
            Assert.Equal(("available", snapshot.SnapshotId, "NFS", "default"), (available.Status, available.SourceSnapshotId, available.Protocol, available.ShareType));
            Assert.Matches($@"^{snapshot.SnapshotId}\.backup\.\d+$", available.Name);
            Assert.Contains(await account.ListSharesAsync(CancellationToken.None), s => s.ShareId == restored);
            Assert.Equal([snapshot.SnapshotId], (await account.ListSnapshotsAsync(source, CancellationToken.None)).Select(s => s.SnapshotId));
            Assert.Equal(source, (await account.GetShareAsync(source, CancellationToken.None)).ShareId);

            await account.DeleteShareAsync(restored, CancellationToken.None);
            await account.DeleteSnapshotAsync(snapshot.SnapshotId, CancellationToken.None);
            await probe.ShareGoneAsync(restored);
            await probe.SnapshotGoneAsync(snapshot.SnapshotId);
        }
        finally
        {
            await probe.RemoveAsync(restored, source);
        }
    }

    [SkippableFact]
    public async Task A_missing_snapshot_is_reported_naming_it()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var account = await ManilaAccount.ConnectAsync(null, Demo.GetValueOrDefault, new CapturedLogs(), TimeProvider.System, CancellationToken.None);
        var missing = Guid.NewGuid().ToString("D");

        var error = await Assert.ThrowsAsync<OpenStackException>(() => account.GetSnapshotAsync(missing, CancellationToken.None));

        Assert.Equal(($"share snapshot {missing}", VeleroOpenShift.Errors.FailureKind.NotFound), (error.Target, error.Kind));
        Assert.StartsWith($"failed to get snapshot {missing} from manila: Expected HTTP response code [200]", error.Message, StringComparison.Ordinal);
    }

    private sealed class Recorder(List<string> statuses) : IProgress<string>
    {
        public void Report(string value) => statuses.Add(value);
    }
}
