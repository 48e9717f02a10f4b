using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.OpenShift.Workloads;

/// <summary>
/// Turns a pod into a migration stage pod (spec §8.2 step 13): only its non-excluded PVC volumes stay,
/// every container sleeps in the stage image with only the mounts of those volumes. Divergence
/// (RECOMMENDED): init containers' mounts are filtered the same way, so none refers to a dropped volume.
/// </summary>
internal static class StagePods
{
    public static void Convert(JsonObject pod, string stageImage, ItemReference reference)
    {
        var excluded = (Metadata.Annotation(pod, OpenShiftConstants.ExcludePvcs, reference) ?? string.Empty).Split(',');
        var volumes = ItemFields.GetArray(pod, "spec.volumes", reference);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var keptVolumes = new JsonArray();
        foreach (var (volume, path) in Fields.Objects(volumes, "spec.volumes", reference).ToList())
        {
            var name = Fields.String(volume, "name", $"{path}.name", reference) ?? string.Empty;
            if (Fields.Object(volume, "persistentVolumeClaim", $"{path}.persistentVolumeClaim", reference) is not null && !excluded.Contains(name))
            {
                kept.Add(name);
                keptVolumes.Add(volume.DeepClone());
            }
        }

        // The original assigns a Go slice that stays nil when nothing is kept, which serialises as absent.
        if (volumes is not null)
        {
            SetOrRemove(ItemFields.EnsureObject(pod, "spec", reference), "volumes", keptVolumes);
        }

        foreach (var (container, path) in Fields.Objects(ItemFields.GetArray(pod, "spec.containers", reference), "spec.containers", reference))
        {
            container["image"] = stageImage;
            container["command"] = new JsonArray("sleep");
            container["args"] = new JsonArray("infinity");
            FilterMounts(container, path, kept, reference);
        }

        foreach (var (container, path) in Fields.Objects(ItemFields.GetArray(pod, "spec.initContainers", reference), "spec.initContainers", reference))
        {
            FilterMounts(container, path, kept, reference);
        }
    }

    private static void FilterMounts(JsonObject container, string path, HashSet<string> kept, ItemReference reference)
    {
        var mountsPath = $"{path}.volumeMounts";
        var mounts = Fields.Array(container, "volumeMounts", mountsPath, reference);
        if (mounts is null)
        {
            return;
        }

        var keptMounts = new JsonArray();
        foreach (var (mount, at) in Fields.Objects(mounts, mountsPath, reference).ToList())
        {
            if (kept.Contains(Fields.String(mount, "name", $"{at}.name", reference) ?? string.Empty))
            {
                keptMounts.Add(mount.DeepClone());
            }
        }

        SetOrRemove(container, "volumeMounts", keptMounts);
    }

    private static void SetOrRemove(JsonObject parent, string key, JsonArray values)
    {
        if (values.Count == 0)
        {
            parent.Remove(key);
        }
        else
        {
            parent[key] = values;
        }
    }
}
