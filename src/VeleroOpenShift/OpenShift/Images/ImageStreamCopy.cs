using System.Security.Cryptography;
using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.OpenShift.Images;

/// <summary>Where a stream's images go: registries, credential contexts, the bsl:// transport if any.</summary>
internal sealed record ImageStreamCopyPlan(
    string InternalRegistry,
    string SourceRegistry,
    string DestinationRegistry,
    string DestinationNamespace,
    bool UpdateDigest,
    RegistryContext SourceContext,
    RegistryContext DestinationContext,
    string? TransportName);

/// <summary>
/// Copies the internal images of an image stream's status tags (spec §7.3), oldest history item first.
/// Divergences (RECOMMENDED, upstream #443): the source is the stream's own repository by digest, not the
/// status item's repository (which may belong to a pruned namespace), items without a digest are skipped,
/// and "internal" compares the host segment rather than a plain string prefix.
/// </summary>
internal sealed class ImageStreamCopy(IImageCopier copier)
{
    public async Task CopyAsync(JsonObject stream, ImageStreamCopyPlan plan, CancellationToken cancellationToken)
    {
        var reference = ItemReference.Of(stream);
        var streamName = Metadata.Name(stream, reference);
        var streamNamespace = Metadata.Namespace(stream, reference);
        var specTags = Fields.Objects(ItemFields.GetArray(stream, "spec.tags", reference), "spec.tags", reference).ToList();
        foreach (var (statusTag, tagPath) in Fields.Objects(ItemFields.GetArray(stream, "status.tags", reference), "status.tags", reference).ToList())
        {
            var tag = Fields.String(statusTag, "tag", $"{tagPath}.tag", reference) ?? string.Empty;
            var copyToTag = CopiesToTag(specTags, tag, streamNamespace, reference);
            var items = Fields.Objects(Fields.Array(statusTag, "items", $"{tagPath}.items", reference), $"{tagPath}.items", reference).ToList();
            for (var i = items.Count - 1; i >= 0; i--)
            {
                var (item, itemPath) = items[i];
                var imageReference = Fields.String(item, "dockerImageReference", $"{itemPath}.dockerImageReference", reference) ?? string.Empty;
                var digest = Fields.String(item, "image", $"{itemPath}.image", reference) ?? string.Empty;
                if (plan.InternalRegistry.Length == 0 || !ImageReferences.HasPrefix(imageReference, plan.InternalRegistry) || digest.Length == 0)
                {
                    continue;
                }

                if (plan.SourceRegistry.Length == 0)
                {
                    throw new InvalidConfigurationException(OpenShiftConstants.MigrationRegistry, "copy source registry not found but ImageStream has internal images");
                }

                if (plan.DestinationRegistry.Length == 0)
                {
                    throw new InvalidConfigurationException(OpenShiftConstants.MigrationRegistry, "copy destination registry not found but ImageStream has internal images");
                }

                var source = Url(plan.SourceRegistry, plan.TransportName, $"/{streamNamespace}/{streamName}@{digest}");
                var destination = Url(plan.DestinationRegistry, plan.TransportName, $"/{plan.DestinationNamespace}/{streamName}" + (copyToTag ? ":" + tag : string.Empty));
                var manifest = await copier.CopyAsync(new ImageCopyRequest(source, destination, plan.SourceContext, plan.DestinationContext), cancellationToken).ConfigureAwait(false);
                var copied = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifest));
                if (plan.UpdateDigest && copied != digest)
                {
                    item["image"] = copied;
                    if (imageReference.Count(c => c == '@') == 1)
                    {
                        item["dockerImageReference"] = imageReference[..imageReference.IndexOf('@', StringComparison.Ordinal)] + "@" + copied;
                    }
                }
            }
        }
    }

    // A tag that tracks another tag or an external image is not re-pushed under its own name.
    private static bool CopiesToTag(List<(JsonObject Element, string Path)> specTags, string tag, string streamNamespace, ItemReference reference)
    {
        foreach (var (specTag, path) in specTags)
        {
            if (Fields.String(specTag, "name", $"{path}.name", reference) != tag)
            {
                continue;
            }

            if (Fields.Object(specTag, "from", $"{path}.from", reference) is not { } from)
            {
                return true;
            }

            var ns = Fields.String(from, "namespace", $"{path}.from.namespace", reference) ?? string.Empty;
            return Fields.String(from, "kind", $"{path}.from.kind", reference) == "ImageStreamImage" && (ns.Length == 0 || ns == streamNamespace);
        }

        return true;
    }

    private static string Url(string registry, string? transportName, string path)
    {
        string url;
        if (registry.StartsWith(OpenShiftConstants.BslRegistryPrefix, StringComparison.Ordinal))
        {
            if (transportName is null)
            {
                throw new InvalidConfigurationException(OpenShiftConstants.MigrationRegistry, "udistribution transport not found");
            }

            url = $"{transportName}://{registry[OpenShiftConstants.BslRegistryPrefix.Length..]}{path}";
        }
        else
        {
            url = $"docker://{registry}{path}";
        }

        return url.Replace(":///", "://", StringComparison.Ordinal);
    }
}
