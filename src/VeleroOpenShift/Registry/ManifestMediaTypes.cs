namespace VeleroOpenShift.Registry;

/// <summary>The manifest media types of the Docker registry API v2 (schema 2) and the OCI image spec.</summary>
public static class ManifestMediaTypes
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerSchema1 = "application/vnd.docker.distribution.manifest.v1+json";
    public const string DockerSchema1Signed = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    /// <summary>Everything this engine copies, for the Accept header (schema 1 is not accepted, spec §7.5).</summary>
    public static IReadOnlyList<string> Accepted { get; } = [OciIndex, OciManifest, DockerManifestList, DockerManifest];

    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsImage(string mediaType) => mediaType is OciManifest or DockerManifest;

    public static bool IsSchema1(string mediaType) => mediaType is DockerSchema1 or DockerSchema1Signed;

    /// <summary>
    /// Layers that registries may not redistribute (Windows base layers): they are fetched from their URLs by whoever
    /// pulls, so a copy leaves them where they are, as skopeo does by default.
    /// </summary>
    public static bool IsNonDistributable(string mediaType) =>
        mediaType.StartsWith("application/vnd.docker.image.rootfs.foreign.", StringComparison.Ordinal)
        || mediaType.StartsWith("application/vnd.oci.image.layer.nondistributable.", StringComparison.Ordinal);
}
