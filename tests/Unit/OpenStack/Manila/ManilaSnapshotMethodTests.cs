using System.Text.Json.Nodes;

namespace VeleroOpenShift.Tests.OpenStack.Manila;

/// <summary>The snapshot method on the wire (spec §6.4, §6.5, §6.8, §6.9), against the in-memory Manila.</summary>
public sealed class ManilaSnapshotMethodTests : IDisposable
{
    private static readonly Dictionary<string, string> VeleroTags = new() { ["velero.io/backup"] = "nightly", ["velero.io/pv"] = "pvc-1" };

    private readonly FakeManilaSetup _setup = new();

    [Fact]
    public async Task CreateSnapshot_sends_the_references_body_without_tags_and_waits_for_available()
    {
        _setup.Api.AddShare("s1", "nova");
        using var snapshotter = await _setup.SnapshotterAsync();

        var id = await snapshotter.CreateSnapshotAsync("s1", "", VeleroTags, CancellationToken.None);

        var body = _setup.Cloud.Requests.Single(r => r.Method == "POST" && r.Path == "snapshots").Json!.AsObject();
        var snapshot = body["snapshot"]!.AsObject();
        Assert.Equal(["share_id", "name", "description"], snapshot.Select(p => p.Key));
        Assert.Matches(@"^s1\.snap\.\d+$", (string)snapshot["name"]!);
        Assert.Equal(("s1", "Velero snapshot"), ((string)snapshot["share_id"]!, (string)snapshot["description"]!));
        Assert.Contains(_setup.Cloud.Requests, r => r.Method == "GET" && r.Path == "snapshots/" + id);
    }

    [Fact]
    public async Task CreateVolumeFromSnapshot_copies_metadata_and_the_first_access_rule_only()
    {
        _setup.Api.AddShare("s1", "nova", new JsonObject { ["team"] = "storage" });
        _setup.Api.AddRule("s1", "rule-1", "ip", "10.0.0.0/24", "rw");
        _setup.Api.AddRule("s1", "rule-2", "ip", "10.0.1.0/24", "ro");
        using var snapshotter = await _setup.SnapshotterAsync();
        var snapshotId = await snapshotter.CreateSnapshotAsync("s1", "", VeleroTags, CancellationToken.None);

        var shareId = await snapshotter.CreateVolumeFromSnapshotAsync(snapshotId, "ignored-type", "", 300, CancellationToken.None);

        var share = _setup.Cloud.Requests.Single(r => r.Method == "POST" && r.Path == "shares").Json!["share"]!.AsObject();
        Assert.Equal(["share_proto", "size", "name", "description", "snapshot_id", "metadata"], share.Select(p => p.Key));
        Assert.Equal(("NFS", 3, "Velero backup from snapshot", snapshotId), ((string)share["share_proto"]!, (int)share["size"]!, (string)share["description"]!, (string)share["snapshot_id"]!));
        Assert.Matches($@"^{snapshotId}\.backup\.\d+$", (string)share["name"]!);
        Assert.Equal("""{"team":"storage"}""", share["metadata"]!.ToJsonString());
        var granted = Assert.Single(_setup.Api.AccessRules[shareId]);
        Assert.Equal(("ip", "10.0.0.0/24", "rw"), ((string)granted["access_type"]!, (string)granted["access_to"]!, (string)granted["access_level"]!));
        Assert.Contains(_setup.Cloud.Requests, r => r.Method == "GET" && r.Path == "share-access-rules?share_id=s1");
    }

    [Fact]
    public async Task Before_2_45_access_rules_are_read_through_the_access_list_action()
    {
        _setup.Cloud.MaxMicroversion = "2.40";
        _setup.Api.AddShare("s1", "nova");
        _setup.Api.AddRule("s1", "rule-1", "cephx", "alice", "rw");
        using var snapshotter = await _setup.SnapshotterAsync();
        var snapshotId = await snapshotter.CreateSnapshotAsync("s1", "", VeleroTags, CancellationToken.None);

        var shareId = await snapshotter.CreateVolumeFromSnapshotAsync(snapshotId, "", "", null, CancellationToken.None);

        var list = _setup.Cloud.Requests.First(r => r.Method == "POST" && r.Path == "shares/s1/action");
        Assert.Equal("""{"access_list":null}""", list.Body);
        Assert.Equal("2.7", list.Headers["X-OpenStack-Manila-API-Version"]);
        var grant = _setup.Cloud.Requests.Single(r => r.Method == "POST" && r.Path == $"shares/{shareId}/action");
        Assert.Equal("""{"allow_access":{"access_type":"cephx","access_to":"alice","access_level":"rw"}}""", grant.Body);
    }

    [Fact]
    public async Task A_share_without_access_rules_is_restored_without_granting_any()
    {
        _setup.Api.AddShare("s1", "nova");
        using var snapshotter = await _setup.SnapshotterAsync();
        var snapshotId = await snapshotter.CreateSnapshotAsync("s1", "", VeleroTags, CancellationToken.None);

        var shareId = await snapshotter.CreateVolumeFromSnapshotAsync(snapshotId, "", "", null, CancellationToken.None);

        Assert.False(_setup.Api.AccessRules.ContainsKey(shareId));
        Assert.Contains(_setup.Logs.Lines, l => l.Contains("cannot find share s1 access rules from manila", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nova", "false", "nova")]
    [InlineData("", "false", null)]
    [InlineData("zone-b", "false", "zone-b")]
    [InlineData("zone-b", "true", null)]
    [InlineData("nova", "true", "nova")]
    public async Task The_zone_is_asked_for_unless_enforceAZ_will_move_the_share(string volumeAz, string enforceAz, string? requested)
    {
        _setup.Api.AddShare("s1", "nova");
        using var snapshotter = await _setup.SnapshotterAsync(new() { ["enforceAZ"] = enforceAz });
        var snapshotId = await snapshotter.CreateSnapshotAsync("s1", "", VeleroTags, CancellationToken.None);

        await snapshotter.CreateVolumeFromSnapshotAsync(snapshotId, "", volumeAz, null, CancellationToken.None);

        var share = _setup.Cloud.Requests.Single(r => r.Method == "POST" && r.Path == "shares").Json!["share"]!.AsObject();
        Assert.Equal(requested, (string?)share["availability_zone"]);
    }

    [Fact]
    public async Task GetVolumeInfo_reports_the_shares_volume_type_and_no_iops()
    {
        _setup.Api.AddShare("s1", "nova");
        using var snapshotter = await _setup.SnapshotterAsync();

        var info = await snapshotter.GetVolumeInfoAsync("s1", "", CancellationToken.None);

        Assert.Equal(new("default", null), info);
    }

    [Fact]
    public async Task DeleteSnapshot_deletes_and_treats_a_missing_snapshot_as_deleted()
    {
        _setup.Api.AddShare("s1", "nova");
        using var snapshotter = await _setup.SnapshotterAsync();
        var snapshotId = await snapshotter.CreateSnapshotAsync("s1", "", VeleroTags, CancellationToken.None);

        await snapshotter.DeleteSnapshotAsync(snapshotId, CancellationToken.None);
        await snapshotter.DeleteSnapshotAsync(snapshotId, CancellationToken.None);

        Assert.Empty(_setup.Api.Snapshots);
        Assert.Contains(_setup.Logs.Lines, l => l.Contains("snapshot is already deleted", StringComparison.Ordinal));
    }

    public void Dispose() => _setup.Dispose();
}
