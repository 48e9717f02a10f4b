using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>
/// One authenticated Cinder project for interactive use (the module's cmdlets). Preserving, restoring and deleting go
/// through <see cref="CinderVolumeSnapshotter"/> with the chosen <see cref="CinderMethod"/>, so they do exactly what
/// Velero's backups do; listings, look-ups and waits add what a person wants to see.
/// </summary>
public sealed class CinderAccount : IDisposable
{
    private static readonly string[] VolumeReady = [ResourceStatus.Available, ResourceStatus.InUse];
    private static readonly string[] SnapshotReady = [ResourceStatus.Available];

    private readonly Func<CinderMethod, CancellationToken, Task<CinderVolumeSnapshotter>> _connect;
    private readonly Dictionary<CinderMethod, CinderVolumeSnapshotter> _snapshotters = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;

    private CinderAccount(CinderVolumeSnapshotter snapshotter, Func<CinderMethod, CancellationToken, Task<CinderVolumeSnapshotter>> connect, TimeProvider time)
    {
        _snapshotters[CinderMethod.Snapshot] = snapshotter;
        _connect = connect;
        _time = time;
    }

    /// <summary>The project endpoint (<c>…/v3/&lt;project&gt;/</c>).</summary>
    public Uri Endpoint => Client.Endpoint;

    /// <summary>Expiry of the token in use; null when the identity service gave none.</summary>
    public DateTimeOffset? TokenExpiresAt { get; private set; }

    private CinderClient Client => _snapshotters[CinderMethod.Snapshot].Operations!.Cinder;

    /// <summary>Authenticates as the plugin would: <paramref name="cloud"/> names a clouds.yaml entry, else <paramref name="environmentVariable"/> supplies OS_* values.</summary>
    public static Task<CinderAccount> ConnectAsync(string? cloud, Func<string, string?> environmentVariable, ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken) =>
        ConnectAsync(cloud, environmentVariable, loggerFactory, time, null, cancellationToken);

    /// <param name="locationConfig">Further VolumeSnapshotLocation keys for every method (timeouts, ensureDeleted, …); <c>method</c> and <c>cloud</c> are set here.</param>
    public static async Task<CinderAccount> ConnectAsync(string? cloud, Func<string, string?> environmentVariable, ILoggerFactory loggerFactory, TimeProvider time, IReadOnlyDictionary<string, string>? locationConfig, CancellationToken cancellationToken)
    {
        async Task<CinderVolumeSnapshotter> Connect(CinderMethod method, CancellationToken token)
        {
            var config = new Dictionary<string, string>(locationConfig ?? new Dictionary<string, string>(), StringComparer.Ordinal)
            {
                ["method"] = CinderSettings.ConfigName(method),
            };
            config.Remove("cloud");
            if (cloud is not null)
            {
                config["cloud"] = cloud;
            }

            var snapshotter = new CinderVolumeSnapshotter(loggerFactory, time, environmentVariable);
            try
            {
                await snapshotter.InitAsync(config, token).ConfigureAwait(false);
                return snapshotter;
            }
            catch
            {
                snapshotter.Dispose();
                throw;
            }
        }

        var account = new CinderAccount(await Connect(CinderMethod.Snapshot, cancellationToken).ConfigureAwait(false), Connect, time);
        await account.RefreshExpiryAsync(cancellationToken).ConfigureAwait(false);
        return account;
    }

    public IAsyncEnumerable<CinderVolume> ListVolumesAsync(CancellationToken cancellationToken) =>
        Listing("failed to list volumes", Client.ListVolumesAsync(cancellationToken), cancellationToken);

    /// <summary>Cinder snapshots of the project, or of one volume.</summary>
    public IAsyncEnumerable<CinderSnapshot> ListSnapshotsAsync(string? volumeId, CancellationToken cancellationToken) =>
        Listing(volumeId is null ? "failed to list snapshots" : $"failed to list {volumeId} volume snapshots", Client.ListSnapshotsAsync(volumeId, cancellationToken), cancellationToken);

    public Task<CinderVolume> GetVolumeAsync(string volumeId, CancellationToken cancellationToken) =>
        Wrap($"failed to get volume {volumeId} from cinder", $"volume {volumeId}", () => Client.GetVolumeAsync(volumeId, cancellationToken));

    public Task<CinderSnapshot> GetSnapshotAsync(string snapshotId, CancellationToken cancellationToken) =>
        Wrap($"failed to get snapshot {snapshotId} from cinder", $"snapshot {snapshotId}", () => Client.GetSnapshotAsync(snapshotId, cancellationToken));

