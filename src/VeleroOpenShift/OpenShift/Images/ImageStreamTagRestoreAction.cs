using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Images;

/// <summary>
/// Mirrors the original imagestreamtag restore (04, RestoreItemAction v2 "istag-restore"), spec §7.7:
/// tags that reference other tags or external images are restored after the tag they reference; tags of
/// local images are skipped, since pushing the image recreates them. Namespaces in references follow the mapping.
/// </summary>
public sealed class ImageStreamTagRestoreAction(IClusterLookups cluster) : IRestoreItemActionV2
{
    public Task<RestoreItemActionV2Result> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(restore);
        var reference = ItemReference.Of(item);
        var mapping = restore.NamespaceMapping;
        var backupRegistry = Metadata.Annotation(item, OpenShiftConstants.BackupRegistryHostname, reference) ?? string.Empty;
        var imageReference = ItemFields.GetString(item, "image.dockerImageReference", reference) ?? string.Empty;
        var local = backupRegistry.Length > 0 && ImageReferences.HasPrefix(imageReference, backupRegistry);

        List<ResourceIdentifier> additional = [];
        if (Metadata.Annotation(item, OpenShiftConstants.RelatedIstagNamespace, reference) is { Length: > 0 } relatedNamespace
            && Metadata.Annotation(item, OpenShiftConstants.RelatedIstag, reference) is { Length: > 0 } related)
        {
            additional.Add(new ResourceIdentifier(OpenShiftConstants.ImageStreamTagGroup, OpenShiftConstants.ImageStreamTagResource, relatedNamespace, related));
        }

        var isReference = false;
        if (ItemFields.GetObject(item, "tag.from", reference) is { } from)
        {
            isReference = true;
            ItemFields.Remove(item, "tag.annotations", reference);
            var kind = Fields.String(from, "kind", "tag.from.kind", reference);
            var ns = Fields.String(from, "namespace", "tag.from.namespace", reference) ?? string.Empty;
            if (kind == "ImageStreamImage" && (ns.Length == 0 || ns == Metadata.Namespace(item, reference)))
            {
                isReference = false;
            }

            if (kind is "ImageStreamTag" or "ImageStreamImage" && ns.Length > 0 && mapping.TryGetValue(ns, out var target) && target.Length > 0)
            {
                from["namespace"] = target;
            }
        }

        return Task.FromResult(isReference || !local
            ? new RestoreItemActionV2Result(item) { AdditionalItems = additional, WaitForAdditionalItems = true }
            : new RestoreItemActionV2Result(item) { SkipRestore = true });
    }

    public Task<OperationProgress> ProgressAsync(string operationId, VeleroRestore restore, CancellationToken cancellationToken) =>
        throw new InvalidInputException($"operation {operationId}", "async operations not supported");

    public Task CancelAsync(string operationId, VeleroRestore restore, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Ready when every referenced image stream tag exists in its target namespace; a failed look-up means "not yet".</summary>
    public async Task<bool> AreAdditionalItemsReadyAsync(IReadOnlyList<ResourceIdentifier> additionalItems, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(additionalItems);
        ArgumentNullException.ThrowIfNull(restore);
        foreach (var tag in additionalItems.Where(i => i.Group == OpenShiftConstants.ImageStreamTagGroup && i.Resource == OpenShiftConstants.ImageStreamTagResource))
        {
            try
            {
                if (await cluster.GetAsync(ApiResources.ImageStreamTags, restore.MapNamespace(tag.Namespace), tag.Name, cancellationToken).ConfigureAwait(false) is null)
                {
                    return false;
                }
            }
            catch (ClusterLookupException)
            {
                return false;
            }
        }

        return true;
    }
}
