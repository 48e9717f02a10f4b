using System.Text.Json.Nodes;
using VeleroOpenShift.OpenStack;

namespace VeleroOpenShift.Tests.OpenStack.Cinder;

/// <summary>
/// The backup method's request shapes and edge cases (paging through every backup, a fixed container, a backup that
/// never becomes available) against the loopback fake, which follows the Cinder v3 API reference; the round trip of a
/// volume's data through real Cinder's backup service is in Integration/CinderSnapshotterTests.
/// </summary>
public sealed class CinderBackupMethodTests : IDisposable
{
    private readonly LoopbackOpenStack _fake = new();
    private readonly CapturedLogs _logs = new();

    public CinderBackupMethodTests()
    {
        _fake.MapCinder("GET", "backups/detail", request => FakeAnswer.Json(200, request.Query == "marker=1"
            ? """{"backups": []}"""
            : $$$"""
                {"backups":[
                  {"id":"289da7f8-6440-407c-9fb4-7db01ec49164","name":"backup-001","volume_id":"{{{FakeCinder.VolumeWithBackup}}}","status":"available","size":30},
                  {"id":"96c3bda7-c82a-4f50-be73-ca7621794835","name":"backup-002","volume_id":"76b8950a-8594-4e5b-8dce-0dfa9c696358","status":"available","size":25}],
                 "backups_links":[{"href":"{{{_fake.CinderUrl}}}/backups/detail?marker=1","rel":"next"}]}
                """));
        _fake.MapCinder("POST", "backups", _ => FakeAnswer.Json(202, FakeCinder.Backup(FakeCinder.BackupId)));
        _fake.MapCinder("GET", "backups/" + FakeCinder.BackupId, _ => FakeAnswer.Json(200, FakeCinder.Backup(FakeCinder.BackupId, metadata: """{"velero.io/backup":"nightly"}""")));
        _fake.MapVolume(FakeCinder.VolumeWithBackup, metadata: """{"app":"db"}""");
        _fake.MapVolume(FakeCinder.VolumeWithoutBackup);
    }

    public void Dispose() => _fake.Dispose();

    /// <summary>Reference test TestGetVolumeBackups: both pages are read.</summary>
    [Fact]
    public async Task Listing_backups_follows_the_next_link()
    {
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "backup" });

        var backups = new List<string>();
        await foreach (var backup in snapshotter.Operations!.Cinder.ListBackupsAsync(CancellationToken.None))
        {
            backups.Add(backup.Name!);
        }

        Assert.Equal(["backup-001", "backup-002"], backups);
        Assert.Equal(["", "marker=1"], _fake.ServiceRequests.Where(r => r.Path.EndsWith("/backups/detail", StringComparison.Ordinal)).Select(r => r.Query));
    }

    /// <summary>Reference test TestCreateBackup: incremental only when the volume already has an available backup.</summary>
    [Fact]
    public async Task Incremental_backups_are_requested_only_once_a_full_backup_exists()
    {
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "backup", ["backupIncremental"] = "true", ["backupTimeout"] = "3s" });
        var tags = new Dictionary<string, string> { ["velero.io/backup"] = "nightly", ["app"] = "from-tags" };

        Assert.Equal(FakeCinder.BackupId, await snapshotter.CreateSnapshotAsync(FakeCinder.VolumeWithBackup, "nova", tags, CancellationToken.None));
        Assert.Equal(FakeCinder.BackupId, await snapshotter.CreateSnapshotAsync(FakeCinder.VolumeWithoutBackup, "nova", tags, CancellationToken.None));

        var posts = _fake.ServiceRequests.Where(r => r.Method == "POST" && r.Path.EndsWith("/backups", StringComparison.Ordinal)).Select(r => r.Body("backup")).ToList();
        Assert.True((bool)posts[0]["incremental"]!);
        Assert.False(posts[1].ContainsKey("incremental"));
        Assert.Contains(_logs.Lines, line => line.Contains($"No backup exists yet for volume {FakeCinder.VolumeWithoutBackup}, will first run a full backup.", StringComparison.Ordinal));
        var first = posts[0];
        Assert.Equal(FakeCinder.VolumeWithBackup, (string)first["volume_id"]!);
        Assert.True((bool)first["force"]!);
        Assert.Matches($@"^{FakeCinder.VolumeWithBackup}\.backup\.\d+$", (string)first["name"]!);
        Assert.Equal((string)first["name"]!, (string)first["container"]!);
        Assert.Equal("Velero volume backup", (string)first["description"]!);
        Assert.Equal("""{"app":"from-tags","velero.io/backup":"nightly"}""", first["metadata"]!.ToJsonString());
    }

    [Fact]
    public async Task Without_incremental_the_backups_are_not_even_listed_and_a_fixed_container_is_used()
    {
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "backup", ["containerName"] = "ceph-pool" });

        await snapshotter.CreateSnapshotAsync(FakeCinder.VolumeWithBackup, "", new Dictionary<string, string>(), CancellationToken.None);

        Assert.DoesNotContain(_fake.ServiceRequests, r => r.Path.EndsWith("/backups/detail", StringComparison.Ordinal));
        var body = _fake.Single("POST", "backups").Body("backup");
        Assert.Equal("ceph-pool", (string)body["container"]!);
        Assert.False(body.ContainsKey("incremental"));
    }

    [Fact]
    public async Task Restoring_a_backup_creates_a_volume_with_the_backups_metadata()
    {
        _fake.MapVolumeCreation("restored-1");
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "backup" });

        var volumeId = await snapshotter.CreateVolumeFromSnapshotAsync(FakeCinder.BackupId, "ssd", "", null, CancellationToken.None);

        Assert.Equal("restored-1", volumeId);
        var body = _fake.Single("POST", "volumes").Body("volume");
        Assert.Matches($@"^{FakeCinder.BackupId}\.backup\.\d+$", (string)body["name"]!);
        Assert.Equal("Velero backup from backup", (string)body["description"]!);
        Assert.Equal("ssd", (string)body["volume_type"]!);
        Assert.Equal(FakeCinder.BackupId, (string)body["backup_id"]!);
        Assert.False(body.ContainsKey("availability_zone"));
        Assert.False(body.ContainsKey("size"));
        Assert.Equal("""{"velero.io/backup":"nightly"}""", body["metadata"]!.ToJsonString());
    }

    [Fact]
    public async Task Deleting_a_backup_that_is_gone_is_success()
    {
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "backup" });

        await snapshotter.DeleteSnapshotAsync("gone", CancellationToken.None);

        Assert.Equal("DELETE", _fake.ServiceRequests[^1].Method);
        Assert.Contains(_logs.Lines, line => line.Contains("volume backup is already deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_delete_passes_cinders_answer_and_request_id_through()
    {
        _fake.MapCinder("DELETE", "backups/b-dependent", _ => new FakeAnswer(400, """{"badRequest":{"code":400,"message":"Incremental backups exist for this backup."}}""", "req-8f1c"));
        using var snapshotter = await FakeCinder.InitAsync(_fake, _logs, new() { ["method"] = "backup" });

        var failure = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.DeleteSnapshotAsync("b-dependent", CancellationToken.None));

        Assert.StartsWith($"failed to delete volume backup b-dependent: Expected HTTP response code [202 204] when accessing [DELETE {_fake.CinderUrl}/backups/b-dependent], but got 400 instead: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Incremental backups exist for this backup.", failure.Message, StringComparison.Ordinal);
        Assert.Equal("req-8f1c", Assert.IsType<OpenStackServiceException>(failure.InnerException).RequestId);
        Assert.Equal("backup b-dependent", failure.Target);
    }
}
