using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenStack.Swift;
using VeleroOpenShift.Registry;

namespace VeleroOpenShift.OpenShift.Images;

/// <summary>
/// The plugin's image copier (spec §7.3–§7.5) on the registry copy engine. The internal registry is reached with the
/// plugin's service-account token (read again at every challenge, RECOMMENDED), the migration registry anonymously,
/// both without certificate checks as in the original. <c>bsl://</c> stores images in the backup storage location's
/// Swift container in the Distribution layout; this build's only object store is Swift, so that is the one provider
/// accepted, where the original accepts aws, azure and gcp.
/// </summary>
public sealed class RegistryImageCopier : IImageCopier, IDisposable
{
    public const string SwiftProvider = "community.openstack.org/openstack";

    private readonly IClusterLookups _cluster;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<string, string?> _environment;
    private readonly ContainerImageCopier _copier;
    private readonly RegistryAccess _internalRegistry;
    private readonly RegistryAccess _migrationRegistry;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _transports = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<SwiftObjectStore> _stores = [];

    public RegistryImageCopier(
        IClusterLookups cluster, ILoggerFactory loggerFactory, TimeProvider time, Func<string, string?> environmentVariable, ImageCopyOptions options, string serviceAccountTokenPath)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _cluster = cluster;
        _loggers = loggerFactory;
        _logger = loggerFactory.CreateLogger<RegistryImageCopier>();
        _time = time;
        _environment = environmentVariable;
        _copier = new ContainerImageCopier(options, loggerFactory, time);
        _internalRegistry = new RegistryAccess(new ServiceAccountTokenCredentials(serviceAccountTokenPath), SkipTlsVerify: true);
        _migrationRegistry = new RegistryAccess(StaticRegistryCredentials.Anonymous, SkipTlsVerify: true);
    }

    /// <summary>The copier Velero's plugin process uses: in-cluster token, the spec's retries.</summary>
    public static RegistryImageCopier ForPlugin(Velero.PluginServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new RegistryImageCopier(
            services.Cluster, services.LoggerFactory, services.Time, services.EnvironmentVariable, new ImageCopyOptions(), ServiceAccountTokenCredentials.InClusterTokenPath);
    }

    public Task<string> OpenStorageLocationTransportAsync(StorageLocationTransportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // One transport per backup or restore (spec §7.4); a failed opening is not kept, so the next item tries again.
        var opening = _transports.GetOrAdd(request.CacheKey, _ => new Lazy<Task<string>>(() => OpenAsync(request, cancellationToken)));
        return AwaitOrForgetAsync(request.CacheKey, opening);
    }

    public async Task<byte[]> CopyAsync(ImageCopyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var result = await _copier.CopyAsync(request.Source, Access(request.SourceContext), request.Destination, Access(request.DestinationContext), null, cancellationToken).ConfigureAwait(false);
            return result.Manifest;
        }
        catch (RegistryException e) when (e.RegistryCode == "BLOB_UNKNOWN")
        {
            _logger.LogError(e, "blob unknown to registry while copying {Source} to {Destination}: the source registry lost a layer the manifest names (pruned?)", request.Source, request.Destination);
            throw;
        }
    }

    public void Dispose()
    {
        _copier.Dispose();
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }

    private RegistryAccess Access(RegistryContext context) => context == RegistryContext.InternalRegistry ? _internalRegistry : _migrationRegistry;

    private async Task<string> AwaitOrForgetAsync(string key, Lazy<Task<string>> opening)
    {
        try
        {
            return await opening.Value.ConfigureAwait(false);
        }
        catch
        {
            _transports.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, opening));
            throw;
        }
    }

    private async Task<string> OpenAsync(StorageLocationTransportRequest request, CancellationToken cancellationToken)
    {
        var location = await _cluster.GetBackupStorageLocationAsync(request.LocationNamespace, request.LocationName, cancellationToken).ConfigureAwait(false);
        var target = $"BackupStorageLocation {location.Namespace}/{location.Name}";
        if (location.Provider != SwiftProvider)
        {
            throw new InvalidConfigurationException(target, $"unsupported provider '{location.Provider}': images are stored in backup storage locations of provider {SwiftProvider}");
        }

        var reference = ItemReference.Of(location.Json);
        var bucket = ItemFields.GetString(location.Json, "spec.objectStorage.bucket", reference);
        if (string.IsNullOrEmpty(bucket))
        {
            throw new InvalidConfigurationException(target, "spec.objectStorage.bucket is empty");
        }

        var store = new SwiftObjectStore(_loggers, _time, _environment);
        try
        {
            await store.InitAsync(ItemFields.GetStringMap(location.Json, "spec.config", reference), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            store.Dispose();
            throw;
        }

        _stores.Add(store);
        var transport = $"udistribution-swift-{Guid.NewGuid()}";
        _copier.AddStorageLocation(transport, store, bucket);
        _logger.LogInformation("Images of {Key} are stored in {Location} (container {Bucket}) as transport {Transport}", request.CacheKey, target, bucket, transport);
        return transport;
    }
}
