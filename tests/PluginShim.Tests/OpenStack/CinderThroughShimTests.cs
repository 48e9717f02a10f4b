using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using VeleroOpenShift.Tests.OpenStack.Integration;
using Xunit;
using Generated = VeleroOpenShift.PluginShim.Protos.Generated;

namespace VeleroOpenShift.PluginShim.Tests.OpenStack;

/// <summary>
/// The Cinder snapshotter as Velero uses it: the shim executable launched with the go-plugin environment and Keystone
/// credentials in OS_* variables, the VolumeSnapshotter RPCs in Velero's backup, restore and deletion order against
/// real Keystone, Cinder (file-backed volumes, backup service) and Glance on 127.0.0.1, for every method, under the
/// preferred name and the legacy alias. The data written into the source volume must come back in the restored one.
/// </summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class CinderThroughShimTests(OpenStackServers servers)
{
    private static readonly Dictionary<string, string> Tags = new()
    {
        ["velero.io/backup"] = "nightly-20261123", ["velero.io/pv"] = "pvc-3f1c", ["velero.io/storage-location"] = "default",
    };

    [SkippableTheory]
    [InlineData("community.openstack.org/openstack-cinder", "snapshot", "snapshots")]
    [InlineData("community.openstack.org/openstack-cinder", "clone", "volumes")]
    [InlineData("community.openstack.org/openstack-cinder", "backup", "backups")]
    [InlineData("community.openstack.org/openstack-cinder", "image", "images")]
    [InlineData("community.openstack.org/openstack", "snapshot", "snapshots")]
    public async Task Velero_backs_up_restores_and_deletes_a_cinder_volume(string plugin, string method, string preservedAs)
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await CinderProbe.DemoAsync();
        var source = await probe.NewVolumeAsync(new Dictionary<string, string> { ["app"] = "db" });
        var data = System.Text.Encoding.UTF8.GetBytes($"written before the {method} backup");
        CinderProbe.WriteVolumeData(source, 1 << 20, data);
        var restored = "";
        var snapshotId = "";
        try
        {
            using var shim = ShimProcess.Start(RepositoryPaths.ShimExecutable, Environment(), ShimProcess.VeleroServerFlags);
            var socket = (await shim.ReadStdoutLineAsync())!.Split('|')[3];
            using var channel = ShimServer.CreateChannel(socket);
            var snapshotter = new Generated.VolumeSnapshotter.VolumeSnapshotterClient(channel);
            var pv = $$$$"""{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pvc-3f1c"},"spec":{"csi":{"driver":"cinder.csi.openstack.org","volumeHandle":"{{{{source}}}}","fsType":"ext4"}}}""";

            await snapshotter.InitAsync(new Generated.VolumeSnapshotterInitRequest
            {
                Plugin = plugin,
                Config =
                {
                    ["method"] = method, ["volumeTimeout"] = "3m", ["snapshotTimeout"] = "1m", ["cloneTimeout"] = "1m", ["backupTimeout"] = "3m",
                    ["imageTimeout"] = "3m", ["ensureDeleted"] = "true", ["ensureDeletedDelay"] = "1s",
                },
            });
            var volumeId = (await snapshotter.GetVolumeIDAsync(new Generated.GetVolumeIDRequest { Plugin = plugin, PersistentVolume = Items.Bytes(pv) })).VolumeID;
            var info = await snapshotter.GetVolumeInfoAsync(new Generated.GetVolumeInfoRequest { Plugin = plugin, VolumeID = volumeId });
            snapshotId = (await snapshotter.CreateSnapshotAsync(new Generated.CreateSnapshotRequest { Plugin = plugin, VolumeID = volumeId, Tags = { Tags } })).SnapshotID;
            var preserved = await PreservedAsync(probe, preservedAs, snapshotId);
            restored = (await snapshotter.CreateVolumeFromSnapshotAsync(new Generated.CreateVolumeRequest { Plugin = plugin, SnapshotID = snapshotId, VolumeType = info.VolumeType })).VolumeID;
            var updated = Items.Parse((await snapshotter.SetVolumeIDAsync(new Generated.SetVolumeIDRequest { Plugin = plugin, PersistentVolume = Items.Bytes(pv), VolumeID = restored })).PersistentVolume);
            var restoredVolume = await probe.GetAsync("volumes", restored);
            await snapshotter.DeleteSnapshotAsync(new Generated.DeleteSnapshotRequest { Plugin = plugin, SnapshotID = snapshotId });

            Assert.Equal(source, volumeId);
            Assert.Equal("__DEFAULT__", info.VolumeType);
            Assert.Equal(0, info.Iops);
            Assert.Equal(method == "image" ? "active" : "available", (string)preserved!["status"]!);
            if (method != "image")
            {
                // Glance images carry no tags (spec §5.4).
                Assert.Equal("nightly-20261123", (string)preserved["metadata"]!["velero.io/backup"]!);
                Assert.Equal("db", (string)preserved["metadata"]!["app"]!);
            }

            Assert.Equal("available", (string)restoredVolume!["status"]!);
            Assert.Equal(data, CinderProbe.ReadVolumeData(restored, 1 << 20, data.Length));
            Assert.Equal(restored, (string)updated["spec"]!["csi"]!["volumeHandle"]!);
            Assert.Equal("ext4", (string)updated["spec"]!["csi"]!["fsType"]!);
            Assert.Null(await PreservedAsync(probe, preservedAs, snapshotId));
            var (exitCode, _, stderr) = await StopAsync(shim);
            Assert.Equal(0, exitCode);
            Assert.Contains(stderr, line => line.Contains("BlockStore.CreateSnapshot called", StringComparison.Ordinal));
            Assert.DoesNotContain(KeystoneAdmin.DemoPassword, string.Join('\n', stderr), StringComparison.Ordinal);
        }
        finally
        {
            if (restored.Length > 0)
            {
                await probe.DeleteAsync("volumes", restored);
            }

            if (snapshotId.Length > 0 && preservedAs == "images")
            {
                await probe.DeleteImageAsync(snapshotId);
            }
            else if (snapshotId.Length > 0 && preservedAs == "backups")
            {
                await probe.DeleteAsync("backups", snapshotId);
            }

            await probe.DeleteAsync("volumes", source);
        }
    }

    [SkippableFact]
    public async Task A_pv_that_is_not_cinder_is_skipped_and_cannot_be_pointed_at_a_volume()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        const string Plugin = "community.openstack.org/openstack-cinder";
        using var shim = ShimProcess.Start(RepositoryPaths.ShimExecutable, Environment(), ShimProcess.VeleroServerFlags);
        var socket = (await shim.ReadStdoutLineAsync())!.Split('|')[3];
        using var channel = ShimServer.CreateChannel(socket);
        var snapshotter = new Generated.VolumeSnapshotter.VolumeSnapshotterClient(channel);
        var nfs = Items.Bytes("""{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"nfs-1"},"spec":{"nfs":{"server":"n","path":"/"}}}""");

        await snapshotter.InitAsync(new Generated.VolumeSnapshotterInitRequest { Plugin = Plugin });
        var volumeId = (await snapshotter.GetVolumeIDAsync(new Generated.GetVolumeIDRequest { Plugin = Plugin, PersistentVolume = nfs })).VolumeID;
        var failure = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await snapshotter.SetVolumeIDAsync(new Generated.SetVolumeIDRequest { Plugin = Plugin, PersistentVolume = nfs, VolumeID = "v" }));

        Assert.Equal("", volumeId);
        Assert.Contains("PersistentVolume/nfs-1: field spec.cinder.volumeID: persistent volume is missing 'spec.cinder.volumeID'", failure.Status.Detail, StringComparison.Ordinal);
        await StopAsync(shim);
    }

    private static Task<System.Text.Json.Nodes.JsonObject?> PreservedAsync(CinderProbe probe, string preservedAs, string id) =>
        preservedAs == "images" ? probe.GetImageAsync(id) : probe.GetAsync(preservedAs, id);

    private static Dictionary<string, string?> Environment()
    {
        var environment = ShimProcess.VeleroEnvironment();
        environment["OS_AUTH_URL"] = OpenStackServers.KeystoneUrl;
        environment["OS_USERNAME"] = KeystoneAdmin.DemoUser;
        environment["OS_PASSWORD"] = KeystoneAdmin.DemoPassword;
        environment["OS_PROJECT_NAME"] = "demo";
        environment["OS_USER_DOMAIN_NAME"] = "Default";
        environment["OS_PROJECT_DOMAIN_ID"] = "default";
        return environment;
    }

    private static async Task<(int ExitCode, string RestOfStdout, IReadOnlyList<string> Stderr)> StopAsync(ShimProcess shim)
    {
        shim.Signal("TERM");
        return await shim.WaitForExitAsync();
    }
}
