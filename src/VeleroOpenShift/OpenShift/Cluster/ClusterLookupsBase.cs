using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.OpenShift.Cluster;

/// <summary>
/// The derived look-ups and caches of spec §3, shared by both implementations of <see cref="IClusterLookups"/>,
/// over their raw object access. Server version and registry host name are cached for the life of the
/// instance (the registry also when empty); failures are not cached.
/// </summary>
public abstract class ClusterLookupsBase : IClusterLookups
{
    private readonly ExpiringCache<VeleroBackup> _backups;
    private ServerVersion? _serverVersion;
    private string? _registryHostname;
    private bool _registryCapabilityEnabled;

    protected ClusterLookupsBase(ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        Logger = logger;
        _backups = new ExpiringCache<VeleroBackup>(time);
    }

    protected ILogger Logger { get; }

    public async Task<ServerVersion> GetServerVersionAsync(CancellationToken cancellationToken) =>
        _serverVersion ??= await ReadServerVersionAsync(cancellationToken).ConfigureAwait(false);

    public async Task<string> GetInternalRegistryHostnameAsync(CancellationToken cancellationToken) =>
        _registryHostname ??= await ReadRegistryHostnameAsync(cancellationToken).ConfigureAwait(false);

    public async Task<VeleroBackup> GetBackupForRestoreAsync(VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(restore);
        var name = restore.BackupName;
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidItemException(restore.Reference, "spec.backupName", "cannot get backup for an empty name");
        }

        if (string.IsNullOrEmpty(restore.Namespace))
        {
            throw new InvalidItemException(restore.Reference, "metadata.namespace", "cannot get backup for an empty namespace");
        }

        var key = restore.Uid.Length > 0 ? restore.Uid : $"{restore.Namespace}/{restore.Name}";
        if (_backups.TryGet(key, out var cached))
        {
            return cached!;
        }

        var json = await GetAsync(ApiResources.Backups, restore.Namespace, name, cancellationToken).ConfigureAwait(false)
            ?? throw new ClusterLookupException(FailureKind.NotFound, ApiResources.Backups.Describe(restore.Namespace, name), "not found", 404);
        var backup = new VeleroBackup(json);
        _backups.Set(key, backup);
        return backup;
    }

    public async Task<OpenShiftClusterFacts> GetOpenShiftClusterFactsAsync(CancellationToken cancellationToken)
    {
        var clusterVersion = await GetAsync(ApiResources.ClusterVersions, null, "version", cancellationToken).ConfigureAwait(false);
        if (clusterVersion is null)
        {
            return OpenShiftClusterFacts.NotOpenShift;
        }

        var reference = ItemReference.Of(clusterVersion);
        if (!_registryCapabilityEnabled)
        {
            var enabled = ItemFields.GetArray(clusterVersion, "status.capabilities.enabledCapabilities", reference);
            _registryCapabilityEnabled = enabled?.Any(c => c is JsonValue v && v.TryGetValue(out string? s) && s == "ImageRegistry") == true;
        }

        var parts = (ItemFields.GetString(clusterVersion, "status.desired.version", reference) ?? string.Empty).Split('.');
        if (parts.Length < 3)
        {
            throw new InvalidItemException(reference, "status.desired.version", "unable to parse OCP Version");
        }

        var registryConfig = await GetAsync(ApiResources.ImageRegistryConfigs, null, "cluster", cancellationToken).ConfigureAwait(false);
        var removed = registryConfig is null
            || ItemFields.GetString(registryConfig, "spec.managementState", ItemReference.Of(registryConfig)) == "Removed";
        return new OpenShiftClusterFacts(true, _registryCapabilityEnabled, NumberOrZero(parts[0]), NumberOrZero(parts[1]), removed);
    }

    public async Task<BackupStorageLocation> GetBackupStorageLocationAsync(string ns, string name, CancellationToken cancellationToken)
    {
        var json = await GetAsync(ApiResources.BackupStorageLocations, ns, name, cancellationToken).ConfigureAwait(false)
            ?? throw new ClusterLookupException(FailureKind.NotFound, ApiResources.BackupStorageLocations.Describe(ns, name), "not found", 404);
        return BackupStorageLocation.FromJson(json);
    }

    public abstract Task<JsonObject?> GetAsync(ApiResource resource, string? ns, string name, CancellationToken cancellationToken);

    public abstract Task<IReadOnlyList<JsonObject>> ListAsync(ApiResource resource, string? ns, string? labelSelector, CancellationToken cancellationToken);

    public abstract Task<JsonObject> ReplaceAsync(ApiResource resource, JsonObject obj, CancellationToken cancellationToken);

    /// <summary>Reads <c>/version</c> and parses it (spec §3.1).</summary>
    protected abstract Task<ServerVersion> ReadServerVersionAsync(CancellationToken cancellationToken);

    protected virtual Task<string> ReadRegistryHostnameAsync(CancellationToken cancellationToken) =>
        RegistryHostnameDiscovery.DiscoverAsync(this, Logger, cancellationToken);

    private static int NumberOrZero(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
}
