using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Cinder;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Tests.OpenStack.Integration;

/// <summary>
/// The Cinder snapshotter against real Cinder (file-backed volumes, POSIX backup driver) and Glance with Keystone tokens
/// of the demo project, in the order Velero calls it. Short timeouts for volumes and snapshots, which take a second
/// or two; backups and images move a whole 1 GiB volume and get minutes.
/// </summary>
[Collection(OpenStackServersCollection.Name)]
public sealed class CinderSnapshotterTests(OpenStackServers servers) : IDisposable
{
    public static readonly Dictionary<string, string> VeleroTags = new()
    {
        ["velero.io/backup"] = "nightly-20261123", ["velero.io/pv"] = "pvc-3f1c", ["velero.io/storage-location"] = "default",
        ["velero.io/schedule-name"] = "nightly", ["app"] = "from-velero",
    };

    private static readonly Dictionary<string, string> SourceMetadata = new() { ["app"] = "db", ["tier"] = "gold" };

    // What an application wrote into the source volume, past its first block.
    private static readonly byte[] Data = "velero-openshift: the data a restore must bring back"u8.ToArray();
    private const long DataOffset = 1 << 20;

    private readonly CapturedLogs _logs = new();
    private readonly List<(string Collection, string Id)> _created = [];
    private CinderProbe? _probe;

    public void Dispose()
    {
        if (_probe is not null)
        {
            foreach (var (collection, id) in Enumerable.Reverse(_created))
            {
                (collection == "images" ? _probe.DeleteImageAsync(id) : _probe.DeleteAsync(collection, id)).GetAwaiter().GetResult();
                if (collection == "backups")
                {
                    // An incremental backup must be gone before Cinder deletes the one it depends on.
                    _probe.WaitStatusAsync(collection, id, "deleted").GetAwaiter().GetResult();
                }
            }

            _probe.Dispose();
        }
    }

