using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>
/// Whether Velero's file-system backup would handle any volume of a pod (spec §4.9), assuming fs-backup
/// is on by default. A volume opted out through the excludes annotation still counts.
/// </summary>
internal static class PodVolumes
{
    private static readonly string[] SkippedSources = ["hostPath", "secret", "configMap", "projected", "downwardAPI"];

    public static bool HasVolumesToBackUp(JsonObject pod, ItemReference reference)
    {
        var excluded = (Metadata.Annotation(pod, OpenShiftConstants.BackupVolumesExcludes, reference) ?? string.Empty).Split(',');
        foreach (var (volume, path) in Fields.Objects(ItemFields.GetArray(pod, "spec.volumes", reference), "spec.volumes", reference))
        {
            if (SkippedSources.Any(source => volume[source] is not null))
            {
                continue;
            }

            var name = Fields.String(volume, "name", $"{path}.name", reference) ?? string.Empty;
            if (excluded.Contains(name))
            {
                return true;
            }

            if (!name.StartsWith("default-token", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
