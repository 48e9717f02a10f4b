using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Images;

/// <summary>
/// Mirrors the original imagestreamtag backup (04): a tag that references another tag (directly, or by
/// image digest through a tag of that image) records that tag, so the restore can wait for it (spec §7.6).
/// Look-up failures are ignored, as in the original.
/// </summary>
public sealed class ImageStreamTagBackupAction(IClusterLookups cluster, ILogger<ImageStreamTagBackupAction> logger) : IBackupItemAction
{
    public async Task<BackupItemActionResult> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reference = ItemReference.Of(item);
        Metadata.RemoveAnnotation(item, OpenShiftConstants.RelatedIstag, reference);
        Metadata.RemoveAnnotation(item, OpenShiftConstants.RelatedIstagNamespace, reference);
        if (ItemFields.GetObject(item, "tag.from", reference) is not { } from)
        {
            return new BackupItemActionResult(item);
        }

        var kind = Fields.String(from, "kind", "tag.from.kind", reference);
        var name = Fields.String(from, "name", "tag.from.name", reference) ?? string.Empty;
        var tagNamespace = Fields.String(from, "namespace", "tag.from.namespace", reference) is { Length: > 0 } ns ? ns : Metadata.Namespace(item, reference);
        try
        {
            var related = kind switch
            {
                "ImageStreamTag" => await cluster.GetAsync(ApiResources.ImageStreamTags, tagNamespace, name, cancellationToken).ConfigureAwait(false) is not null ? name : null,
                "ImageStreamImage" => await TagOfImageAsync(tagNamespace, name, cancellationToken).ConfigureAwait(false),
                _ => null,
            };
            if (related is not null)
            {
                Metadata.SetAnnotation(item, OpenShiftConstants.RelatedIstagNamespace, tagNamespace, reference);
                Metadata.SetAnnotation(item, OpenShiftConstants.RelatedIstag, related, reference);
            }
        }
        catch (VeleroOpenShiftException e)
        {
            logger.LogWarning(e, "{Item}: cannot look up the tag it references", reference);
        }

        return new BackupItemActionResult(item);
    }

    /// <summary>The first tag in <paramref name="ns"/> of the image <c>stream@digest</c> that is not itself a reference to another tag.</summary>
    private async Task<string?> TagOfImageAsync(string ns, string imageName, CancellationToken cancellationToken)
    {
        var parts = imageName.Split('@');
        if (parts.Length != 2 || parts[1].Length == 0)
        {
            return null;
        }

        foreach (var tag in await cluster.ListAsync(ApiResources.ImageStreamTags, ns, null, cancellationToken).ConfigureAwait(false))
        {
            var tagReference = ItemReference.Of(tag);
            var tagIsPlain = ItemFields.GetObject(tag, "tag", tagReference) is null
                || ItemFields.GetString(tag, "tag.from.kind", tagReference) == "DockerImage";
            if (ItemFields.GetString(tag, "image.metadata.name", tagReference) == parts[1] && tagIsPlain)
            {
                return ItemFields.GetString(tag, "metadata.name", tagReference);
            }
        }

        return null;
    }
}
