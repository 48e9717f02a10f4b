using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Volumes;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>
/// Velero's VolumeSnapshotter on OpenStack Manila (<c>community.openstack.org/openstack-manila</c>, spec §6): Manila
/// snapshots of the shares behind Manila CSI PersistentVolumes, or full share clones. Each instance owns its identity
/// connection, so locations for different clouds work side by side.
/// </summary>
public sealed class ManilaVolumeSnapshotter : IVolumeSnapshotter, IDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly EnvironmentVariables _environment;
    private readonly Func<CloudConfigFiles> _cloudFiles;
    private readonly ResourceNames _names;
    private IdentityConnection? _connection;
    private ManilaContext? _context;

    public ManilaVolumeSnapshotter(ILoggerFactory loggerFactory, TimeProvider time, Func<string, string?> environmentVariable)
        : this(loggerFactory, time, new EnvironmentVariables(environmentVariable), null, ResourceNames.Shared)
    {
    }

    internal ManilaVolumeSnapshotter(ILoggerFactory loggerFactory, TimeProvider time, EnvironmentVariables environment, CloudConfigFiles? cloudFiles, ResourceNames names)
    {
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ManilaVolumeSnapshotter>();
        _time = time;
        _environment = environment;
        _cloudFiles = cloudFiles is null ? () => CloudConfigFiles.FromEnvironment(environment) : () => cloudFiles;
        _names = names;
    }

    /// <summary>The client after Init; <see cref="ManilaAccount"/> and tests use it.</summary>
    internal ManilaClient? Client => _context?.Client;

    internal ManilaContext? Context => _context;

    public async Task InitAsync(IReadOnlyDictionary<string, string> config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        _logger.LogDebug("FSStore.Init called {Config}", string.Join(", ", config.Select(pair => $"{pair.Key}={pair.Value}")));
        var settings = ManilaSettings.From(config, _environment);
        var cloudKeyPresent = config.TryGetValue("cloud", out var cloud);
        if (cloudKeyPresent)
        {
            _logger.LogDebug("Authentication will be done for cloud {Cloud}", cloud);
        }

        var connection = _connection;
        var fresh = connection is null || cloudKeyPresent;
        if (fresh)
        {
            connection = await IdentityConnection.AuthenticateAsync("manila", cloud, _environment, _cloudFiles(), _time, _loggerFactory, "failed to authenticate against OpenStack in shared filesystem plugin", cancellationToken).ConfigureAwait(false);
        }

        ManilaContext context;
        try
        {
            // Rebuilt on every Init, so a location's region and enforceAZ always apply (spec §12 deviation 4).
            var client = await ManilaConnector.CreateClientAsync(connection!, settings.Region, _time, _loggerFactory, cancellationToken).ConfigureAwait(false);
            await ManilaMicroversions.NegotiateAsync(client, settings.EnforceAz, _logger, cancellationToken).ConfigureAwait(false);
            context = ManilaContext.Create(client, settings, _names, _time, _logger);
        }
        catch when (fresh)
        {
            connection!.Dispose();
            throw;
        }

        if (fresh)
        {
            var previous = _connection;
            _connection = connection;
            previous?.Dispose();
        }

        _context = context;
        _logger.LogDebug("Successfully created shared filesystem service client {Endpoint} {Region}", context.Client.Endpoint, settings.Region);
    }

    public async Task<string> CreateSnapshotAsync(string volumeId, string volumeAvailabilityZone, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(volumeId);
        var context = Ready();
        _logger.LogDebug("FSStore.CreateSnapshot called {ShareID} {VolumeAZ} {Method}", volumeId, volumeAvailabilityZone, context.Settings.Method);
        if (context.Settings.Method == ManilaMethod.Clone)
        {
            var cloneName = context.Names.For(volumeId, ResourceKind.Clone);
            var cloneId = await new ManilaShareCloner(context).CloneAsync(volumeId, cloneName, "Velero share clone", tags, volumeAvailabilityZone, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Share clone finished successfuly {CloneID} {CloneName}", cloneId, cloneName);
            return cloneId;
        }

        // Velero's tags are not stored on Manila snapshots, as in the reference (spec §12 reproduction 5).
        var name = context.Names.For(volumeId, ResourceKind.Snapshot);
        var share = ManilaClient.Name(ManilaResource.Share, volumeId);
        var snapshot = await ManilaFailure.WrapAsync(_logger, $"failed to create snapshot {name} from share {volumeId}", share,
            () => context.Client.CreateSnapshotAsync(new NewSnapshot(volumeId, name, "Velero snapshot"), cancellationToken)).ConfigureAwait(false);
        _logger.LogInformation("Waiting for snapshot to be in 'available' status {SnapshotID}", snapshot.Id);
        await ManilaFailure.WrapAsync(_logger, $"snapshot {snapshot.Id} didn't get into 'available' status within the time limit", ManilaClient.Name(ManilaResource.Snapshot, snapshot.Id),
            () => context.Waits.SnapshotAvailableAsync(snapshot.Id, context.Settings.SnapshotTimeout, cancellationToken)).ConfigureAwait(false);
        _logger.LogInformation("Snapshot finished successfuly {SnapshotID} {SnapshotName}", snapshot.Id, name);
        return snapshot.Id;
    }

    public async Task<string> CreateVolumeFromSnapshotAsync(string snapshotId, string volumeType, string volumeAvailabilityZone, long? iops, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(snapshotId);
        var context = Ready();
        _logger.LogDebug("FSStore.CreateVolumeFromSnapshot called {SnapshotID} {VolumeAZ} {Method}", snapshotId, volumeAvailabilityZone, context.Settings.Method);
        // The share type Velero recorded and IOPS do not apply: the new share takes the type of the snapshot's share.
        if (context.Settings.Method == ManilaMethod.Clone)
        {
            var name = context.Names.For(snapshotId, ResourceKind.Backup);
            return await new ManilaShareCloner(context).CloneAsync(snapshotId, name, "Velero backup from share clone", null, volumeAvailabilityZone, cancellationToken).ConfigureAwait(false);
        }

        return await ShareFromSnapshotAsync(context, snapshotId, volumeAvailabilityZone, cancellationToken).ConfigureAwait(false);
    }

    public async Task<VolumeInfo> GetVolumeInfoAsync(string volumeId, string volumeAvailabilityZone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(volumeId);
        var context = Ready();
        _logger.LogDebug("FSStore.GetVolumeInfo called {ShareID} {VolumeAZ}", volumeId, volumeAvailabilityZone);
        var share = await ManilaFailure.WrapAsync(_logger, $"failed to get share {volumeId} from manila", ManilaClient.Name(ManilaResource.Share, volumeId),
            () => context.Client.GetShareAsync(volumeId, cancellationToken)).ConfigureAwait(false);
        return new VolumeInfo(share.VolumeType ?? "", null);
    }

    public async Task DeleteSnapshotAsync(string snapshotId, CancellationToken cancellationToken)
    {
        var context = Ready();
        _logger.LogDebug("FSStore.DeleteSnapshot called {SnapshotID} {Method}", snapshotId, context.Settings.Method);
        if (context.Settings.Method == ManilaMethod.Clone)
        {
            await new ManilaCloneRemover(context).RemoveAsync(snapshotId, cancellationToken).ConfigureAwait(false);
            return;
        }

        var target = ManilaClient.Name(ManilaResource.Snapshot, snapshotId);
        await ManilaFailure.WrapAsync(_logger, $"failed to delete snapshot {snapshotId}", target, async () =>
        {
            try
            {
                await (context.Settings.EnsureDeleted
                    ? context.Deleter.EnsureDeletedAsync(ManilaResource.Snapshot, snapshotId, context.Settings.SnapshotTimeout, cancellationToken)
                    : context.Client.DeleteSnapshotAsync(snapshotId, cancellationToken)).ConfigureAwait(false);
            }
            catch (OpenStackServiceException e) when (e.Status == HttpStatusCode.NotFound)
            {
                _logger.LogInformation("snapshot is already deleted {SnapshotID}", snapshotId);
            }
        }).ConfigureAwait(false);
    }

    public Task<string?> GetVolumeIdAsync(JsonObject persistentVolume, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistentVolume);
        var context = Ready();
        _logger.LogDebug("FSStore.GetVolumeID called");
        var driver = ManilaPersistentVolume.Driver(persistentVolume);
        // A PV without spec.csi is not a Manila CSI volume; spec.cinder is not considered (spec §6.10).
        if (driver is null)
        {
            return Task.FromResult<string?>(null);
        }

        if (driver != context.Settings.Driver)
        {
            _logger.LogInformation("Unable to handle CSI driver: {Driver}", driver);
            return Task.FromResult<string?>(null);
        }

        return Task.FromResult<string?>(ManilaPersistentVolume.VolumeHandle(persistentVolume));
    }

    public async Task<JsonObject> SetVolumeIdAsync(JsonObject persistentVolume, string volumeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistentVolume);
        ArgumentException.ThrowIfNullOrEmpty(volumeId);
        var context = Ready();
        _logger.LogDebug("FSStore.SetVolumeID called {ShareID}", volumeId);
        ManilaPersistentVolume.RequireDriver(persistentVolume, context.Settings.Driver);
        var rule = await ManilaAccessRules.FirstAsync(context.Client, volumeId, _logger, cancellationToken).ConfigureAwait(false);
        return ManilaPersistentVolume.PointAt(persistentVolume, context.Settings.Driver, volumeId, rule);
    }

    public void Dispose() => _connection?.Dispose();

    /// <summary>Spec §6.5, snapshot method: a share from the snapshot with the source share's metadata and first access rule.</summary>
    private async Task<string> ShareFromSnapshotAsync(ManilaContext context, string snapshotId, string volumeAz, CancellationToken cancellationToken)
    {
        var (client, settings, waits) = (context.Client, context.Settings, context.Waits);
        var snapshotName = ManilaClient.Name(ManilaResource.Snapshot, snapshotId);
        _logger.LogInformation("Waiting for snapshot to be in 'available' status {SnapshotID}", snapshotId);
        var snapshot = await ManilaFailure.WrapAsync(_logger, $"snapshot {snapshotId} didn't get into 'available' status within the time limit", snapshotName,
            () => waits.SnapshotAvailableAsync(snapshotId, settings.SnapshotTimeout, cancellationToken)).ConfigureAwait(false);
        var sourceId = snapshot.ShareId ?? "";
        var source = await ManilaFailure.WrapAsync(_logger, $"failed to get original share {sourceId} from manila", ManilaClient.Name(ManilaResource.Share, sourceId),
            () => client.GetShareAsync(sourceId, cancellationToken)).ConfigureAwait(false);
        var rule = await ManilaAccessRules.FirstAsync(client, sourceId, _logger, cancellationToken).ConfigureAwait(false);

        var name = context.Names.For(snapshotId, ResourceKind.Backup);
        _logger.LogInformation("Starting to create share from snapshot {SnapshotID} {ShareName}", snapshotId, name);
        var request = new NewShare(snapshot.ShareProto ?? "", snapshot.Size ?? 0, context.ZoneForCreate(volumeAz, source.AvailabilityZone), name, "Velero backup from snapshot", snapshotId, source.Metadata);
        var created = await ManilaFailure.WrapAsync(_logger, $"failed to create share {name} from snapshot {snapshotId}", snapshotName,
            () => client.CreateShareAsync(request, cancellationToken)).ConfigureAwait(false);
        var createdName = ManilaClient.Name(ManilaResource.Share, created.Id);

        _logger.LogInformation("Waiting for share to be in 'available' status {ShareID}", created.Id);
        await ManilaFailure.WrapAsync(_logger, $"share {created.Id} didn't get into 'available' status within the time limit", createdName,
            () => waits.ShareAvailableAsync(created.Id, settings.ShareTimeout, cancellationToken)).ConfigureAwait(false);
        AccessRule? granted = null;
        if (rule is not null)
        {
            granted = await ManilaAccessRules.GrantAsync(client, created.Id, rule, $"failed to grant an access to manila share {created.Id}", _logger, cancellationToken).ConfigureAwait(false);
        }

        if (context.MustMove(volumeAz, created.AvailabilityZone))
        {
            await ManilaFailure.WrapAsync(_logger, $"failed to move a share to the target {volumeAz} availability zone", createdName,
                () => new ManilaZoneMover(context).MoveAsync(created.Id, volumeAz, cancellationToken)).ConfigureAwait(false);
        }

        _logger.LogInformation("Backup share was created {ShareID} {ShareAccessID}", created.Id, granted?.Id ?? "");
        return created.Id;
    }

    private ManilaContext Ready() =>
        _context ?? throw new InvalidOperationException("VolumeSnapshotter.Init must be called before any other method");
}
