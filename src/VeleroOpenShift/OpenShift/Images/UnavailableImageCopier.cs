using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenShift.Images;

/// <summary>
/// The image copier until the registry copy engine exists: every copy, and every attempt to store images in
/// a backup storage location, fails with an error naming the image or location, so an image-stream backup
/// that needs a copy fails loudly instead of silently losing images. Streams with no internal images need
/// no copy and are not affected.
/// </summary>
public sealed class UnavailableImageCopier : IImageCopier
{
    public static UnavailableImageCopier Instance { get; } = new();

    public Task<string> OpenStorageLocationTransportAsync(StorageLocationTransportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        throw new ImageCopyNotAvailableException($"bsl://{request.LocationNamespace}/{request.LocationName}", "the backup storage location");
    }

    public Task<byte[]> CopyAsync(ImageCopyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        throw new ImageCopyNotAvailableException(request.Source, request.Destination);
    }
}
