using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenShift.Images;

/// <summary>
/// The image copier of the offline front ends (restore preview, transform cmdlets), which change nothing outside
/// themselves: every copy, and every attempt to store images in a backup storage location, fails with an error
/// naming the image or location, so a stream that needs a copy shows as failed instead of silently losing images.
/// Streams with no internal images need no copy and are not affected. The plugin copies through
/// <see cref="RegistryImageCopier"/>; <c>Copy-ContainerImage</c> copies one image on request.
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
