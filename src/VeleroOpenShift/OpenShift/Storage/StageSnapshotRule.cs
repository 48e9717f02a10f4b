using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.OpenShift.Storage;

/// <summary>Snapshot-copied volumes are restored on the final migration only, never by a stage restore (spec §10.2).</summary>
internal static class StageSnapshotRule
{
    public static bool SkipOnStageRestore(JsonObject volume, VeleroRestore restore, ItemReference reference) =>
        restore.Annotations.TryGetValue(OpenShiftConstants.MigMigrationType, out var type) && type == OpenShiftConstants.MigMigrationTypeStage
        && restore.Labels.TryGetValue(OpenShiftConstants.StageRestoreLabel, out var stage) && stage.Length > 0
        && Metadata.Annotation(volume, OpenShiftConstants.CopyMethod, reference) == OpenShiftConstants.CopyMethodSnapshot;

    /// <summary>
    /// Sets the target storage class and, if the beta annotation is in use, that too. An empty class is
    /// absent on a PV (an omitempty string in the original) but an explicit "" on a PVC (a pointer there).
    /// </summary>
    public static void ApplyTargetStorageClass(JsonObject volume, bool emptyMeansAbsent, ItemReference reference)
    {
        var storageClass = Metadata.Annotation(volume, OpenShiftConstants.TargetStorageClass, reference) ?? string.Empty;
        if (storageClass.Length == 0 && emptyMeansAbsent)
        {
            ItemFields.Remove(volume, "spec.storageClassName", reference);
        }
        else
        {
            ItemFields.SetString(volume, "spec.storageClassName", storageClass, reference);
        }

        if (Metadata.Annotation(volume, OpenShiftConstants.BetaStorageClass, reference) is { Length: > 0 })
        {
            Metadata.SetAnnotation(volume, OpenShiftConstants.BetaStorageClass, storageClass, reference);
        }
    }
}
