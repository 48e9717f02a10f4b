using Microsoft.Extensions.Logging;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>Method <c>snapshot</c>: a Cinder snapshot of the volume, forced so that attached volumes work (spec §5.4-§5.7).</summary>
internal sealed class SnapshotMethod(CinderOperations operations) : ICinderMethod
{
    public async Task<string> CreateAsync(string volumeId, string volumeAvailabilityZone, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var logger = operations.Logger;
        var volume = await operations.GetVolumeAsync(volumeId, cancellationToken).ConfigureAwait(false);
        var name = operations.Names.For(volumeId, ResourceKind.Snapshot);
        logger.LogInformation("Creating snapshot {SnapshotName} of volume {VolumeID}", name, volumeId);
        var snapshot = await operations.Step($"failed to create snapshot {name} from volume {volumeId}", $"volume {volumeId}", () =>
            operations.Cinder.CreateSnapshotAsync(new SnapshotCreate(volumeId, Force: true, name, "Velero snapshot", OmitEmpty.Map(Metadata.Merge(volume.Metadata, tags))), cancellationToken)).ConfigureAwait(false);
        await operations.Step($"snapshot {snapshot.Id} didn't get into 'available' state within the time limit", $"snapshot {snapshot.Id}", () =>
            operations.WaitSnapshotAsync(snapshot.Id, cancellationToken)).ConfigureAwait(false);
        logger.LogInformation("Snapshot finished successfuly {SnapshotID}", snapshot.Id);
        return snapshot.Id;
    }

    public async Task<string> RestoreAsync(string id, string volumeType, string volumeAvailabilityZone, CancellationToken cancellationToken)
    {
        var logger = operations.Logger;
        logger.LogInformation("Waiting for snapshot to be in 'available' state {SnapshotID}", id);
        var snapshot = await operations.Step($"snapshot {id} didn't get into 'available' state within the time limit", $"snapshot {id}", () =>
            operations.WaitSnapshotAsync(id, cancellationToken)).ConfigureAwait(false);
        logger.LogInformation("Snapshot is in 'available' state {SnapshotID}", id);

        // The source volume must still exist: its metadata goes to the restored volume.
        var source = await operations.GetVolumeAsync(snapshot.VolumeId, cancellationToken).ConfigureAwait(false);
        var name = operations.Names.For(id, ResourceKind.Backup);
        logger.LogInformation("Starting to create volume from snapshot {SnapshotID} {VolumeName}", id, name);
        return await operations.CreateVolumeAsync(
            new VolumeCreate(name, "Velero backup from snapshot", OmitEmpty.Text(volumeType), OmitEmpty.Text(volumeAvailabilityZone), SnapshotId: id, Metadata: OmitEmpty.Map(source.Metadata)),
            $"snapshot {id}",
            cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var settings = operations.Settings;
        if (settings.EnsureDeleted)
        {
            operations.Logger.LogInformation("waiting for a {SnapshotID} snapshot to be deleted", id);
            await operations.Step($"failed to ensure {id} snapshot deletion", $"snapshot {id}", () =>
                operations.EnsureDeletedAsync(CinderResourceType.Snapshot, id, settings.SnapshotTimeout, cancellationToken)).ConfigureAwait(false);
            return;
        }

        await operations.Step($"failed to delete snapshot {id}", $"snapshot {id}", () =>
            operations.DeleteAsync(CinderResourceType.Snapshot, id, "snapshot is already deleted", cancellationToken)).ConfigureAwait(false);
    }
}
