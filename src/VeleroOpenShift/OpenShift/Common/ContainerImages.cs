using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>
/// Moves container images from the backup cluster's internal registry to the restore cluster's (spec §4.4),
/// reading both host names from the annotations the common actions wrote on the item.
/// </summary>
internal static class ContainerImages
{
    /// <summary>Rewrites <c>containers</c> and <c>initContainers</c> of the pod spec at <paramref name="podSpecPath"/>; returns how many changed.</summary>
    public static int SwapRegistry(JsonObject item, string podSpecPath, IReadOnlyDictionary<string, string> mapping, ItemReference reference)
    {
        var backupRegistry = Metadata.Annotation(item, OpenShiftConstants.BackupRegistryHostname, reference);
        var restoreRegistry = Metadata.Annotation(item, OpenShiftConstants.RestoreRegistryHostname, reference);
        if (string.IsNullOrEmpty(backupRegistry) || string.IsNullOrEmpty(restoreRegistry))
        {
            return 0;
        }

        var podSpec = ItemFields.GetObject(item, podSpecPath, reference);
        if (podSpec is null)
        {
            return 0;
        }

        var changed = 0;
        foreach (var list in (string[])["containers", "initContainers"])
        {
            var listPath = $"{podSpecPath}.{list}";
            foreach (var (container, path) in Fields.Objects(Fields.Array(podSpec, list, listPath, reference), listPath, reference))
            {
                var image = Fields.String(container, "image", $"{path}.image", reference);
                if (image is not null && ImageReferences.TryReplacePrefix(image, backupRegistry, restoreRegistry, mapping, out var replaced))
                {
                    container["image"] = replaced;
                    changed++;
                }
            }
        }

        return changed;
    }
}
