namespace VeleroOpenShift.OpenShift.Images;

/// <summary>
/// The registry side of image-stream backup and restore (spec §7.4, §7.5): copies one image between
/// registries and returns the manifest it wrote (its SHA-256 is the digest the copy produced), and opens
/// the transport that stores images directly in a backup storage location (<c>bsl://</c>).
/// Image references carry their transport, e.g. <c>docker://host/ns/name@sha256:…</c>.
/// </summary>
public interface IImageCopier
{
    /// <summary>Prepares <c>bsl://</c> storage for one backup or restore; returns the transport name used as URL scheme.</summary>
    Task<string> OpenStorageLocationTransportAsync(StorageLocationTransportRequest request, CancellationToken cancellationToken);

    Task<byte[]> CopyAsync(ImageCopyRequest request, CancellationToken cancellationToken);
}

/// <summary>The BSL a backup's images are stored in; <see cref="CacheKey"/> is the backup's UID (one transport per backup).</summary>
public sealed record StorageLocationTransportRequest(string CacheKey, string LocationName, string LocationNamespace);

/// <summary>One copy: source and destination references, and which credential context each side uses.</summary>
public sealed record ImageCopyRequest(string Source, string Destination, RegistryContext SourceContext, RegistryContext DestinationContext);

public enum RegistryContext
{
    /// <summary>The cluster's internal registry: TLS unverified, the plugin's service-account token.</summary>
    InternalRegistry,

    /// <summary>The migration (intermediate) registry: TLS unverified, anonymous.</summary>
    MigrationRegistry,
}
