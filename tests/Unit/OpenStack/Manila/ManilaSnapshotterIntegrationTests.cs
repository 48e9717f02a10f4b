using System.Net;
using System.Text.Json.Nodes;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Manila;
using VeleroOpenShift.OpenStack.Volumes;
using VeleroOpenShift.Tests.OpenStack.Integration;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.Tests.OpenStack.Manila;

/// <summary>
/// The Manila snapshotter against real Keystone and Manila (dummy share driver) on 127.0.0.1, in the order Velero calls
/// it (spec §7). Stuck statuses, 409 answers and zone moves cannot be provoked on the dummy driver; those are tested
/// against the in-memory Manila (ManilaFailureTests, ManilaZoneMoveTests).
/// </summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class ManilaSnapshotterIntegrationTests(OpenStackServers servers)
{
    private static readonly Dictionary<string, string> VeleroTags = new()
    {
        ["velero.io/backup"] = "nightly-20261123", ["velero.io/pv"] = "pvc-manila", ["velero.io/storage-location"] = "default",
    };

    private readonly CapturedLogs _logs = new();

    [SkippableFact]
    public async Task Snapshot_method_backs_up_and_restores_a_share_with_its_first_access_rule()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await ManilaProbe.DemoAsync();
        var source = await probe.CreateShareAsync("vos-snapshot-source", new() { ["team"] = "storage" }, "10.0.0.0/24", "10.0.1.0/24");
        string? restored = null;
        try
        {
            using var snapshotter = await InitAsync(new() { ["shareTimeout"] = "1m", ["snapshotTimeout"] = "1m" });
            var pv = Pv(source, "old-access");

            var volumeId = await snapshotter.GetVolumeIdAsync(pv, CancellationToken.None);
            var info = await snapshotter.GetVolumeInfoAsync(volumeId!, "", CancellationToken.None);
            var snapshotId = await snapshotter.CreateSnapshotAsync(volumeId!, "", VeleroTags, CancellationToken.None);

            Assert.Equal(new VolumeInfo("default", null), info);
            var snapshot = (await probe.SnapshotAsync(snapshotId))!;
            Assert.Equal(("available", "Velero snapshot", source), ((string)snapshot["status"]!, (string)snapshot["description"]!, (string)snapshot["share_id"]!));
            Assert.Matches($@"^{source}\.snap\.\d+$", (string)snapshot["name"]!);

            restored = await snapshotter.CreateVolumeFromSnapshotAsync(snapshotId, info.VolumeType, "", null, CancellationToken.None);
            var updated = await snapshotter.SetVolumeIdAsync(pv, restored, CancellationToken.None);

            var share = (await probe.ShareAsync(restored))!;
            Assert.Equal(("available", snapshotId, "storage"), ((string)share["status"]!, (string)share["snapshot_id"]!, (string)share["metadata"]!["team"]!));
            var rule = Assert.Single(await probe.AccessRulesAsync(restored));
            Assert.Equal("10.0.0.0/24", (string)rule["access_to"]!);
            var attributes = updated["spec"]!["csi"]!["volumeAttributes"]!;
            Assert.Equal((restored, restored, (string)rule["id"]!), ((string)updated["spec"]!["csi"]!["volumeHandle"]!, (string)attributes["shareID"]!, (string)attributes["shareAccessID"]!));

            await snapshotter.DeleteSnapshotAsync(snapshotId, CancellationToken.None);
            await probe.SnapshotGoneAsync(snapshotId);
        }
        finally
        {
            await probe.RemoveAsync(restored, source);
        }
    }

    [SkippableFact]
    public async Task Clone_method_copies_the_share_and_removes_its_intermediate_snapshots()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await ManilaProbe.DemoAsync();
        var source = await probe.CreateShareAsync("vos-clone-source", new() { ["team"] = "storage", ["velero.io/pv"] = "stale" }, "10.0.2.0/24");
        string? clone = null;
        string? restored = null;
        try
        {
            using var snapshotter = await InitAsync(new() { ["method"] = "clone", ["cloneTimeout"] = "1m", ["ensureDeleted"] = "true", ["ensureDeletedDelay"] = "1s" });
            var pv = Pv(source, "old-access");

            clone = await snapshotter.CreateSnapshotAsync((await snapshotter.GetVolumeIdAsync(pv, CancellationToken.None))!, "", VeleroTags, CancellationToken.None);

            var cloneShare = (await probe.ShareAsync(clone))!;
            Assert.Matches($@"^{source}\.clone\.\d+$", (string)cloneShare["name"]!);
            Assert.Equal(("Velero share clone", "storage", "pvc-manila", "nightly-20261123"), ((string)cloneShare["description"]!, (string)cloneShare["metadata"]!["team"]!, (string)cloneShare["metadata"]!["velero.io/pv"]!, (string)cloneShare["metadata"]!["velero.io/backup"]!));
            Assert.Equal("10.0.2.0/24", (string)Assert.Single(await probe.AccessRulesAsync(clone))["access_to"]!);
            // ensureDeleted: the intermediate snapshot was waited out before CreateSnapshot returned.
            Assert.Empty(await probe.SnapshotsOfAsync(source));

            restored = await snapshotter.CreateVolumeFromSnapshotAsync(clone, "", "", null, CancellationToken.None);
            var updated = await snapshotter.SetVolumeIdAsync(pv, restored, CancellationToken.None);

            var restoredShare = (await probe.ShareAsync(restored))!;
            Assert.Equal(("Velero backup from share clone", "nightly-20261123"), ((string)restoredShare["description"]!, (string)restoredShare["metadata"]!["velero.io/backup"]!));
            Assert.Matches($@"^{clone}\.backup\.\d+$", (string)restoredShare["name"]!);
            Assert.Empty(await probe.SnapshotsOfAsync(clone));
            Assert.Equal(restored, (string)updated["spec"]!["csi"]!["volumeHandle"]!);

            await snapshotter.DeleteSnapshotAsync(clone, CancellationToken.None);
            Assert.Null(await probe.ShareAsync(clone));
        }
        finally
        {
            await probe.RemoveAsync(restored, clone, source);
        }
    }

    [SkippableFact]
    public async Task Cascade_delete_removes_snapshots_of_the_clone_before_the_clone()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await ManilaProbe.DemoAsync();
        var source = await probe.CreateShareAsync("vos-cascade-source");
        string? clone = null;
        try
        {
            using var snapshotter = await InitAsync(new() { ["method"] = "clone", ["cascadeDelete"] = "true", ["ensureDeleted"] = "true", ["ensureDeletedDelay"] = "1s", ["snapshotTimeout"] = "1m", ["cloneTimeout"] = "1m" });
            clone = await snapshotter.CreateSnapshotAsync(source, "", VeleroTags, CancellationToken.None);
            var extra = await probe.CreateSnapshotAsync(clone);

            await snapshotter.DeleteSnapshotAsync(clone, CancellationToken.None);

            Assert.Null(await probe.SnapshotAsync(extra));
            Assert.Null(await probe.ShareAsync(clone));
        }
        finally
        {
            await probe.RemoveAsync(clone, source);
        }
    }

    [SkippableFact]
    public async Task Manilas_refusal_to_delete_a_clone_with_snapshots_is_passed_through_with_its_request_id()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await ManilaProbe.DemoAsync();
        var source = await probe.CreateShareAsync("vos-refusal-source");
        string? clone = null;
        try
        {
            using var snapshotter = await InitAsync(new() { ["method"] = "clone" });
            clone = await snapshotter.CreateSnapshotAsync(source, "", VeleroTags, CancellationToken.None);
            await probe.CreateSnapshotAsync(clone);

            var error = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.DeleteSnapshotAsync(clone, CancellationToken.None));

            Assert.StartsWith($"failed to delete share clone {clone}: Expected HTTP response code [202] when accessing [DELETE {OpenStackServers.ManilaUrl}/v2/", error.Message, StringComparison.Ordinal);
            var cause = Assert.IsType<OpenStackServiceException>(error.InnerException);
            Assert.Equal(HttpStatusCode.Forbidden, cause.Status);
            Assert.StartsWith("req-", cause.RequestId, StringComparison.Ordinal);
            Assert.Equal("available", (string)(await probe.ShareAsync(clone))!["status"]!);
        }
        finally
        {
            await probe.RemoveAsync(clone, source);
        }
    }

    [SkippableFact]
    public async Task A_missing_share_is_reported_with_the_references_wording_and_the_request_id()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await ManilaProbe.DemoAsync();
        using var snapshotter = await InitAsync([]);
        var missing = Guid.NewGuid().ToString("D");

        var error = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.GetVolumeInfoAsync(missing, "", CancellationToken.None));

        Assert.StartsWith($"failed to get share {missing} from manila: Expected HTTP response code [200] when accessing [GET {OpenStackServers.ManilaUrl}/v2/", error.Message, StringComparison.Ordinal);
        var cause = Assert.IsType<OpenStackServiceException>(error.InnerException);
        Assert.Equal((HttpStatusCode.NotFound, $"share {missing}"), (cause.Status, cause.Target));
        Assert.StartsWith("req-", cause.RequestId, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_share_without_access_rules_restores_and_keeps_the_PVs_old_access_id()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var probe = await ManilaProbe.DemoAsync();
        var source = await probe.CreateShareAsync("vos-open-source");
        string? restored = null;
        try
        {
            using var snapshotter = await InitAsync(new() { ["ensureDeleted"] = "true", ["ensureDeletedDelay"] = "1s" });
            var snapshotId = await snapshotter.CreateSnapshotAsync(source, "", VeleroTags, CancellationToken.None);
            restored = await snapshotter.CreateVolumeFromSnapshotAsync(snapshotId, "", "", null, CancellationToken.None);

            var updated = await snapshotter.SetVolumeIdAsync(Pv(source, "old-access"), restored, CancellationToken.None);
            await snapshotter.DeleteSnapshotAsync(snapshotId, CancellationToken.None);

            Assert.Empty(await probe.AccessRulesAsync(restored));
            Assert.Equal("old-access", (string)updated["spec"]!["csi"]!["volumeAttributes"]!["shareAccessID"]!);
            Assert.Null(await probe.SnapshotAsync(snapshotId));
            Assert.Contains(_logs.Lines, l => l.Contains($"cannot find share {source} access rules from manila", StringComparison.Ordinal));
        }
        finally
        {
            await probe.RemoveAsync(restored, source);
        }
    }

    private async Task<ManilaVolumeSnapshotter> InitAsync(Dictionary<string, string> config)
    {
        var snapshotter = new ManilaVolumeSnapshotter(_logs.Factory(), TimeProvider.System, TestEnvironment.Of(StoreFactory.KeystoneDemo), new CloudConfigFiles(null, []), ResourceNames.Shared);
        await snapshotter.InitAsync(config, CancellationToken.None);
        return snapshotter;
    }

    private static JsonObject Pv(string shareId, string accessId) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "PersistentVolume",
        ["metadata"] = new JsonObject { ["name"] = "pvc-manila" },
        ["spec"] = new JsonObject
        {
            ["capacity"] = new JsonObject { ["storage"] = "1Gi" },
            ["csi"] = new JsonObject
            {
                ["driver"] = "nfs.manila.csi.openstack.org",
                ["volumeHandle"] = shareId,
                ["volumeAttributes"] = new JsonObject { ["shareID"] = shareId, ["shareAccessID"] = accessId },
                ["nodeStageSecretRef"] = new JsonObject { ["name"] = "csi-manila-secrets", ["namespace"] = "kube-system" },
            },
        },
    };
}
