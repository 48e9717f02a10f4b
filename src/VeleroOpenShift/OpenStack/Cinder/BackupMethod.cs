using Microsoft.Extensions.Logging;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>
/// Method <c>backup</c>: a Cinder backup (microversion 3.47), incremental on request once a full backup of the volume
/// exists (spec §5.4-§5.7).
/// </summary>
internal sealed class BackupMethod(CinderOperations operations) : ICinderMethod
{
    public async Task<string> CreateAsync(string volumeId, string volumeAvailabilityZone, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var logger = operations.Logger;
        var settings = operations.Settings;
        var volume = await operations.GetVolumeAsync(volumeId, cancellationToken).ConfigureAwait(false);
        var incremental = settings.BackupIncremental && await HasAvailableBackupAsync(volumeId, cancellationToken).ConfigureAwait(false);
        if (settings.BackupIncremental && !incremental)
        {
            logger.LogInformation("No backup exists yet for volume {VolumeID}, will first run a full backup.", volumeId);
        }

        var name = operations.Names.For(volumeId, ResourceKind.Backup);
        logger.LogInformation("Creating backup {BackupName} of volume {VolumeID} {BackupIncremental}", name, volumeId, incremental);
        var request = new BackupCreate(
            volumeId,
            Force: true,
            name,
            "Velero volume backup",
            settings.ContainerName.Length > 0 ? settings.ContainerName : name,
            OmitEmpty.Map(Metadata.Merge(volume.Metadata, tags)),
            incremental ? true : null);
        var backup = await operations.Step($"failed to create backup {name} from volume {volumeId}", $"volume {volumeId}", () =>
            operations.Cinder.CreateBackupAsync(request, cancellationToken)).ConfigureAwait(false);
        await operations.Step($"backup {backup.Id} didn't get into 'available' state within the time limit", $"backup {backup.Id}", () =>
            operations.WaitBackupAsync(backup.Id, cancellationToken)).ConfigureAwait(false);
        logger.LogInformation("Volume backup finished successfuly {BackupID}", backup.Id);
        return backup.Id;
    }

    public async Task<string> RestoreAsync(string id, string volumeType, string volumeAvailabilityZone, CancellationToken cancellationToken)
    {
        var logger = operations.Logger;
        logger.LogInformation("Waiting for backup to be in 'available' state {BackupID}", id);
        var backup = await operations.Step($"backup {id} didn't get into 'available' state within the time limit", $"backup {id}", () =>
            operations.WaitBackupAsync(id, cancellationToken)).ConfigureAwait(false);
        logger.LogInformation("Backup is in 'available' state {BackupID}", id);
        var name = operations.Names.For(id, ResourceKind.Backup);
        logger.LogInformation("Starting to create volume from backup {BackupID} {VolumeName}", id, name);
        return await operations.CreateVolumeAsync(
            new VolumeCreate(name, "Velero backup from backup", OmitEmpty.Text(volumeType), OmitEmpty.Text(volumeAvailabilityZone), BackupId: id, Metadata: OmitEmpty.Map(backup.Metadata)),
            $"backup {id}",
            cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var settings = operations.Settings;
        if (settings.EnsureDeleted)
        {
            operations.Logger.LogInformation("waiting for a {BackupID} volume backup deleted", id);
            await operations.Step($"failed to ensure {id} volume backup deletion", $"backup {id}", () =>
                operations.EnsureDeletedAsync(CinderResourceType.Backup, id, settings.BackupTimeout, cancellationToken)).ConfigureAwait(false);
            return;
        }

        // With incremental backups Cinder refuses to delete one that later backups depend on (upstream #114).
        await operations.Step($"failed to delete volume backup {id}", $"backup {id}", () =>
            operations.DeleteAsync(CinderResourceType.Backup, id, "volume backup is already deleted", cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Whether an available backup of the volume exists, scanning every backup of the project as the reference does.</summary>
    private Task<bool> HasAvailableBackupAsync(string volumeId, CancellationToken cancellationToken) =>
        operations.Step($"failed to retrieve existing backups {volumeId} from cinder: failed to list backups", $"volume {volumeId}", async () =>
        {
            await foreach (var backup in operations.Cinder.ListBackupsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (backup.VolumeId == volumeId && backup.Status == ResourceStatus.Available)
                {
                    return true;
                }
            }

            return false;
        });
}
