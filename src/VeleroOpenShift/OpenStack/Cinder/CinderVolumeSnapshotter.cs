using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Glance;
using VeleroOpenShift.OpenStack.Http;
using VeleroOpenShift.OpenStack.Volumes;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>
/// Velero's VolumeSnapshotter on OpenStack Cinder (<c>community.openstack.org/openstack-cinder</c> and its legacy alias
/// <c>community.openstack.org/openstack</c>, spec §5). The location's <c>method</c> picks snapshot, clone, backup or
/// image; each instance owns its identity connection.
/// </summary>
public sealed class CinderVolumeSnapshotter : IVolumeSnapshotter, IDisposable
{
    private static readonly Microversion BackupMicroversion = new(3, 47);
    private static readonly Microversion ImageMicroversion = new(3, 1);

    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly EnvironmentVariables _environment;
    private readonly Func<CloudConfigFiles> _cloudFiles;
    private readonly ResourceNames _names;
    private IdentityConnection? _connection;
    private CinderOperations? _operations;
    private ICinderMethod? _method;

    public CinderVolumeSnapshotter(ILoggerFactory loggerFactory, TimeProvider time, Func<string, string?> environmentVariable)
        : this(loggerFactory, time, new EnvironmentVariables(environmentVariable), null, ResourceNames.Shared)
    {
    }

    internal CinderVolumeSnapshotter(ILoggerFactory loggerFactory, TimeProvider time, EnvironmentVariables environment, CloudConfigFiles? cloudFiles, ResourceNames names)
    {
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<CinderVolumeSnapshotter>();
        _time = time;
        _environment = environment;
        _cloudFiles = cloudFiles is null ? () => CloudConfigFiles.FromEnvironment(environment) : () => cloudFiles;
        _names = names;
    }

    /// <summary>The clients and settings after Init; <see cref="CinderAccount"/> works through them.</summary>
    internal CinderOperations? Operations => _operations;

    /// <summary>The identity session in use; tests read how often it authenticated.</summary>
    internal IdentitySession? Session => _connection?.Session;

    public async Task InitAsync(IReadOnlyDictionary<string, string> config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        _logger.LogInformation("BlockStore.Init called {Config}", string.Join(", ", config.Select(pair => $"{pair.Key}={pair.Value}")));
        var settings = CinderSettings.From(config, _environment);
        var cloudKeyPresent = config.TryGetValue("cloud", out var cloud);
        if (cloudKeyPresent)
        {
            _logger.LogDebug("Authentication will be done for cloud {Cloud}", cloud);
        }

        var connection = _connection;
        var fresh = connection is null || cloudKeyPresent;
        if (fresh)
        {
            connection = await IdentityConnection.AuthenticateAsync("cinder", cloud, _environment, _cloudFiles(), _time, _loggerFactory, "failed to authenticate against OpenStack in block storage plugin", cancellationToken).ConfigureAwait(false);
        }

        CinderOperations operations;
        try
        {
            operations = await ConnectAsync(connection!, settings, cancellationToken).ConfigureAwait(false);
        }
        catch when (fresh)
        {
            connection!.Dispose();
            throw;
        }

        // Unlike the reference, the clients are rebuilt on every Init (spec §12 deviation 4), so a changed method
        // also gets its microversion.
        if (fresh)
        {
            var previous = _connection;
            _connection = connection;
            previous?.Dispose();
        }

        _operations = operations;
        _method = settings.Method switch
        {
            CinderMethod.Snapshot => new SnapshotMethod(operations),
            CinderMethod.Clone => new CloneMethod(operations),
            CinderMethod.Backup => new BackupMethod(operations),
            CinderMethod.Image => new ImageMethod(operations),
            _ => throw new ArgumentOutOfRangeException(nameof(config), settings.Method, null),
        };
    }

