using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>
/// Moves a share to another availability zone by promoting a replica there (spec §6.7; microversion 2.56).
/// Unlike the reference, a share whose active replica is in the target zone already is left as it is: the reference
/// would wait for that active replica to become in_sync and time out (spec §12 deviation 5).
/// </summary>
internal sealed class ManilaZoneMover(ManilaContext context)
{
    public async Task MoveAsync(string shareId, string zone, CancellationToken cancellationToken)
    {
        var (client, settings, waits, logger) = (context.Client, context.Settings, context.Waits, context.Logger);
        var shareName = ManilaClient.Name(ManilaResource.Share, shareId);
        var replicas = await ManilaFailure.WrapAsync(logger, $"failed to obtain a replica for a \"{shareId}\" share", shareName, async () =>
        {
            var found = await client.ListReplicasAsync(shareId, cancellationToken).ConfigureAwait(false);
            return found.Count > 0
                ? found
                : throw new OpenStackException(FailureKind.NotFound, shareName, $"failed to find a replica for a \"{shareId}\" share");
        }).ConfigureAwait(false);

        var active = replicas.FirstOrDefault(r => r.Status == ResourceStatus.Available && r.ReplicaState == ResourceStatus.Active);
        if (active is null)
        {
            logger.LogInformation("failed to find an active share replica");
        }
        else if (active.AvailabilityZone == zone)
        {
            logger.LogInformation("the active {ReplicaID} replica of the {ShareID} share is in the {Zone} availability zone already", active.Id, shareId, zone);
            return;
        }

        var target = replicas.FirstOrDefault(r => r.AvailabilityZone == zone && r.Status == ResourceStatus.Available)
            ?? await CreateReplicaAsync(shareId, zone, cancellationToken).ConfigureAwait(false);

        logger.LogInformation("resyncing {ReplicaID} replica to a new availability zone", target.Id);
        await ManilaFailure.WrapAsync(logger, $"failed to resync a \"{target.Id}\" share replica", shareName, () => client.ResyncReplicaAsync(target.Id, cancellationToken)).ConfigureAwait(false);
        await WaitReplicaAsync(target.Id, () => waits.ReplicaStateAsync(target.Id, ManilaWaits.InSync, settings.ReplicaTimeout, cancellationToken)).ConfigureAwait(false);

        logger.LogInformation("promoting {ReplicaID} replica to a new availability zone", target.Id);
        await ManilaFailure.WrapAsync(logger, $"failed to promote a \"{target.Id}\" share replica", shareName, () => client.PromoteReplicaAsync(target.Id, cancellationToken)).ConfigureAwait(false);
        logger.LogInformation("waiting for {ReplicaID} replica to be active in a new availability zone", target.Id);
        await WaitReplicaAsync(target.Id, () => waits.ReplicaStateAsync(target.Id, ResourceStatus.Active, settings.ReplicaTimeout, cancellationToken)).ConfigureAwait(false);

        logger.LogInformation("waiting for {ShareID} share to be available in a new availability zone", shareId);
        var moved = await ManilaFailure.WrapAsync(logger, "failed to wait for a share", shareName, () => waits.ShareAvailableAsync(shareId, settings.ShareTimeout, cancellationToken)).ConfigureAwait(false);
        if (moved.AvailabilityZone != zone)
        {
            throw ManilaFailure.New(logger, FailureKind.RemoteFailure, shareName, "the expected share availability zone was not set");
        }

        if (active is not null)
        {
            await ManilaFailure.WrapAsync(logger, $"failed to delete an old \"{active.Id}\" replica", shareName, () => settings.EnsureDeleted
                ? context.Deleter.EnsureDeletedAsync(ManilaResource.Replica, active.Id, settings.ReplicaTimeout, cancellationToken)
                : client.DeleteReplicaAsync(active.Id, cancellationToken)).ConfigureAwait(false);
        }
    }

    private async Task<ShareReplica> CreateReplicaAsync(string shareId, string zone, CancellationToken cancellationToken)
    {
        var created = await ManilaFailure.WrapAsync(context.Logger, $"failed to create a new replica for a \"{shareId}\" share", ManilaClient.Name(ManilaResource.Share, shareId),
            () => context.Client.CreateReplicaAsync(shareId, zone, cancellationToken)).ConfigureAwait(false);
        return await WaitReplicaAsync(created.Id, () => context.Waits.ReplicaStatusAsync(created.Id, ResourceStatus.Available, context.Settings.ReplicaTimeout, cancellationToken)).ConfigureAwait(false);
    }

    private Task<ShareReplica> WaitReplicaAsync(string replicaId, Func<Task<ShareReplica>> wait) =>
        ManilaFailure.WrapAsync(context.Logger, $"failed to wait for a \"{replicaId}\" share replica state", ManilaClient.Name(ManilaResource.Replica, replicaId), wait);
}
