using System.Net;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>
/// A full copy of a share through an intermediate snapshot that is removed afterwards (spec §6.6), for the clone
/// method's backups and restores. The copy gets the source's first access rule and metadata, plus the given tags.
/// </summary>
internal sealed class ManilaShareCloner(ManilaContext context)
{
    /// <returns>The id of the new share.</returns>
    public async Task<string> CloneAsync(string sourceId, string name, string description, IReadOnlyDictionary<string, string>? tags, string volumeAz, CancellationToken cancellationToken)
    {
        var (client, settings, waits, logger) = (context.Client, context.Settings, context.Waits, context.Logger);
        var sourceName = ManilaClient.Name(ManilaResource.Share, sourceId);
        logger.LogInformation("Waiting for source share to be in 'available' status {ShareID}", sourceId);
        var source = await ManilaFailure.WrapAsync(logger, $"source share {sourceId} didn't get into 'available' status within the time limit", sourceName,
            () => waits.ShareAvailableAsync(sourceId, settings.ShareTimeout, cancellationToken)).ConfigureAwait(false);
        logger.LogInformation("Source share clone is in 'available' status {ShareID}", sourceId);
        var rule = await ManilaAccessRules.FirstAsync(client, sourceId, logger, cancellationToken).ConfigureAwait(false);

        var intermediate = await ManilaFailure.WrapAsync(logger, $"failed to create an intermediate share snapshot from the {sourceId} source volume share", sourceName,
            () => client.CreateSnapshotAsync(new NewSnapshot(sourceId, name, "Velero temp snapshot"), cancellationToken)).ConfigureAwait(false);
        try
        {
            logger.LogInformation("Waiting for intermediate snapshot to be in 'available' status {SnapshotID}", intermediate.Id);
            var snapshot = await ManilaFailure.WrapAsync(logger, $"intermediate snapshot {intermediate.Id} didn't get into 'available' status within the time limit", ManilaClient.Name(ManilaResource.Snapshot, intermediate.Id),
                () => waits.SnapshotAvailableAsync(intermediate.Id, settings.SnapshotTimeout, cancellationToken)).ConfigureAwait(false);
            logger.LogInformation("Intermediate snapshot is in 'available' status {SnapshotID}", snapshot.Id);

            logger.LogInformation("Starting to create share from intermediate snapshot {SnapshotID} {CloneName}", snapshot.Id, name);
            var request = new NewShare(snapshot.ShareProto ?? "", snapshot.Size ?? 0, context.ZoneForCreate(volumeAz, source.AvailabilityZone), name, description, snapshot.Id, Metadata.Merge(source.Metadata, tags));
            var clone = await ManilaFailure.WrapAsync(logger, $"failed to create share clone {name} from intermediate snapshot {snapshot.Id}", sourceName,
                () => client.CreateShareAsync(request, cancellationToken)).ConfigureAwait(false);

            logger.LogInformation("Waiting for share clone to be in 'available' status {CloneID}", clone.Id);
            await ManilaFailure.WrapAsync(logger, $"share clone {clone.Id} didn't get into 'available' status within the time limit", ManilaClient.Name(ManilaResource.Share, clone.Id),
                () => waits.ShareAvailableAsync(clone.Id, settings.CloneTimeout, cancellationToken)).ConfigureAwait(false);
            if (rule is not null)
            {
                await ManilaAccessRules.GrantAsync(client, clone.Id, rule, $"failed to grant an access to manila share clone {clone.Id}", logger, cancellationToken).ConfigureAwait(false);
            }

            // The new share moves, not the source (upstream fix #144).
            if (context.MustMove(volumeAz, clone.AvailabilityZone))
            {
                await ManilaFailure.WrapAsync(logger, $"failed to move a share to the target {volumeAz} availability zone", ManilaClient.Name(ManilaResource.Share, clone.Id),
                    () => new ManilaZoneMover(context).MoveAsync(clone.Id, volumeAz, cancellationToken)).ConfigureAwait(false);
            }

            return clone.Id;
        }
        finally
        {
            await RemoveIntermediateAsync(intermediate.Id).ConfigureAwait(false);
        }
    }

    // Runs after success, failure and cancellation alike, so it does not take the caller's token; failures are only
    // logged, as in the reference: the clone is what the caller asked for.
    private async Task RemoveIntermediateAsync(string snapshotId)
    {
        var logger = context.Logger;
        try
        {
            if (context.Settings.EnsureDeleted)
            {
                logger.LogInformation("waiting for an intermediate {SnapshotID} snapshot to be deleted", snapshotId);
                await context.Deleter.EnsureDeletedAsync(ManilaResource.Snapshot, snapshotId, context.Settings.SnapshotTimeout, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            logger.LogInformation("removing an intermediate {SnapshotID} snapshot", snapshotId);
            await context.Client.DeleteSnapshotAsync(snapshotId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OpenStackServiceException e) when (e.Status == HttpStatusCode.NotFound)
        {
            logger.LogInformation("intermediate snapshot is already deleted {SnapshotID}", snapshotId);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
        {
            logger.LogError(e, "failed to delete intermediate snapshot: {Error}", e.Message);
        }
    }
}
