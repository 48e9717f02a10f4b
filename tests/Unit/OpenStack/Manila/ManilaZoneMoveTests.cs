using System.Text.Json.Nodes;
using VeleroOpenShift.OpenStack;

namespace VeleroOpenShift.Tests.OpenStack.Manila;

/// <summary>
/// enforceAZ moves restored shares by replica promotion (spec §6.7). Tested against the in-memory Manila, which
/// follows the API reference for share replicas: the test servers' dummy driver has no replication and one zone only.
/// </summary>
public sealed class ManilaZoneMoveTests : IDisposable
{
    private readonly FakeManilaSetup _setup = new();

    [Fact]
    public async Task A_restored_share_is_moved_through_a_new_replica_and_the_old_active_replica_is_deleted()
    {
        _setup.Api.AddShare("s1", "nova");
        using var snapshotter = await _setup.SnapshotterAsync(new() { ["enforceAZ"] = "true" });
        var snapshotId = await snapshotter.CreateSnapshotAsync("s1", "", new Dictionary<string, string>(), CancellationToken.None);

        var shareId = await snapshotter.CreateVolumeFromSnapshotAsync(snapshotId, "", "zone-b", null, CancellationToken.None);

        Assert.Equal("zone-b", (string)_setup.Api.Shares[shareId]["availability_zone"]!);
        var calls = _setup.Cloud.Requests.SkipWhile(r => r.Path != $"share-replicas/detail?share_id={shareId}").Where(r => r.Method != "GET").Select(r => $"{r.Method} {r.Path} {r.Body}").ToList();
        var created = _setup.Api.Replicas.Values.Single(r => (string?)r["share_id"] == shareId);
        var newReplica = (string)created["id"]!;
        Assert.Equal(
            [
                $$$"""POST share-replicas {"share_replica":{"share_id":"{{{shareId}}}","availability_zone":"zone-b"}}""",
                $$"""POST share-replicas/{{newReplica}}/action {"resync":null}""",
                $$$"""POST share-replicas/{{{newReplica}}}/action {"promote":{}}""",
                $"DELETE share-replicas/replica-of-{shareId} ",
            ],
            calls);
        Assert.Equal("2.56", _setup.Cloud.Requests.Last().Headers["X-OpenStack-Manila-API-Version"]);
    }

    [Fact]
    public async Task An_available_replica_in_the_target_zone_is_reused()
    {
        _setup.Api.AddShare("s1", "nova");
        using var snapshotter = await _setup.SnapshotterAsync(new() { ["enforceAZ"] = "true", ["method"] = "clone" });
        _setup.Api.Override = request =>
        {
            // Once the clone exists, give it a replica in zone-b already, as an earlier attempt would have left.
            if (request.Method == "GET" && request.Path.StartsWith("share-replicas/detail?share_id=", StringComparison.Ordinal))
            {
                var shareId = request.Path.Split('=')[1];
                _setup.Api.Replicas.TryAdd("waiting-" + shareId, new JsonObject { ["id"] = "waiting-" + shareId, ["share_id"] = shareId, ["status"] = "available", ["replica_state"] = "out_of_sync", ["availability_zone"] = "zone-b" });
            }

            return null;
        };

        var cloneId = await snapshotter.CreateSnapshotAsync("s1", "zone-b", new Dictionary<string, string>(), CancellationToken.None);

        Assert.Equal("zone-b", (string)_setup.Api.Shares[cloneId]["availability_zone"]!);
        Assert.Equal("nova", (string)_setup.Api.Shares["s1"]["availability_zone"]!);
        Assert.DoesNotContain(_setup.Cloud.Requests, r => r.Method == "POST" && r.Path == "share-replicas");
        Assert.Contains(_setup.Cloud.Requests, r => r.Method == "POST" && r.Path == $"share-replicas/waiting-{cloneId}/action" && r.Body == """{"promote":{}}""");
    }

    [Fact]
    public async Task A_share_whose_active_replica_is_in_the_target_zone_already_is_left_alone()
    {
        _setup.Api.AddShare("s1", "zone-b");
        using var snapshotter = await _setup.SnapshotterAsync(new() { ["enforceAZ"] = "true" });
        var snapshotId = await snapshotter.CreateSnapshotAsync("s1", "", new Dictionary<string, string>(), CancellationToken.None);

        var shareId = await snapshotter.CreateVolumeFromSnapshotAsync(snapshotId, "", "zone-b", null, CancellationToken.None);

        Assert.Equal("zone-b", (string)_setup.Api.Shares[shareId]["availability_zone"]!);
        Assert.DoesNotContain(_setup.Cloud.Requests, r => r.Path.StartsWith("share-replicas/", StringComparison.Ordinal) && r.Method == "POST");
    }

    [Fact]
    public async Task A_share_without_replicas_cannot_be_moved()
    {
        _setup.Api.AddShare("s1", "nova");
        using var snapshotter = await _setup.SnapshotterAsync(new() { ["enforceAZ"] = "true" });
        var snapshotId = await snapshotter.CreateSnapshotAsync("s1", "", new Dictionary<string, string>(), CancellationToken.None);
        _setup.Api.Override = r => r.Path.StartsWith("share-replicas/detail", StringComparison.Ordinal) ? new FakeResponse(200, """{"share_replicas":[]}""") : null;

        var error = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.CreateVolumeFromSnapshotAsync(snapshotId, "", "zone-b", null, CancellationToken.None));

        Assert.Matches(@"^failed to move a share to the target zone-b availability zone: failed to obtain a replica for a ""[0-9a-f-]+"" share: failed to find a replica for a ""[0-9a-f-]+"" share$", error.Message);
    }

    public void Dispose() => _setup.Dispose();
}
