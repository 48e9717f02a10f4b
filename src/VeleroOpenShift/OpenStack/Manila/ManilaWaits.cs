using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>Status waits on shares, snapshots and replicas (spec §8.4), each naming the resource it waits for.</summary>
internal sealed class ManilaWaits(ManilaClient client, StatusPoller poller)
{
    public const string InSync = "in_sync";

    public async Task<ManilaShare> ShareAvailableAsync(string id, TimeSpan timeout, CancellationToken cancellationToken) =>
        (await poller.WaitAsync(ManilaClient.Name(ManilaResource.Share, id), ct => client.GetShareAsync(id, ct), s => s.Status ?? "", [ResourceStatus.Available], timeout, cancellationToken).ConfigureAwait(false))!;

    public async Task<ManilaSnapshot> SnapshotAvailableAsync(string id, TimeSpan timeout, CancellationToken cancellationToken) =>
        (await poller.WaitAsync(ManilaClient.Name(ManilaResource.Snapshot, id), ct => client.GetSnapshotAsync(id, ct), s => s.Status ?? "", [ResourceStatus.Available], timeout, cancellationToken).ConfigureAwait(false))!;

    public async Task<ShareReplica> ReplicaStatusAsync(string id, string status, TimeSpan timeout, CancellationToken cancellationToken) =>
        (await poller.WaitAsync(ManilaClient.Name(ManilaResource.Replica, id), ct => client.GetReplicaAsync(id, ct), r => r.Status ?? "", [status], timeout, cancellationToken).ConfigureAwait(false))!;

    public async Task<ShareReplica> ReplicaStateAsync(string id, string replicaState, TimeSpan timeout, CancellationToken cancellationToken) =>
        (await poller.WaitAsync(ManilaClient.Name(ManilaResource.Replica, id), ct => client.GetReplicaAsync(id, ct), r => r.ReplicaState ?? "", [replicaState], timeout, cancellationToken).ConfigureAwait(false))!;

    /// <summary>Until the resource answers 404.</summary>
    public Task GoneAsync(ManilaResource kind, string id, TimeSpan timeout, CancellationToken cancellationToken) => kind switch
    {
        ManilaResource.Share => poller.WaitAsync(ManilaClient.Name(kind, id), ct => client.GetShareAsync(id, ct), s => s.Status ?? "", [ResourceStatus.Deleted], timeout, cancellationToken),
        ManilaResource.Snapshot => poller.WaitAsync(ManilaClient.Name(kind, id), ct => client.GetSnapshotAsync(id, ct), s => s.Status ?? "", [ResourceStatus.Deleted], timeout, cancellationToken),
        ManilaResource.Replica => poller.WaitAsync(ManilaClient.Name(kind, id), ct => client.GetReplicaAsync(id, ct), r => r.Status ?? "", [ResourceStatus.Deleted], timeout, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