    [SkippableFact]
    public async Task Snapshot_method_backs_up_and_restores_a_volume_as_velero_does()
    {
        var (probe, source) = await ArrangeAsync();
        using var snapshotter = await InitAsync(new() { ["snapshotTimeout"] = "30s", ["volumeTimeout"] = "30s", ["ensureDeleted"] = "true", ["ensureDeletedDelay"] = "1s" });

        var info = await snapshotter.GetVolumeInfoAsync(source, "", CancellationToken.None);
        var snapshotId = await snapshotter.CreateSnapshotAsync(source, "", VeleroTags, CancellationToken.None);
        var snapshot = (await probe.GetAsync("snapshots", snapshotId))!;
        var restored = Track("volumes", await snapshotter.CreateVolumeFromSnapshotAsync(snapshotId, info.VolumeType, "", null, CancellationToken.None));
        var volume = (await probe.GetAsync("volumes", restored))!;

        Assert.Equal("__DEFAULT__", info.VolumeType);
        Assert.Null(info.Iops);
        Assert.Equal("available", (string)snapshot["status"]!);
        Assert.Equal(source, (string)snapshot["volume_id"]!);
        Assert.Matches($@"^{source}\.snap\.\d+$", (string)snapshot["name"]!);
        Assert.Equal("Velero snapshot", (string)snapshot["description"]!);
        Assert.Equal(Expected(SourceMetadata, VeleroTags), Metadata(snapshot));
        Assert.Contains((string)volume["status"]!, new[] { "available", "in-use" });
        Assert.Equal(snapshotId, (string)volume["snapshot_id"]!);
        Assert.Matches($@"^{snapshotId}\.backup\.\d+$", (string)volume["name"]!);
        Assert.Equal("Velero backup from snapshot", (string)volume["description"]!);
        Assert.Equal(Expected(SourceMetadata), Metadata(volume));

        await snapshotter.DeleteSnapshotAsync(snapshotId, CancellationToken.None);

        Assert.Null(await probe.GetAsync("snapshots", snapshotId));
        await snapshotter.DeleteSnapshotAsync(snapshotId, CancellationToken.None);
        Assert.Contains(_logs.Lines, line => line.Contains("Snapshot finished successfuly", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, line => line.Contains("Backup volume was created", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_plain_snapshot_delete_is_accepted_and_cinder_removes_the_snapshot()
    {
        var (probe, source) = await ArrangeAsync();
        using var snapshotter = await InitAsync(new() { ["snapshotTimeout"] = "30s" });
        var snapshotId = await snapshotter.CreateSnapshotAsync(source, "", VeleroTags, CancellationToken.None);

        await snapshotter.DeleteSnapshotAsync(snapshotId, CancellationToken.None);

        await probe.WaitStatusAsync("snapshots", snapshotId, "deleted");
    }

    [SkippableFact]
    public async Task Clone_method_clones_and_restores_independently_of_the_source()
    {
        var (probe, source) = await ArrangeAsync();
        using var snapshotter = await InitAsync(new() { ["method"] = "clone", ["volumeTimeout"] = "30s", ["cloneTimeout"] = "30s", ["snapshotTimeout"] = "30s", ["ensureDeleted"] = "true", ["cascadeDelete"] = "true", ["ensureDeletedDelay"] = "1s" });

        var cloneId = Track("volumes", await snapshotter.CreateSnapshotAsync(source, "", VeleroTags, CancellationToken.None));
        var clone = (await probe.GetAsync("volumes", cloneId))!;
        var restored = Track("volumes", await snapshotter.CreateVolumeFromSnapshotAsync(cloneId, "a-type-the-clone-method-ignores", "", null, CancellationToken.None));
        var volume = (await probe.GetAsync("volumes", restored))!;

        Assert.Equal(source, (string)clone["source_volid"]!);
        Assert.Matches($@"^{source}\.clone\.\d+$", (string)clone["name"]!);
        Assert.Equal("Velero volume clone", (string)clone["description"]!);
        Assert.Equal(Expected(SourceMetadata, VeleroTags), Metadata(clone));
        Assert.Equal(cloneId, (string)volume["source_volid"]!);
        Assert.Equal("__DEFAULT__", (string)volume["volume_type"]!);
        Assert.Matches($@"^{cloneId}\.backup\.\d+$", (string)volume["name"]!);
        Assert.Equal("Velero backup from volume clone", (string)volume["description"]!);

        // cascadeDelete: the clone's own snapshots go first, or Cinder would refuse to delete the clone.
        var snapshotOfClone = await probe.NewSnapshotAsync(cloneId);
        await snapshotter.DeleteSnapshotAsync(cloneId, CancellationToken.None);

        Assert.Null(await probe.GetAsync("snapshots", snapshotOfClone));
        Assert.Null(await probe.GetAsync("volumes", cloneId));
        Assert.Contains(_logs.Lines, line => line.Contains("Volume clone finished successfuly", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_source_stuck_in_a_transitional_status_times_out_naming_it_and_its_status()
    {
        var (_, source) = await ArrangeAsync();
        // Long enough for a first answer from a busy Cinder (a new token is validated against Keystone first).
        using var snapshotter = await InitAsync(new() { ["method"] = "clone", ["volumeTimeout"] = "10s" });
        await CinderProbe.ResetStatusAsync("volumes", source, "creating");
        try
        {
            var failure = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.CreateSnapshotAsync(source, "", VeleroTags, CancellationToken.None));

            Assert.Equal($"source volume clone {source} didn't get into 'available' state within the time limit: volume {source} did not become available or in-use within 10s (last status \"creating\"): context deadline exceeded", failure.Message);
            Assert.Equal(FailureKind.Timeout, failure.Kind);
            var state = Assert.IsType<ResourceStateException>(failure.InnerException);
            Assert.Equal("creating", state.LastStatus);
            Assert.Equal($"volume {source}", failure.Target);
        }
        finally
        {
            await CinderProbe.ResetStatusAsync("volumes", source, "available");
        }
    }

    [SkippableFact]
    public async Task Backup_method_backs_up_the_volume_data_incrementally_and_restores_it()
    {
        var (probe, source) = await ArrangeAsync();
        CinderProbe.WriteVolumeData(source, DataOffset, Data);
        using var snapshotter = await InitAsync(new() { ["method"] = "backup", ["backupTimeout"] = "3m", ["volumeTimeout"] = "3m", ["backupIncremental"] = "true" });

        var info = await snapshotter.GetVolumeInfoAsync(source, "", CancellationToken.None);
        var full = Track("backups", await snapshotter.CreateSnapshotAsync(source, "", VeleroTags, CancellationToken.None));
        var incremental = Track("backups", await snapshotter.CreateSnapshotAsync(source, "", VeleroTags, CancellationToken.None));
        var restored = Track("volumes", await snapshotter.CreateVolumeFromSnapshotAsync(incremental, info.VolumeType, "", null, CancellationToken.None));
        var fullBackup = (await probe.GetAsync("backups", full))!;
        var incrementalBackup = (await probe.GetAsync("backups", incremental))!;
        var volume = (await probe.GetAsync("volumes", restored))!;

        Assert.Equal(new Microversion(3, 47), snapshotter.Operations!.Cinder.Microversion);
        Assert.Equal("available", (string)fullBackup["status"]!);
        Assert.False((bool)fullBackup["is_incremental"]!);
        Assert.True((bool)incrementalBackup["is_incremental"]!);
        Assert.Matches($@"^{source}\.backup\.\d+$", (string)fullBackup["name"]!);
        Assert.Equal("Velero volume backup", (string)fullBackup["description"]!);
        Assert.Equal(Expected(SourceMetadata, VeleroTags), Metadata(fullBackup));
        Assert.Contains(_logs.Lines, line => line.Contains($"No backup exists yet for volume {source}, will first run a full backup.", StringComparison.Ordinal));
        Assert.Equal("available", (string)volume["status"]!);
        Assert.Matches($@"^{incremental}\.backup\.\d+$", (string)volume["name"]!);
        Assert.Equal("Velero backup from backup", (string)volume["description"]!);
        // Cinder's restore writes the backed-up volume's own metadata over what the create request carried.
        Assert.Equal("db", Metadata(volume)["app"]);
        Assert.Equal("gold", Metadata(volume)["tier"]);
        Assert.Equal(Data, CinderProbe.ReadVolumeData(restored, DataOffset, Data.Length));

        // Velero deletes oldest first; Cinder refuses while an incremental backup depends on it, and says so.
        var refused = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.DeleteSnapshotAsync(full, CancellationToken.None));
        Assert.StartsWith($"failed to delete volume backup {full}: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Incremental backups exist for this backup", refused.Message, StringComparison.Ordinal);
        await snapshotter.DeleteSnapshotAsync(incremental, CancellationToken.None);
        await probe.WaitStatusAsync("backups", incremental, "deleted");
        await snapshotter.DeleteSnapshotAsync(full, CancellationToken.None);
        await probe.WaitStatusAsync("backups", full, "deleted");
    }

    [SkippableFact]
    public async Task Image_method_uploads_the_volume_to_glance_and_restores_it_from_the_image()
    {
        var (probe, source) = await ArrangeAsync();
        CinderProbe.WriteVolumeData(source, DataOffset, Data);
        using var snapshotter = await InitAsync(new() { ["method"] = "image", ["imageTimeout"] = "3m", ["volumeTimeout"] = "3m" });

        var info = await snapshotter.GetVolumeInfoAsync(source, "", CancellationToken.None);
        var imageId = Track("images", await snapshotter.CreateSnapshotAsync(source, "", VeleroTags, CancellationToken.None));
        var image = (await probe.GetImageAsync(imageId))!;
        var restored = Track("volumes", await snapshotter.CreateVolumeFromSnapshotAsync(imageId, info.VolumeType, "", null, CancellationToken.None));
        var volume = (await probe.GetAsync("volumes", restored))!;

        Assert.Equal(new Microversion(3, 1), snapshotter.Operations!.Cinder.Microversion);
        Assert.Equal("active", (string)image["status"]!);
        Assert.Matches($@"^{source}\.image\.\d+$", (string)image["name"]!);
        Assert.Equal("private", (string)image["visibility"]!);
        Assert.Equal("raw", (string)image["disk_format"]!);
        Assert.Equal(1, (int)image["min_disk"]!);
        Assert.Null(image["velero.io/backup"]);
        Assert.Equal("available", (string)volume["status"]!);
        Assert.Matches($@"^{imageId}\.image\.\d+$", (string)volume["name"]!);
        Assert.Equal("Velero backup from image", (string)volume["description"]!);
        Assert.Equal(imageId, (string)volume["volume_image_metadata"]!["image_id"]!);
        Assert.Equal(Data, CinderProbe.ReadVolumeData(restored, DataOffset, Data.Length));

        await snapshotter.DeleteSnapshotAsync(imageId, CancellationToken.None);
        Assert.Null(await probe.GetImageAsync(imageId));
        await snapshotter.DeleteSnapshotAsync(imageId, CancellationToken.None);
        Assert.Contains(_logs.Lines, line => line.Contains("volume image is already deleted", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Cinder_errors_pass_through_with_the_request_id()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        using var snapshotter = await InitAsync([]);
        var missing = Guid.NewGuid().ToString();

        var failure = await Assert.ThrowsAsync<OpenStackException>(() => snapshotter.GetVolumeInfoAsync(missing, "", CancellationToken.None));

        Assert.StartsWith($"failed to get volume {missing} from cinder: Expected HTTP response code [200] when accessing [GET {OpenStackServers.CinderUrl}/v3/", failure.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.NotFound, failure.Kind);
        Assert.Equal($"volume {missing}", failure.Target);
        Assert.StartsWith("req-", Assert.IsType<OpenStackServiceException>(failure.InnerException).RequestId, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_account_lists_gets_and_waits_with_progress()
    {
        var (_, source) = await ArrangeAsync();
        using var account = await CinderAccount.ConnectAsync(null, name => StoreFactory.KeystoneDemo.FirstOrDefault(v => v.Item1 == name).Item2, _logs, TimeProvider.System, CancellationToken.None);
        var statuses = new List<string>();

        var volumes = new List<string>();
        await foreach (var volume in account.ListVolumesAsync(CancellationToken.None))
        {
            volumes.Add(volume.Id);
        }

        var snapshotId = await account.CreateSnapshotAsync(source, CinderMethod.Snapshot, VeleroTags, CancellationToken.None);
        var waited = await account.WaitVolumeAsync(source, TimeSpan.FromSeconds(30), new SynchronousProgress(statuses.Add), CancellationToken.None);
        var snapshots = new List<string>();
        await foreach (var snapshot in account.ListSnapshotsAsync(source, CancellationToken.None))
        {
            snapshots.Add(snapshot.Id);
        }

        Assert.Contains(source, volumes);
        Assert.Equal(source, waited.Id);
        Assert.NotEmpty(statuses);
        Assert.Equal([snapshotId], snapshots);
        Assert.Equal(source, (await account.GetSnapshotAsync(snapshotId, CancellationToken.None)).VolumeId);
        Assert.NotNull(account.TokenExpiresAt);
        await account.DeleteSnapshotAsync(snapshotId, CinderMethod.Snapshot, CancellationToken.None);
        await _probe!.WaitStatusAsync("snapshots", snapshotId, "deleted");
    }

    private async Task<(CinderProbe Probe, string Source)> ArrangeAsync()
    {
        Skip.If(servers.Unavailable is not null, servers.Unavailable);
        _probe = await CinderProbe.DemoAsync();
        return (_probe, Track("volumes", await _probe.NewVolumeAsync(SourceMetadata)));
    }

    private string Track(string collection, string id)
    {
        _created.Add((collection, id));
        return id;
    }

    private async Task<CinderVolumeSnapshotter> InitAsync(Dictionary<string, string> config)
    {
        var snapshotter = new CinderVolumeSnapshotter(_logs, TimeProvider.System, TestEnvironment.Of(StoreFactory.KeystoneDemo), new CloudConfigFiles(null, []), ResourceNames.Shared);
        try
        {
            await snapshotter.InitAsync(config, CancellationToken.None);
            return snapshotter;
        }
        catch
        {
            snapshotter.Dispose();
            throw;
        }
    }

    private static SortedDictionary<string, string> Expected(params Dictionary<string, string>[] maps) =>
        new(VeleroOpenShift.OpenStack.Volumes.Metadata.Merge(maps), StringComparer.Ordinal);

    private static SortedDictionary<string, string> Metadata(JsonObject resource) =>
        new(resource["metadata"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!), StringComparer.Ordinal);

    /// <summary>Reports on the calling thread, so the list is complete when the wait returns.</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
