using Microsoft.Extensions.Logging;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>
/// One authenticated Manila project for interactive use (the module's cmdlets): shares and snapshots listed, read,
/// created, deleted and waited for. Connects exactly as the snapshotter does (same credentials, endpoint and
/// microversion rules), so what works here works for Velero's VolumeSnapshotLocation too.
/// </summary>
public sealed class ManilaAccount : IDisposable
{
    private readonly ManilaVolumeSnapshotter _snapshotter;
    private readonly ManilaContext _context;

    private ManilaAccount(ManilaVolumeSnapshotter snapshotter, ManilaContext context)
    {
        _snapshotter = snapshotter;
        _context = context;
    }

    /// <summary>The shared file system endpoint (<c>…/v2/&lt;project&gt;/</c>).</summary>
    public Uri Endpoint => _context.Client.Endpoint;

    /// <summary>Authenticates as the plugin would: <paramref name="cloud"/> names a clouds.yaml entry, else <paramref name="environmentVariable"/> supplies OS_* values.</summary>
    public static async Task<ManilaAccount> ConnectAsync(string? cloud, Func<string, string?> environmentVariable, ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken)
    {
        var snapshotter = new ManilaVolumeSnapshotter(loggerFactory, time, environmentVariable);
        try
        {
            var config = cloud is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["cloud"] = cloud };
            await snapshotter.InitAsync(config, cancellationToken).ConfigureAwait(false);
            return new ManilaAccount(snapshotter, snapshotter.Context!);
        }
        catch
        {
            snapshotter.Dispose();
            throw;
        }
    }

    public Task<IReadOnlyList<ManilaShareInfo>> ListSharesAsync(CancellationToken cancellationToken) =>
        Run("failed to list shares from manila", "shares", async () =>
            (IReadOnlyList<ManilaShareInfo>)[.. (await _context.Client.ListSharesAsync(cancellationToken).ConfigureAwait(false)).Select(ManilaShareInfo.From)]);

    public Task<ManilaShareInfo> GetShareAsync(string shareId, CancellationToken cancellationToken) =>
        Run($"failed to get share {shareId} from manila", Share(shareId), async () =>
            ManilaShareInfo.From(await _context.Client.GetShareAsync(shareId, cancellationToken).ConfigureAwait(false)));

    /// <summary>Starts creating a share from a snapshot, with the snapshot's protocol and size; wait with <see cref="WaitForShareAsync"/>.</summary>
    /// <param name="name">Null names it as a Velero restore would: <c>&lt;snapshotId&gt;.backup.&lt;rand&gt;</c>.</param>
    public Task<ManilaShareInfo> CreateShareFromSnapshotAsync(string snapshotId, string? name, string? description, CancellationToken cancellationToken) =>
        Run($"failed to create share from snapshot {snapshotId}", Snapshot(snapshotId), async () =>
        {
            var snapshot = await _context.Client.GetSnapshotAsync(snapshotId, cancellationToken).ConfigureAwait(false);
            var request = new NewShare(snapshot.ShareProto ?? "", snapshot.Size ?? 0, null, name ?? _context.Names.For(snapshotId, ResourceKind.Backup), description ?? "", snapshotId, null);
            return ManilaShareInfo.From(await _context.Client.CreateShareAsync(request, cancellationToken).ConfigureAwait(false));
        });

    public Task DeleteShareAsync(string shareId, CancellationToken cancellationToken) =>
        Run($"failed to delete share {shareId}", Share(shareId), async () =>
        {
            await _context.Client.DeleteShareAsync(shareId, cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <summary>Snapshots of the project, or of one share.</summary>
    public Task<IReadOnlyList<ManilaSnapshotInfo>> ListSnapshotsAsync(string? shareId, CancellationToken cancellationToken) =>
        Run("failed to list snapshots from manila", shareId is null ? "snapshots" : Share(shareId), async () =>
            (IReadOnlyList<ManilaSnapshotInfo>)[.. (await _context.Client.ListSnapshotsAsync(shareId, cancellationToken).ConfigureAwait(false)).Select(ManilaSnapshotInfo.From)]);

    public Task<ManilaSnapshotInfo> GetSnapshotAsync(string snapshotId, CancellationToken cancellationToken) =>
        Run($"failed to get snapshot {snapshotId} from manila", Snapshot(snapshotId), async () =>
            ManilaSnapshotInfo.From(await _context.Client.GetSnapshotAsync(snapshotId, cancellationToken).ConfigureAwait(false)));

    /// <summary>Starts a snapshot of a share; wait with <see cref="WaitForSnapshotAsync"/>.</summary>
    /// <param name="name">Null names it as a Velero backup would: <c>&lt;shareId&gt;.snap.&lt;rand&gt;</c>.</param>
    public Task<ManilaSnapshotInfo> CreateSnapshotAsync(string shareId, string? name, string? description, CancellationToken cancellationToken) =>
        Run($"failed to create snapshot from share {shareId}", Share(shareId), async () =>
        {
            var request = new NewSnapshot(shareId, name ?? _context.Names.For(shareId, ResourceKind.Snapshot), description ?? "");
            return ManilaSnapshotInfo.From(await _context.Client.CreateSnapshotAsync(request, cancellationToken).ConfigureAwait(false));
        });

    public Task DeleteSnapshotAsync(string snapshotId, CancellationToken cancellationToken) =>
        Run($"failed to delete snapshot {snapshotId}", Snapshot(snapshotId), async () =>
        {
            await _context.Client.DeleteSnapshotAsync(snapshotId, cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <summary>Waits until the share is available; <paramref name="progress"/> hears each status read.</summary>
    public Task<ManilaShareInfo> WaitForShareAsync(string shareId, TimeSpan timeout, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Run($"share {shareId} didn't get into 'available' status within the time limit", Share(shareId), async () =>
            ManilaShareInfo.From((await new StatusPoller(_context.Time).WaitAsync(
                Share(shareId),
                async ct => Reported(await _context.Client.GetShareAsync(shareId, ct).ConfigureAwait(false), s => s.Status, progress),
                s => s.Status ?? "",
                [ResourceStatus.Available],
                timeout,
                cancellationToken).ConfigureAwait(false))!));

    /// <summary>Waits until the snapshot is available; <paramref name="progress"/> hears each status read.</summary>
    public Task<ManilaSnapshotInfo> WaitForSnapshotAsync(string snapshotId, TimeSpan timeout, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Run($"snapshot {snapshotId} didn't get into 'available' status within the time limit", Snapshot(snapshotId), async () =>
            ManilaSnapshotInfo.From((await new StatusPoller(_context.Time).WaitAsync(
                Snapshot(snapshotId),
                async ct => Reported(await _context.Client.GetSnapshotAsync(snapshotId, ct).ConfigureAwait(false), s => s.Status, progress),
                s => s.Status ?? "",
                [ResourceStatus.Available],
                timeout,
                cancellationToken).ConfigureAwait(false))!));

    public void Dispose() => _snapshotter.Dispose();

    private static T Reported<T>(T item, Func<T, string?> status, IProgress<string>? progress)
    {
        progress?.Report(status(item) ?? "");
        return item;
    }

    private static string Share(string id) => ManilaClient.Name(ManilaResource.Share, id);

    private static string Snapshot(string id) => ManilaClient.Name(ManilaResource.Snapshot, id);

    private Task<T> Run<T>(string context, string target, Func<Task<T>> action) => ManilaFailure.WrapAsync(_context.Logger, context, target, action);
}
