using VeleroOpenShift.PluginShim.Protos.Generated;
using VeleroOpenShift.PluginShim.Tests.Fakes;
using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using Xunit;

namespace VeleroOpenShift.PluginShim.Tests.Services;

public sealed class VolumeSnapshotterServiceTests : IAsyncLifetime
{
    private ShimServer _server = null!;
    private VolumeSnapshotter.VolumeSnapshotterClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await ShimServer.StartAsync(TestCatalog.Create());
        _client = new VolumeSnapshotter.VolumeSnapshotterClient(_server.Channel);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ZeroIopsMeansNotSpecifiedBothWays()
    {
        const string Plugin = TestCatalog.VolumeSnapshotter;
        await _client.InitAsync(new VolumeSnapshotterInitRequest { Plugin = Plugin });

        var unspecified = await _client.CreateVolumeFromSnapshotAsync(new CreateVolumeRequest { Plugin = Plugin, SnapshotID = "s1", VolumeType = "ssd", VolumeAZ = "az1" });
        var specified = await _client.CreateVolumeFromSnapshotAsync(new CreateVolumeRequest { Plugin = Plugin, SnapshotID = "s1", VolumeType = "ssd", VolumeAZ = "az1", Iops = 500 });
        var plain = await _client.GetVolumeInfoAsync(new GetVolumeInfoRequest { Plugin = Plugin, VolumeID = "plain", VolumeAZ = "az1" });
        var provisioned = await _client.GetVolumeInfoAsync(new GetVolumeInfoRequest { Plugin = Plugin, VolumeID = "provisioned", VolumeAZ = "az1" });

        Assert.Equal("vol-from-s1-ssd-az1-none", unspecified.VolumeID);
        Assert.Equal("vol-from-s1-ssd-az1-500", specified.VolumeID);
        Assert.Equal(("ssd", 0L), (plain.VolumeType, plain.Iops));
        Assert.Equal(3000, provisioned.Iops);
    }

    [Fact]
    public async Task SnapshotsAndVolumeIdsReachTheSnapshotter()
    {
        const string Plugin = TestCatalog.VolumeSnapshotter;
        var create = new CreateSnapshotRequest { Plugin = Plugin, VolumeID = "vol-1", VolumeAZ = "az1" };
        create.Tags.Add("velero.io/backup", "nightly");

        var snapshot = await _client.CreateSnapshotAsync(create);
        await _client.DeleteSnapshotAsync(new DeleteSnapshotRequest { Plugin = Plugin, SnapshotID = snapshot.SnapshotID });
        var volumeId = await _client.GetVolumeIDAsync(new GetVolumeIDRequest { Plugin = Plugin, PersistentVolume = Items.Bytes(Items.PersistentVolume) });
        var notMine = await _client.GetVolumeIDAsync(new GetVolumeIDRequest { Plugin = Plugin, PersistentVolume = Items.Bytes("""{"apiVersion":"v1","kind":"PersistentVolume","spec":{}}""") });
        var updated = await _client.SetVolumeIDAsync(new SetVolumeIDRequest { Plugin = Plugin, PersistentVolume = Items.Bytes(Items.PersistentVolume), VolumeID = "vol-2" });

        Assert.Equal("snap-vol-1-velero.io/backup=nightly", snapshot.SnapshotID);
        Assert.Equal("vol-1", volumeId.VolumeID);
        Assert.Equal(string.Empty, notMine.VolumeID);
        var pv = Items.Parse(updated.PersistentVolume);
        Assert.Equal(("PersistentVolume", "vol-2"), (pv["kind"]!.GetValue<string>(), pv["spec"]!["cinder"]!["volumeID"]!.GetValue<string>()));
    }
}
