namespace VeleroOpenShift.OpenShift.Images;

/// <summary>
/// Copies one image between registries (spec §7.3, §7.5) and returns the manifest it wrote, whose SHA-256
/// is the digest the copy produced. Image references carry their transport (<c>docker://host/ns/name@sha256:…</c>).
/// </summary>
public interface IImageCopier
{
    Task<byte[]> CopyAsync(ImageCopyRequest request, CancellationToken cancellationToken);
}

/// <summary>One copy: source and destination references, and which credential context each side uses.</summary>
public sealed record ImageCopyRequest(string Source, string Destination, RegistryContext SourceContext, RegistryContext DestinationContext);

public enum RegistryContext
{
    /// <summary>The cluster's internal registry: TLS unverified, the plugin's service-account token.</summary>
    InternalRegistry,

    /// <summary>The migration (intermediate) registry: TLS unverified, anonymous.</summary>
    MigrationRegistry,
}
