namespace VeleroOpenShift.Registry;

/// <summary>
/// Object keys of the Docker Distribution (registry v2) storage layout, at the bucket root (spec §7.4: the original's
/// embedded registry applies no BSL prefix), so images written by either plugin can be read by the other.
/// </summary>
internal static class DistributionLayout
{
    private const string Root = "docker/registry/v2";

    public static string BlobData(Descriptor blob) => $"{Root}/blobs/sha256/{blob.Hex[..2]}/{blob.Hex}/data";

    public static string LayerLink(string repository, Descriptor blob) => $"{Repository(repository)}/_layers/sha256/{blob.Hex}/link";

    public static string RevisionLink(string repository, Descriptor manifest) => $"{Repository(repository)}/_manifests/revisions/sha256/{manifest.Hex}/link";

    public static string TagCurrentLink(string repository, string tag) => $"{Repository(repository)}/_manifests/tags/{tag}/current/link";

    public static string TagIndexLink(string repository, string tag, Descriptor manifest) =>
        $"{Repository(repository)}/_manifests/tags/{tag}/index/sha256/{manifest.Hex}/link";

    private static string Repository(string repository) => $"{Root}/repositories/{repository}";
}
