namespace VeleroOpenShift.Registry;

/// <summary>
/// What a copy wrote: the top-level manifest as stored at the destination (its digest is the image's digest there)
/// and how each blob got there: uploaded, already present (found by HEAD), or mounted from another repository.
/// </summary>
public sealed record ImageCopyResult(
    string Source,
    string Destination,
    byte[] Manifest,
    string MediaType,
    string Digest,
    int Manifests,
    int BlobsUploaded,
    int BlobsSkipped,
    int BlobsMounted,
    long BytesUploaded);
