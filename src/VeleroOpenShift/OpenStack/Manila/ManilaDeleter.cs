using Microsoft.Extensions.Logging;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>Deletes shares, snapshots and replicas, plainly or with the ensure-deleted algorithm (spec §6.9, §8.5).</summary>
internal sealed class ManilaDeleter(ManilaClient client, ManilaWaits waits, EnsureDeleted ensureDeleted, TimeSpan delay, ILogger logger)
{
    /// <summary>Delete, wait for 404, and reset an error status to delete again, all within <paramref name="timeout"/>.</summary>
    public Task EnsureDeletedAsync(ManilaResource kind, string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        logger.LogInformation("deleting the {Id} {Kind}", id, Word(kind));
        return ensureDeleted.RunAsync(
            ManilaClient.Name(kind, id),
            ct => DeleteAsync(kind, id, ct),
            ct => waits.GoneAsync(kind, id, timeout, ct),
            ct => client.ResetStatusAsync(kind, id, ct),
            timeout,
            delay,
            cancellationToken);
    }

    /// <summary>One DELETE; a 404 comes back as <see cref="OpenStackServiceException"/> for the caller to judge.</summary>
    public Task DeleteAsync(ManilaResource kind, string id, CancellationToken cancellationToken) => kind switch
    {
        ManilaResource.Share => client.DeleteShareAsync(id, cancellationToken),
        ManilaResource.Snapshot => client.DeleteSnapshotAsync(id, cancellationToken),
        ManilaResource.Replica => client.DeleteReplicaAsync(id, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Word(ManilaResource kind) => kind switch
    {
        ManilaResource.Share => "share",
        ManilaResource.Snapshot => "snapshot",
        _ => "replica",
    };
}
