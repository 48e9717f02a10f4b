using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Tests.OpenStack.Cinder;

/// <summary>
/// Ensure-delete paths the real test Cinder cannot be made to take by a project member: a delete refused with 409
/// for good, an error status that needs os-reset_status (admin), cascade failures. Real time with short timeouts.
/// </summary>
public sealed class CinderDeletionTests : IDisposable
{
    private readonly LoopbackOpenStack _fake = new();
    private readonly CapturedLogs _logs = new();

    public void Dispose() => _fake.Dispose();

    [Fact]
    public async Task A_delete_answered_409_is_tried_again_until_cinder_accepts_it()
    {
        var deletes = 0;
        _fake.MapCinder("DELETE", "snapshots/s0", _ => ++deletes < 3 ? new FakeAnswer(409, """{"conflict":{"code":409,"message":"snapshot is busy"}}""") : new FakeAnswer(202));
        _fake.MapCinder("GET", "snapshots/s0", _ => new FakeAnswer(404, """{"itemNotFound":{}}"""));
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["ensureDeleted"] = "true", ["snapshotTimeout"] = "1m", ["ensureDeletedDelay"] = "0s" });

        await snapshotter.DeleteSnapshotAsync("s0", CancellationToken.None);

        Assert.Equal(3, deletes);
        Assert.Equal(2, _logs.Lines.Count(line => line.Contains("failed to delete a s0 snapshot", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_snapshot_delete_that_keeps_answering_409_stops_at_the_snapshot_timeout()
    {
        _fake.MapCinder("DELETE", "snapshots/s1", _ => new FakeAnswer(409, """{"conflict":{"code":409,"message":"snapshot is busy"}}"""));
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["ensureDeleted"] = "true", ["snapshotTimeout"] = "2s", ["ensureDeletedDelay"] = "1s" });

        var failure = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.DeleteSnapshotAsync("s1", CancellationToken.None));

        Assert.Equal("failed to ensure s1 snapshot deletion: snapshot s1: wait time exceeded: 2s", failure.Message);
        Assert.True(Assert.IsType<ResourceStateException>(failure.InnerException).TimedOut);
        Assert.Equal(FailureKind.Timeout, failure.Kind);
        Assert.Contains(_logs.Lines, line => line.Contains("waiting for a s1 snapshot to be deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_snapshot_stuck_in_error_deleting_is_reset_and_deleted_again()
    {
        var deletes = 0;
        _fake.MapCinder("DELETE", "snapshots/s2", _ => { deletes++; return new FakeAnswer(202); });
        _fake.MapCinder("GET", "snapshots/s2", _ => deletes < 2 ? FakeAnswer.Json(200, FakeCinder.Snapshot("s2", "v1", "error_deleting")) : new FakeAnswer(404, """{"itemNotFound":{}}"""));
        _fake.MapCinder("POST", "snapshots/s2/action", _ => new FakeAnswer(202));
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["ensureDeleted"] = "true", ["snapshotTimeout"] = "30s", ["ensureDeletedDelay"] = "0s" });

        await snapshotter.DeleteSnapshotAsync("s2", CancellationToken.None);

        Assert.Equal(2, deletes);
        Assert.Equal("""{"os-reset_status":{"status":"error"}}""", _fake.Single("POST", "snapshots/s2/action").Body);
        Assert.Contains(_logs.Lines, line => line.Contains("resetting a s2 snapshot status and trying again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cascade_delete_removes_every_snapshot_of_the_clone_before_the_clone()
    {
        _fake.MapCinder("GET", "snapshots", request => FakeAnswer.Json(200, request.Query == "volume_id=c1"
            ? """{"snapshots":[{"id":"cs1","status":"available","volume_id":"c1","size":1},{"id":"cs2","status":"available","volume_id":"c1","size":1}]}"""
            : """{"snapshots":[]}"""));
        _fake.MapCinder("DELETE", "snapshots/cs1", _ => new FakeAnswer(202));
        _fake.MapCinder("DELETE", "snapshots/cs2", _ => new FakeAnswer(202));
        _fake.MapCinder("DELETE", "volumes/c1", _ => new FakeAnswer(202));
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "clone", ["cascadeDelete"] = "true" });

        await snapshotter.DeleteSnapshotAsync("c1", CancellationToken.None);

        var deletes = _fake.ServiceRequests.Where(r => r.Method == "DELETE").Select(r => r.Path[(r.Path.LastIndexOf('/') + 1)..]).ToList();
        Assert.Equal(["cs1", "cs2"], deletes.Take(2).Order());
        Assert.Equal("c1", deletes[^1]);
        Assert.Equal("", _fake.Single("DELETE", "volumes/c1").Query);
    }

    [Fact]
    public async Task Cascade_failures_name_every_snapshot_and_keep_the_clone()
    {
        _fake.MapCinder("GET", "snapshots", _ => FakeAnswer.Json(200, """{"snapshots":[{"id":"cs1","status":"available","volume_id":"c1","size":1}]}"""));
        _fake.MapCinder("DELETE", "snapshots/cs1", _ => new FakeAnswer(403, """{"forbidden":{"code":403,"message":"Policy doesn't allow"}}""", "req-cs1"));
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "clone", ["cascadeDelete"] = "true" });

        var failure = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.DeleteSnapshotAsync("c1", CancellationToken.None));

        Assert.StartsWith("failed to delete c1 volume snapshots: failed to delete cs1 volume snapshot: Expected HTTP response code [202 204] when accessing [DELETE ", failure.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.PermissionDenied, failure.Kind);
        Assert.DoesNotContain(_fake.ServiceRequests, r => r.Path.EndsWith("/volumes/c1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plain_delete_of_a_missing_clone_is_success()
    {
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "clone" });

        await snapshotter.DeleteSnapshotAsync("gone", CancellationToken.None);

        Assert.Contains(_logs.Lines, line => line.Contains("volume clone is already deleted", StringComparison.Ordinal));
    }
}
