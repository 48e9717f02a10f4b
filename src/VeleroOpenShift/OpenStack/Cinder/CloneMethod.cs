using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>
/// Method <c>clone</c>: a full copy of the volume, which unlike a snapshot does not keep the source from being deleted
/// (spec §5.4-§5.7). Restores clone the clone and keep its volume type (spec §12 reproduce 4).
/// </summary>
internal sealed class CloneMethod(CinderOperations operations) : ICinderMethod
{
    public async Task<string> CreateAsync(string volumeId, string volumeAvailabilityZone, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var cloneId = await CloneAsync(volumeId, volumeAvailabilityZone, tags, ResourceKind.Clone, "Velero volume clone", cancellationToken).ConfigureAwait(false);
        operations.Logger.LogInformation("Volume clone finished successfuly {CloneID}", cloneId);
        return cloneId;
    }

    /// <remarks>The requested volume type is ignored, as in the reference (upstream #113).</remarks>
    public Task<string> RestoreAsync(string id, string volumeType, string volumeAvailabilityZone, CancellationToken cancellationToken) =>
        CloneAsync(id, volumeAvailabilityZone, null, ResourceKind.Backup, "Velero backup from volume clone", cancellationToken);

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var settings = operations.Settings;
        if (settings.CascadeDelete && id.Length > 0)
        {
            await DeleteSnapshotsOfAsync(id, cancellationToken).ConfigureAwait(false);
        }

        if (settings.EnsureDeleted)
        {
            operations.Logger.LogInformation("waiting for a {CloneID} clone volume to be deleted", id);
            await operations.Step($"failed to ensure {id} volume clone deletion", $"volume {id}", () =>
                operations.EnsureDeletedAsync(CinderResourceType.Volume, id, settings.CloneTimeout, cancellationToken)).ConfigureAwait(false);
            return;
        }

        await operations.Step($"failed to delete volume clone {id}", $"volume {id}", () =>
            operations.DeleteAsync(CinderResourceType.Volume, id, "volume clone is already deleted", cancellationToken)).ConfigureAwait(false);
    }

    private async Task<string> CloneAsync(string sourceId, string volumeAvailabilityZone, IReadOnlyDictionary<string, string>? tags, ResourceKind kind, string description, CancellationToken cancellationToken)
    {
        var logger = operations.Logger;
        logger.LogInformation("Waiting for source volume clone to be in 'available' state {VolumeID}", sourceId);

        // The wait's last fetch also gives the source's type and metadata.
        var source = await operations.Step($"source volume clone {sourceId} didn't get into 'available' state within the time limit", $"volume {sourceId}", () =>
            operations.WaitVolumeAsync(sourceId, operations.Settings.VolumeTimeout, cancellationToken)).ConfigureAwait(false);
        logger.LogInformation("Source volume is in 'available' state {VolumeID}", sourceId);
        var name = operations.Names.For(sourceId, kind);
        logger.LogInformation("Starting to create volume from clone {VolumeID} {CloneName}", sourceId, name);
        return await operations.CreateVolumeAsync(
            new VolumeCreate(name, description, OmitEmpty.Text(source.VolumeType), OmitEmpty.Text(volumeAvailabilityZone), SourceVolid: sourceId, Metadata: OmitEmpty.Map(Metadata.Merge(source.Metadata, tags))),
            $"volume clone {sourceId}",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>cascadeDelete: every snapshot of the clone is ensure-deleted, concurrently, before the clone itself.</summary>
    private async Task DeleteSnapshotsOfAsync(string volumeId, CancellationToken cancellationToken)
    {
        var snapshots = new List<CinderSnapshot>();
        await operations.Step($"failed to list {volumeId} volume snapshots", $"volume {volumeId}", async () =>
        {
            await foreach (var snapshot in operations.Cinder.ListSnapshotsAsync(volumeId, cancellationToken).ConfigureAwait(false))
            {
                snapshots.Add(snapshot);
            }
        }).ConfigureAwait(false);

        var failures = await Task.WhenAll(snapshots.Select(async snapshot =>
        {
            try
            {
                await operations.EnsureDeletedAsync(CinderResourceType.Snapshot, snapshot.Id, operations.Settings.SnapshotTimeout, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (VeleroOpenShiftException e)
            {
                return OpenStackException.Wrap($"failed to delete {snapshot.Id} volume snapshot", e, $"snapshot {snapshot.Id}");
            }
        })).ConfigureAwait(false);

        var errors = failures.OfType<OpenStackException>().ToList();
        if (errors.Count > 0)
        {
            var message = $"failed to delete {volumeId} volume snapshots: {string.Join('\n', errors.Select(e => e.Message))}";
            operations.Logger.LogError("{Failure}", message);
            throw new OpenStackException(errors[0].Kind, $"volume {volumeId}", message, new AggregateException(errors));
        }
    }
}
