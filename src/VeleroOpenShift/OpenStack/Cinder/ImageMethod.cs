using Microsoft.Extensions.Logging;
using VeleroOpenShift.OpenStack.Glance;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Cinder;

/// <summary>
/// Method <c>image</c>: the volume uploaded to Glance as a private image (microversion 3.1), which then gets the
/// properties of the image the volume came from (spec §5.4-§5.7). Velero's tags are not written to the image.
/// </summary>
internal sealed class ImageMethod(CinderOperations operations) : ICinderMethod
{
    public async Task<string> CreateAsync(string volumeId, string volumeAvailabilityZone, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var logger = operations.Logger;
        var volume = await operations.GetVolumeAsync(volumeId, cancellationToken).ConfigureAwait(false);
        var imageMetadata = volume.VolumeImageMetadata ?? new Dictionary<string, string>();
        var name = operations.Names.For(volumeId, ResourceKind.Image);
        logger.LogInformation("Creating image {ImageName} of volume {VolumeID}", name, volumeId);
        var upload = new UploadImage(name, Force: true, "private", OmitEmpty.Text(imageMetadata.GetValueOrDefault("container_format")), OmitEmpty.Text(imageMetadata.GetValueOrDefault("disk_format")));
        var imageId = await operations.Step($"failed to create image {name} from volume {volumeId}", $"volume {volumeId}", () =>
            operations.Cinder.UploadImageAsync(volumeId, upload, cancellationToken)).ConfigureAwait(false);
        await operations.Step($"image {imageId} didn't get into 'active' state within the time limit", $"image {imageId}", () =>
            operations.WaitImageAsync(imageId, cancellationToken)).ConfigureAwait(false);
        logger.LogInformation("Volume image is in 'active' state {ImageID}", imageId);
        await operations.Step("failed to update image properties", $"image {imageId}", () =>
            operations.Glance.PatchImageAsync(imageId, ImageProperties.Patch(volume.Size, imageMetadata, logger), cancellationToken)).ConfigureAwait(false);
        logger.LogInformation("Volume image finished successfuly {ImageID}", imageId);
        return imageId;
    }

    public async Task<string> RestoreAsync(string id, string volumeType, string volumeAvailabilityZone, CancellationToken cancellationToken)
    {
        var logger = operations.Logger;
        logger.LogInformation("Waiting for image to be in 'available' state {ImageID}", id);
        var image = await operations.Step($"image {id} didn't get into 'active' state within the time limit", $"image {id}", () =>
            operations.WaitImageAsync(id, cancellationToken)).ConfigureAwait(false);
        logger.LogInformation("Image is in 'active' state {ImageID}", id);
        var name = operations.Names.For(id, ResourceKind.Image);
        logger.LogInformation("Starting to create volume from image {ImageID} {VolumeName}", id, name);
        return await operations.CreateVolumeAsync(
            new VolumeCreate(name, "Velero backup from image", OmitEmpty.Text(volumeType), OmitEmpty.Text(volumeAvailabilityZone), ImageRef: id, Size: VolumeSize(image)),
            $"image {id}",
            cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await operations.Step($"failed to delete volume image {id}", $"image {id}", async () =>
        {
            try
            {
                await operations.Glance.DeleteImageAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (OpenStackServiceException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
            {
                operations.Logger.LogInformation("volume image is already deleted {ImageID}", id);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Cinder refuses a volume from an image without a size (Cinder 21 answers 400; the original plugin sends none,
    /// spec §5.5). min_disk is the source volume's size, written at backup by this plugin and the original;
    /// an image from elsewhere without it gets the GiB its data needs.
    /// </summary>
    private static int VolumeSize(GlanceImage image)
    {
        const long GiB = 1L << 30;
        return image.MinDisk > 0 ? image.MinDisk : (int)Math.Max(1, ((image.Size ?? 0) + GiB - 1) / GiB);
    }
}
