using System.Text.Json.Nodes;

namespace VeleroOpenShift.Tests.OpenStack.Manila;

/// <summary>The clone method on the wire (spec §6.4, §6.6, §6.9), against the in-memory Manila.</summary>
public sealed class ManilaCloneMethodTests : IDisposable
{
    private static readonly Dictionary<string, string> VeleroTags = new() { ["velero.io/backup"] = "nightly", ["team"] = "velero" };

    private readonly FakeManilaSetup _setup = new();

    [Fact]
    public async Task A_backup_clone_merges_tags_into_metadata_copies_the_first_rule_and_removes_the_intermediate_snapshot()
    {
        _setup.Api.AddShare("s1", "nova", new JsonObject { ["team"] = "storage", ["tier"] = "gold" });
        _setup.Api.AddRule("s1", "rule-1", "ip", "10.0.0.0/24", "rw");
        _setup.Api.AddRule("s1", "rule-2", "ip", "10.0.1.0/24", "ro");
        using var snapshotter = await _setup.SnapshotterAsync(new() { ["method"] = "clone" });

        var cloneId = await snapshotter.CreateSnapshotAsync("s1", "", VeleroTags, CancellationToken.None);

        var snapshot = _setup.Cloud.Requests.Single(r => r.Method == "POST" && r.Path == "snapshots").Json!["snapshot"]!;
        Assert.Equal("Velero temp snapshot", (string)snapshot["description"]!);
        Assert.Matches(@"^s1\.clone\.\d+$", (string)snapshot["name"]!);
        var share = _setup.Cloud.Requests.Single(r => r.Method == "POST" && r.Path == "shares").Json!["share"]!;
        Assert.Equal(((string)snapshot["name"]!, "Velero share clone"), ((string)share["name"]!, (string)share["description"]!));
        Assert.Equal("""{"team":"velero","tier":"gold","velero.io/backup":"nightly"}""", share["metadata"]!.ToJsonString());
        Assert.Equal("10.0.0.0/24", (string)Assert.Single(_setup.Api.AccessRules[cloneId])["access_to"]!);
        Assert.Empty(_setup.Api.Snapshots);
        Assert.True(_setup.Api.Shares.ContainsKey(cloneId));
    }

    [Fact]
    public async Task A_restore_clones_the_backup_share_without_tags()
    {
        _setup.Api.AddShare("s1", "nova", new JsonObject { ["team"] = "storage" });
        using var snapshotter = await _setup.SnapshotterAsync(new() { ["method"] = "clone" });
        var cloneId = await snapshotter.CreateSnapshotAsync("s1", "", VeleroTags, CancellationToken.None);

        var restoredId = await snapshotter.CreateVolumeFromSnapshotAsync(cloneId, "", "", null, CancellationToken.None);

        var share = _setup.Cloud.Requests.Last(r => r.Method == "POST" && r.Path == "shares").Json!["share"]!;
        Assert.Matches($@"^{cloneId}\.backup\.\d+$", (string)share["name"]!);
        Assert.Equal("Velero backup from share clone", (string)share["description"]!);
        Assert.Equal(_setup.Api.Shares[cloneId]["metadata"]!.ToJsonString(), share["metadata"]!.ToJsonString());
        Assert.NotEqual(cloneId, restoredId);
        Assert.Empty(_setup.Api.Snapshots);
    }

    [Fact]
    public async Task The_intermediate_snapshot_is_removed_even_when_the_clone_fails()
    {
        _setup.Api.AddShare("s1", "nova");
        _setup.Api.Override = r => r.Method == "POST" && r.Path == "shares" ? new FakeResponse(413, """{"overLimit":{"code":413,"message":"quota exceeded"}}""", "req-quota") : null;
        using var snapshotter = await _setup.SnapshotterAsync(new() { ["method"] = "clone" });

        var error = await Assert.ThrowsAsync<VeleroOpenShift.OpenStack.OpenStackException>(() => snapshotter.CreateSnapshotAsync("s1", "", VeleroTags, CancellationToken.None));

        Assert.StartsWith("failed to create share clone s1.clone.", error.Message, StringComparison.Ordinal);
        Assert.Contains("quota exceeded", error.Message, StringComparison.Ordinal);
        var cause = Assert.IsType<VeleroOpenShift.OpenStack.OpenStackServiceException>(error.InnerException);
        Assert.Equal("req-quota", cause.RequestId);
        Assert.Empty(_setup.Api.Snapshots);
    }

    [Fact]
    public async Task DeleteSnapshot_deletes_the_clone_share_and_tolerates_it_being_gone()
    {
        _setup.Api.AddShare("s1", "nova");
        using var snapshotter = await _setup.SnapshotterAsync(new() { ["method"] = "clone" });
        var cloneId = await snapshotter.CreateSnapshotAsync("s1", "", VeleroTags, CancellationToken.None);

        await snapshotter.DeleteSnapshotAsync(cloneId, CancellationToken.None);
        await snapshotter.DeleteSnapshotAsync(cloneId, CancellationToken.None);

        Assert.False(_setup.Api.Shares.ContainsKey(cloneId));
        Assert.Contains(_setup.Logs.Lines, l => l.Contains("share clone is already deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cascade_delete_removes_the_clones_snapshots_and_extra_replicas_first()
    {
        _setup.Api.AddShare("s1", "nova");
        using var snapshotter = await _setup.SnapshotterAsync(new() { ["method"] = "clone", ["cascadeDelete"] = "true", ["enforceAZ"] = "true", ["ensureDeletedDelay"] = "0s" });
        var cloneId = await snapshotter.CreateSnapshotAsync("s1", "", VeleroTags, CancellationToken.None);
        _setup.Api.Snapshots["leftover"] = new JsonObject { ["id"] = "leftover", ["share_id"] = cloneId, ["status"] = "available" };
        _setup.Api.Replicas["extra"] = new JsonObject { ["id"] = "extra", ["share_id"] = cloneId, ["status"] = "available", ["replica_state"] = "in_sync", ["availability_zone"] = "zone-b" };

        var before = _setup.Cloud.Requests.Count;

        await snapshotter.DeleteSnapshotAsync(cloneId, CancellationToken.None);

        var deletes = _setup.Cloud.Requests.Skip(before).Where(r => r.Method == "DELETE").Select(r => r.Path);
        Assert.Equal(["share-replicas/extra", "snapshots/leftover", "shares/" + cloneId], deletes);
        Assert.False(_setup.Api.Shares.ContainsKey(cloneId));
    }

    public void Dispose() => _setup.Dispose();
}
