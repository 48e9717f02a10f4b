using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;

namespace VeleroOpenShift.Tests.OpenStack.Manila;

/// <summary>GetVolumeID and SetVolumeID on Manila CSI PersistentVolumes (spec §6.10, §12 deviation 3).</summary>
public sealed class ManilaPersistentVolumeTests : IDisposable
{
    private readonly FakeManilaSetup _setup = new();

    [Fact]
    public async Task GetVolumeID_returns_the_volume_handle_of_the_configured_driver()
    {
        using var snapshotter = await _setup.SnapshotterAsync();

        Assert.Equal("share-1", await snapshotter.GetVolumeIdAsync(Pv("nfs.manila.csi.openstack.org", "share-1"), CancellationToken.None));
    }

    [Fact]
    public async Task GetVolumeID_skips_other_drivers_and_says_so()
    {
        using var snapshotter = await _setup.SnapshotterAsync();

        Assert.Null(await snapshotter.GetVolumeIdAsync(Pv("cephfs.manila.csi.openstack.org", "share-1"), CancellationToken.None));
        Assert.Contains(_setup.Logs.Lines, l => l.Contains("Unable to handle CSI driver: cephfs.manila.csi.openstack.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetVolumeID_uses_the_driver_named_by_the_location_exactly()
    {
        using var snapshotter = await _setup.SnapshotterAsync(new() { ["driver"] = "cephfs.manila.csi.openstack.org" });

        Assert.Equal("share-1", await snapshotter.GetVolumeIdAsync(Pv("cephfs.manila.csi.openstack.org", "share-1"), CancellationToken.None));
        Assert.Null(await snapshotter.GetVolumeIdAsync(Pv("nfs.manila.csi.openstack.org", "share-1"), CancellationToken.None));
    }

    [Fact]
    public async Task GetVolumeID_ignores_PVs_without_csi_even_cinder_ones()
    {
        using var snapshotter = await _setup.SnapshotterAsync();
        var pv = JsonNode.Parse("""{"kind":"PersistentVolume","metadata":{"name":"pv-1"},"spec":{"cinder":{"volumeID":"v1"}}}""")!.AsObject();

        Assert.Null(await snapshotter.GetVolumeIdAsync(pv, CancellationToken.None));
    }

    [Fact]
    public async Task SetVolumeID_points_the_PV_at_the_new_share_and_its_first_access_rule()
    {
        _setup.Api.AddShare("new-share", "nova");
        _setup.Api.AddRule("new-share", "rule-1", "ip", "10.0.0.0/24", "rw");
        _setup.Api.AddRule("new-share", "rule-2", "ip", "10.0.1.0/24", "rw");
        using var snapshotter = await _setup.SnapshotterAsync();
        var pv = Pv("nfs.manila.csi.openstack.org", "old-share");

        var updated = await snapshotter.SetVolumeIdAsync(pv, "new-share", CancellationToken.None);

        var csi = updated["spec"]!["csi"]!;
        Assert.Equal("new-share", (string)csi["volumeHandle"]!);
        Assert.Equal(["shareID", "shareAccessID", "cephfs-mounter"], csi["volumeAttributes"]!.AsObject().Select(p => p.Key));
        Assert.Equal(("new-share", "rule-1", "fuse"), ((string)csi["volumeAttributes"]!["shareID"]!, (string)csi["volumeAttributes"]!["shareAccessID"]!, (string)csi["volumeAttributes"]!["cephfs-mounter"]!));
        Assert.Equal("secret", (string)csi["nodeStageSecretRef"]!["name"]!);
        Assert.Equal("old-share", (string)pv["spec"]!["csi"]!["volumeHandle"]!);
    }

    [Fact]
    public async Task SetVolumeID_leaves_the_old_access_id_when_the_share_has_no_rule()
    {
        _setup.Api.AddShare("new-share", "nova");
        using var snapshotter = await _setup.SnapshotterAsync();

        var updated = await snapshotter.SetVolumeIdAsync(Pv("nfs.manila.csi.openstack.org", "old-share"), "new-share", CancellationToken.None);

        Assert.Equal(("new-share", "old-rule"), ((string)updated["spec"]!["csi"]!["volumeAttributes"]!["shareID"]!, (string)updated["spec"]!["csi"]!["volumeAttributes"]!["shareAccessID"]!));
    }

    [Fact]
    public async Task SetVolumeID_creates_volumeAttributes_when_the_PV_has_none()
    {
        _setup.Api.AddShare("new-share", "nova");
        using var snapshotter = await _setup.SnapshotterAsync();
        var pv = JsonNode.Parse("""{"kind":"PersistentVolume","metadata":{"name":"pv-1"},"spec":{"csi":{"driver":"nfs.manila.csi.openstack.org","volumeHandle":"old"}}}""")!.AsObject();

        var updated = await snapshotter.SetVolumeIdAsync(pv, "new-share", CancellationToken.None);

        Assert.Equal("""{"shareID":"new-share"}""", updated["spec"]!["csi"]!["volumeAttributes"]!.ToJsonString());
    }

    [Fact]
    public async Task SetVolumeID_refuses_another_driver_with_the_references_text()
    {
        using var snapshotter = await _setup.SnapshotterAsync();

        var error = await Assert.ThrowsAsync<InvalidItemException>(() => snapshotter.SetVolumeIdAsync(Pv("cephfs.manila.csi.openstack.org", "old"), "new-share", CancellationToken.None));

        Assert.Equal("PersistentVolume/pv-1: field spec.csi.driver: PV driver ('spec.csi.driver') doesn't match supported driver (nfs.manila.csi.openstack.org)", error.Message);
        Assert.DoesNotContain(_setup.Cloud.Requests, r => r.Path.StartsWith("share-access-rules", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SetVolumeID_on_a_PV_without_csi_names_the_PV_and_the_missing_section()
    {
        using var snapshotter = await _setup.SnapshotterAsync();
        var pv = JsonNode.Parse("""{"kind":"PersistentVolume","metadata":{"name":"pv-7"},"spec":{"nfs":{"server":"x"}}}""")!.AsObject();

        var error = await Assert.ThrowsAsync<InvalidItemException>(() => snapshotter.SetVolumeIdAsync(pv, "new-share", CancellationToken.None));

        Assert.Equal(("PersistentVolume/pv-7", "spec.csi"), (error.Target, error.Field));
        Assert.EndsWith("is missing: PV driver ('spec.csi.driver') doesn't match supported driver (nfs.manila.csi.openstack.org)", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Pv(string driver, string handle) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "PersistentVolume",
        ["metadata"] = new JsonObject { ["name"] = "pv-1" },
        ["spec"] = new JsonObject
        {
            ["csi"] = new JsonObject
            {
                ["driver"] = driver,
                ["volumeHandle"] = handle,
                ["volumeAttributes"] = new JsonObject { ["shareID"] = handle, ["shareAccessID"] = "old-rule", ["cephfs-mounter"] = "fuse" },
                ["nodeStageSecretRef"] = new JsonObject { ["name"] = "secret", ["namespace"] = "manila" },
            },
        },
    };

    public void Dispose() => _setup.Dispose();
}
