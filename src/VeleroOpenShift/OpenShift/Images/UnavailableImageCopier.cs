using VeleroOpenShift.Errors;

namespace VeleroOpenShift.OpenShift.Images;

/// <summary>
/// The image copier until the registry copy engine exists: every copy fails with an error that names the
/// image, so an image-stream backup that needs a copy fails loudly instead of silently losing images.
/// </summary>
public sealed class UnavailableImageCopier : IImageCopier
{
    public static UnavailableImageCopier Instance { get; } = new();

    public Task<byte[]> CopyAsync(ImageCopyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        throw new ImageCopyNotAvailableException(request.Source, request.Destination);
    }
}