    public async Task<string> CreateVolumeFromSnapshotAsync(string snapshotId, string volumeType, string volumeAvailabilityZone, long? iops, CancellationToken cancellationToken)
    {
        var method = Ready();
        _logger.LogInformation("BlockStore.CreateVolumeFromSnapshot called {SnapshotID} {VolumeType} {VolumeAZ}", snapshotId, volumeType, volumeAvailabilityZone);
        var volumeId = await method.RestoreAsync(snapshotId, volumeType ?? "", volumeAvailabilityZone ?? "", cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Backup volume was created {VolumeID}", volumeId);
        return volumeId;
    }

    public async Task<VolumeInfo> GetVolumeInfoAsync(string volumeId, string volumeAvailabilityZone, CancellationToken cancellationToken)
    {
        Ready();
        _logger.LogInformation("BlockStore.GetVolumeInfo called {VolumeID} {VolumeAZ}", volumeId, volumeAvailabilityZone);
        var volume = await _operations!.GetVolumeAsync(volumeId, cancellationToken).ConfigureAwait(false);
        return new VolumeInfo(volume.VolumeType ?? "", null);
    }

    public Task<string> CreateSnapshotAsync(string volumeId, string volumeAvailabilityZone, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var method = Ready();
        _logger.LogInformation("BlockStore.CreateSnapshot called {VolumeID} {VolumeAZ} {Tags} {Method}", volumeId, volumeAvailabilityZone, Describe(tags), CinderSettings.ConfigName(_operations!.Settings.Method));
        return method.CreateAsync(volumeId, volumeAvailabilityZone ?? "", tags ?? new Dictionary<string, string>(), cancellationToken);
    }

    public Task DeleteSnapshotAsync(string snapshotId, CancellationToken cancellationToken)
    {
        var method = Ready();
        _logger.LogInformation("BlockStore.DeleteSnapshot called {SnapshotID}", snapshotId);
        return method.DeleteAsync(snapshotId, cancellationToken);
    }

    public Task<string?> GetVolumeIdAsync(JsonObject persistentVolume, CancellationToken cancellationToken)
    {
        _logger.LogInformation("BlockStore.GetVolumeID called {PersistentVolume}", persistentVolume is null ? "" : Kube.ItemReference.Of(persistentVolume).ToString());
        var id = CinderPersistentVolume.GetVolumeId(persistentVolume!, out var unsupportedDriver);
        if (unsupportedDriver is not null)
        {
            _logger.LogInformation("Unable to handle CSI driver: {Driver}", unsupportedDriver);
        }

        return Task.FromResult(id);
    }

    public Task<JsonObject> SetVolumeIdAsync(JsonObject persistentVolume, string volumeId, CancellationToken cancellationToken)
    {
        _logger.LogInformation("BlockStore.SetVolumeID called {VolumeID}", volumeId);
        return Task.FromResult(CinderPersistentVolume.SetVolumeId(persistentVolume, volumeId));
    }

    public void Dispose() => _connection?.Dispose();

    /// <summary>Selects the Cinder (and for the image method the Glance) endpoint and sets the method's microversion (spec §5.2).</summary>
    private async Task<CinderOperations> ConnectAsync(IdentityConnection connection, CinderSettings settings, CancellationToken cancellationToken)
    {
        var token = await connection.Session.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var sender = new ResilientSender(connection.Http, connection.Session, RetrySettings.Default, _time, _loggerFactory.CreateLogger<ResilientSender>());
        var endpoint = await Endpoint("failed to create cinder storage client", ServiceCatalog.BlockStorageTypes, 3, token, sender, settings, cancellationToken).ConfigureAwait(false);
        var cinder = new CinderClient(sender, endpoint);
        GlanceClient? glance = null;
        switch (settings.Method)
        {
            case CinderMethod.Backup:
                cinder = cinder.WithMicroversion(await RequireMicroversionAsync(cinder, BackupMicroversion, "backups", cancellationToken).ConfigureAwait(false));
                break;
            case CinderMethod.Image:
                cinder = cinder.WithMicroversion(await RequireMicroversionAsync(cinder, ImageMicroversion, "images", cancellationToken).ConfigureAwait(false));
                glance = new GlanceClient(sender, await Endpoint("failed to create glance image client", ServiceCatalog.ImageTypes, 2, token, sender, settings, cancellationToken).ConfigureAwait(false));
                _logger.LogInformation("Successfully created image service client {Endpoint}", glance.ImagesBase);
                break;
        }

        _logger.LogInformation("Successfully created block storage service client {Endpoint} {Region}", endpoint, settings.Region);
        return new CinderOperations(cinder, glance, settings, _names, _time, _loggerFactory.CreateLogger<CinderOperations>());
    }

    private static async Task<Uri> Endpoint(string failure, IReadOnlyList<string> types, int major, AuthToken token, ResilientSender sender, CinderSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await ServiceCatalog.FindVersionedAsync(token.Catalog, types, settings.Region, "public", major, (url, t) => FetchVersionsAsync(sender, url, t), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException)
        {
            throw OpenStackException.Wrap(failure, e);
        }
    }

    private static async Task<string?> FetchVersionsAsync(ResilientSender sender, Uri url, CancellationToken cancellationToken)
    {
        using var response = await sender.SendAsync(new OpenStackRequest(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
        return (int)response.StatusCode is 200 or 300 ? await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false) : null;
    }

    private async Task<Microversion> RequireMicroversionAsync(CinderClient cinder, Microversion wanted, string feature, CancellationToken cancellationToken)
    {
        string max;
        try
        {
            max = await cinder.MaxMicroversionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException)
        {
            throw OpenStackException.Wrap("failed to obtain supported Cinder microversions", e, cinder.Endpoint.ToString());
        }

        bool supported;
        try
        {
            supported = wanted.IsAtMost(Microversion.Parse(max));
        }
        catch (OpenStackException e)
        {
            throw OpenStackException.Wrap("failed to compare supported Cinder microversions", e, cinder.Endpoint.ToString());
        }

        if (!supported)
        {
            throw new OpenStackException(FailureKind.NotSupported, cinder.Endpoint.ToString(), $"the {max} Cinder microversion doesn't support {feature}");
        }

        _logger.LogInformation("Setting the supported {Microversion} microversion", wanted);
        return wanted;
    }

    private ICinderMethod Ready() =>
        _method ?? throw new InvalidOperationException("VolumeSnapshotter.Init must be called before any other method");

    private static string Describe(IReadOnlyDictionary<string, string>? tags) =>
        tags is null ? "" : string.Join(", ", tags.Select(pair => $"{pair.Key}={pair.Value}"));
}