    /// <summary>Preserves the volume by <paramref name="method"/>, as Velero's CreateSnapshot does; returns the snapshot, clone, backup or image id.</summary>
    public async Task<string> CreateSnapshotAsync(string volumeId, CinderMethod method, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        await (await SnapshotterAsync(method, cancellationToken).ConfigureAwait(false)).CreateSnapshotAsync(volumeId, "", tags, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates a volume from what <see cref="CreateSnapshotAsync"/> returned for the same <paramref name="method"/>; returns the volume id.</summary>
    public async Task<string> CreateVolumeFromSnapshotAsync(string snapshotId, CinderMethod method, string volumeType, string availabilityZone, CancellationToken cancellationToken) =>
        await (await SnapshotterAsync(method, cancellationToken).ConfigureAwait(false)).CreateVolumeFromSnapshotAsync(snapshotId, volumeType, availabilityZone, null, cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes what <see cref="CreateSnapshotAsync"/> returned for the same <paramref name="method"/>; one already gone is not an error.</summary>
    public async Task DeleteSnapshotAsync(string snapshotId, CinderMethod method, CancellationToken cancellationToken) =>
        await (await SnapshotterAsync(method, cancellationToken).ConfigureAwait(false)).DeleteSnapshotAsync(snapshotId, cancellationToken).ConfigureAwait(false);

    /// <summary>Waits until the volume is available or in use; <paramref name="progress"/> hears every status read.</summary>
    public Task<CinderVolume> WaitVolumeAsync(string volumeId, TimeSpan timeout, IProgress<string>? progress, CancellationToken cancellationToken) =>
        WaitAsync($"volume {volumeId}", token => Client.GetVolumeAsync(volumeId, token), v => v.Status, VolumeReady, timeout, progress, cancellationToken);

    /// <summary>Waits until the Cinder snapshot is available; <paramref name="progress"/> hears every status read.</summary>
    public Task<CinderSnapshot> WaitSnapshotAsync(string snapshotId, TimeSpan timeout, IProgress<string>? progress, CancellationToken cancellationToken) =>
        WaitAsync($"snapshot {snapshotId}", token => Client.GetSnapshotAsync(snapshotId, token), s => s.Status, SnapshotReady, timeout, progress, cancellationToken);

    public void Dispose()
    {
        foreach (var snapshotter in _snapshotters.Values)
        {
            snapshotter.Dispose();
        }

        _gate.Dispose();
    }

    // The backup and image methods need their own microversion (and image a Glance client): one snapshotter per method.
    private async Task<CinderVolumeSnapshotter> SnapshotterAsync(CinderMethod method, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_snapshotters.TryGetValue(method, out var snapshotter))
            {
                snapshotter = await _connect(method, cancellationToken).ConfigureAwait(false);
                _snapshotters[method] = snapshotter;
            }

            return snapshotter;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<T> WaitAsync<T>(string resource, Func<CancellationToken, Task<T>> fetch, Func<T, string> statusOf, string[] targets, TimeSpan timeout, IProgress<string>? progress, CancellationToken cancellationToken)
        where T : class
    {
        var result = await Wrap($"{resource} didn't get into '{targets[0]}' state within the time limit", resource, () => new StatusPoller(_time).WaitAsync(
            resource,
            async token =>
            {
                var current = await fetch(token).ConfigureAwait(false);
                progress?.Report(statusOf(current));
                return current;
            },
            statusOf,
            targets,
            timeout,
            cancellationToken)).ConfigureAwait(false);
        await RefreshExpiryAsync(cancellationToken).ConfigureAwait(false);
        return result!;
    }

    private async Task RefreshExpiryAsync(CancellationToken cancellationToken)
    {
        if (_snapshotters[CinderMethod.Snapshot].Session is { } session)
        {
            TokenExpiresAt = (await session.GetTokenAsync(cancellationToken).ConfigureAwait(false)).ExpiresAt;
        }
    }

    private static async Task<T> Wrap<T>(string context, string target, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
        {
            throw OpenStackException.Wrap(context, e, target);
        }
    }

    private static async IAsyncEnumerable<T> Listing<T>(string context, IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = source.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException or IOException)
            {
                throw OpenStackException.Wrap(context, e);
            }

            yield return enumerator.Current;
        }
    }
}
