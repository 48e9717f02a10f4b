using VeleroOpenShift.Registry;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>One image copied: where from and to, the digest it has at the destination, and how its blobs got there.</summary>
public sealed class ContainerImageCopy
{
    internal ContainerImageCopy(ImageCopyResult result)
    {
        Source = result.Source;
        Destination = result.Destination;
        Digest = result.Digest;
        MediaType = result.MediaType;
        Manifests = result.Manifests;
        BlobsUploaded = result.BlobsUploaded;
        BlobsSkipped = result.BlobsSkipped;
        BlobsMounted = result.BlobsMounted;
        BytesUploaded = result.BytesUploaded;
    }

    public string Source { get; }

    public string Destination { get; }

    /// <summary>The manifest digest at the destination; the same as at the source, since manifests are copied byte for byte.</summary>
    public string Digest { get; }

    public string MediaType { get; }

    /// <summary>Manifests written: one for an image, one per platform plus the index for a multi-architecture image.</summary>
    public int Manifests { get; }

    public int BlobsUploaded { get; }

    /// <summary>Blobs the destination had already (found by HEAD), so nothing was sent.</summary>
    public int BlobsSkipped { get; }

    /// <summary>Blobs mounted from the source repository within the same registry, so nothing was sent.</summary>
    public int BlobsMounted { get; }

    public long BytesUploaded { get; }

    public override string ToString() => $"{Destination}@{Digest}";
}
