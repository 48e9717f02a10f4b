using System.Text.Json.Nodes;
using Google.Protobuf;
using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using VeleroOpenShift.Tests.OpenStack.Integration;
using VeleroOpenShift.Tests.OpenStack.Manila;
using Xunit;
using Generated = VeleroOpenShift.PluginShim.Protos.Generated;

namespace VeleroOpenShift.PluginShim.Tests.OpenStack;

/// <summary>
/// The Manila snapshotter as Velero uses it: the shim executable launched with the go-plugin environment and Keystone
/// credentials in OS_* variables, Velero's backup, restore and deletion calls in Velero's order (spec §7) against real
/// Keystone and Manila on 127.0.0.1.
/// </summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class ManilaThroughShimTests(OpenStackServers servers)
{
    private const string Plugin = "community.openstack.org/openstack-manila";

    [SkippableTheory]
    [InlineData("snapshot")]
    [InlineData("clone")]
    public async Task Velero_backs_up_restores_and_deletes_a_manila_share(string method)
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await ManilaProbe.DemoAsync();
        var source = await probe.CreateShareAsync($"vos-shim-{method}", new() { ["team"] = "storage" }, "10.1.0.0/24");
        string? restored = null;
        string? snapshotId = null;
        try
        {
            var environment = ShimProcess.VeleroEnvironment();
            environment["OS_AUTH_URL"] = OpenStackServers.KeystoneUrl;
            environment["OS_USERNAME"] = KeystoneAdmin.DemoUser;
            environment["OS_PASSWORD"] = KeystoneAdmin.DemoPassword;
            environment["OS_PROJECT_NAME"] = "demo";
            environment["OS_USER_DOMAIN_NAME"] = "Default";
            environment["OS_PROJECT_DOMAIN_ID"] = "default";
            using var shim = ShimProcess.Start(RepositoryPaths.ShimExecutable, environment, ShimProcess.VeleroServerFlags);
            var socket = (await shim.ReadStdoutLineAsync())!.Split('|')[3];
            using var channel = ShimServer.CreateChannel(socket);
            var snapshotter = new Generated.VolumeSnapshotter.VolumeSnapshotterClient(channel);
            var pv = ByteString.CopyFromUtf8(Pv(source).ToJsonString());

            await snapshotter.InitAsync(new Generated.VolumeSnapshotterInitRequest { Plugin = Plugin, Config = { ["method"] = method, ["ensureDeleted"] = "true", ["ensureDeletedDelay"] = "1s" } });
            var volumeId = (await snapshotter.GetVolumeIDAsync(new Generated.GetVolumeIDRequest { Plugin = Plugin, PersistentVolume = pv })).VolumeID;
            var info = await snapshotter.GetVolumeInfoAsync(new Generated.GetVolumeInfoRequest { Plugin = Plugin, VolumeID = volumeId });
            snapshotId = (await snapshotter.CreateSnapshotAsync(new Generated.CreateSnapshotRequest
            {
                Plugin = Plugin, VolumeID = volumeId, Tags = { ["velero.io/backup"] = "nightly", ["velero.io/pv"] = "pvc-manila", ["velero.io/storage-location"] = "default" },
            })).SnapshotID;
            restored = (await snapshotter.CreateVolumeFromSnapshotAsync(new Generated.CreateVolumeRequest { Plugin = Plugin, SnapshotID = snapshotId, VolumeType = info.VolumeType })).VolumeID;
            var updated = JsonNode.Parse((await snapshotter.SetVolumeIDAsync(new Generated.SetVolumeIDRequest { Plugin = Plugin, PersistentVolume = pv, VolumeID = restored })).PersistentVolume.ToStringUtf8())!;

            Assert.Equal((source, "default"), (volumeId, info.VolumeType));
            var rule = Assert.Single(await probe.AccessRulesAsync(restored));
            Assert.Equal("10.1.0.0/24", (string)rule["access_to"]!);
            Assert.Equal("storage", (string)(await probe.ShareAsync(restored))!["metadata"]!["team"]!);
            Assert.Equal((restored, restored, (string)rule["id"]!), ((string)updated["spec"]!["csi"]!["volumeHandle"]!, (string)updated["spec"]!["csi"]!["volumeAttributes"]!["shareID"]!, (string)updated["spec"]!["csi"]!["volumeAttributes"]!["shareAccessID"]!));
            Assert.Equal("PersistentVolume", (string)updated["kind"]!);

            await snapshotter.DeleteSnapshotAsync(new Generated.DeleteSnapshotRequest { Plugin = Plugin, SnapshotID = snapshotId });

            // ensureDeleted: gone by the time DeleteSnapshot answers, whichever kind of resource the method made.
            Assert.Null(method == "snapshot" ? await probe.SnapshotAsync(snapshotId) : await probe.ShareAsync(snapshotId));
            shim.Signal("TERM");
            var (_, _, stderr) = await shim.WaitForExitAsync();
            Assert.DoesNotContain(KeystoneAdmin.DemoPassword, string.Join('\n', stderr), StringComparison.Ordinal);
        }
        finally
        {
            await probe.RemoveAsync(restored, method == "clone" ? snapshotId : null, source);
        }
    }

    private static JsonObject Pv(string shareId) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "PersistentVolume",
        ["metadata"] = new JsonObject { ["name"] = "pvc-manila" },
        ["spec"] = new JsonObject
        {
            ["csi"] = new JsonObject
            {
                ["driver"] = "nfs.manila.csi.openstack.org",
                ["volumeHandle"] = shareId,
                ["volumeAttributes"] = new JsonObject { ["shareID"] = shareId, ["shareAccessID"] = "old-access" },
            },
        },
    };
}
