using System.Net;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>
/// Deletes a clone-method backup, a share (spec §6.9): with cascadeDelete its extra replicas and its snapshots go first,
/// each kind concurrently, since Manila refuses to delete a share that still has them.
/// </summary>
internal sealed class ManilaCloneRemover(ManilaContext context)
{
    public async Task RemoveAsync(string shareId, CancellationToken cancellationToken)
    {
        var (client, settings, logger) = (context.Client, context.Settings, context.Logger);
        var shareName = ManilaClient.Name(ManilaResource.Share, shareId);
        if (settings.CascadeDelete && shareId.Length > 0)
        {
            // Replicas exist only where enforceAZ moved shares, which is also what raises the microversion to 2.56.
            if (client.Microversion is { } version && ManilaMicroversions.ReplicaPromotion.IsAtMost(version))
            {
                await RemoveReplicasAsync(shareId, cancellationToken).ConfigureAwait(false);
            }

            var snapshots = await ManilaFailure.WrapAsync(logger, $"failed to delete {shareId} share snapshots", shareName,
                () => client.ListSnapshotsAsync(shareId, cancellationToken)).ConfigureAwait(false);
            await AllAsync($"failed to delete {shareId} share snapshots", shareName,
                snapshots.Select(s => context.Deleter.EnsureDeletedAsync(ManilaResource.Snapshot, s.Id, settings.SnapshotTimeout, cancellationToken))).ConfigureAwait(false);
        }

        await ManilaFailure.WrapAsync(logger, $"failed to delete share clone {shareId}", shareName, async () =>
        {
            try
            {
                await (settings.EnsureDeleted
                    ? context.Deleter.EnsureDeletedAsync(ManilaResource.Share, shareId, settings.CloneTimeout, cancellationToken)
                    : client.DeleteShareAsync(shareId, cancellationToken)).ConfigureAwait(false);
            }
            catch (OpenStackServiceException e) when (e.Status == HttpStatusCode.NotFound)
            {
                logger.LogInformation("share clone is already deleted {CloneID}", shareId);
            }
        }).ConfigureAwait(false);
    }

    private async Task RemoveReplicasAsync(string shareId, CancellationToken cancellationToken)
    {
        var shareName = ManilaClient.Name(ManilaResource.Share, shareId);
        var replicas = await ManilaFailure.WrapAsync(context.Logger, $"failed to obtain a replica for a \"{shareId}\" share", shareName, async () =>
        {
            var found = await context.Client.ListReplicasAsync(shareId, cancellationToken).ConfigureAwait(false);
            return found.Count > 0
                ? found
                : throw new OpenStackException(FailureKind.NotFound, shareName, $"failed to find a replica for a \"{shareId}\" share");
        }).ConfigureAwait(false);
        var active = replicas.FirstOrDefault(r => r.Status == ResourceStatus.Available && r.ReplicaState == ResourceStatus.Active);
        await AllAsync($"failed to delete {shareId} share replicas", shareName,
            replicas.Where(r => r != active).Select(r => context.Deleter.EnsureDeletedAsync(ManilaResource.Replica, r.Id, context.Settings.ReplicaTimeout, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Runs every deletion to its end and reports all failures together, as the reference joins them.</summary>
    private async Task AllAsync(string what, string target, IEnumerable<Task> deletions)
    {
        var tasks = deletions.ToList();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
        {
            var failures = tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).ToList();
            context.Logger.LogError("{Context}", what);
            throw new OpenStackException(
                (failures[0] as VeleroOpenShiftException)?.Kind ?? FailureKind.RemoteFailure,
                target,
                $"{what}: {string.Join('\n', failures.Select(f => f.Message))}",
                new AggregateException(failures));
        }
    }
}
