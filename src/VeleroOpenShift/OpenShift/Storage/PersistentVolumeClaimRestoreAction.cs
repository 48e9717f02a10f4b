using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Storage;

/// <summary>
/// Mirrors the original PVC restore (04), migration workflow only (spec §10.3): a copied claim is unbound
/// from its old volume (no selector) and gets the target storage class and access mode; every migrated claim
/// loses its selected-node annotation, which names a node of the source cluster.
/// </summary>
public sealed class PersistentVolumeClaimRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(restore);
        if (!Workflow.IsMigration(restore))
        {
            return Task.FromResult(new RestoreItemActionResult(item));
        }

        var reference = ItemReference.Of(item);
        if (Metadata.Annotation(item, OpenShiftConstants.MigrateType, reference) == OpenShiftConstants.MigrateTypeCopy)
        {
            if (StageSnapshotRule.SkipOnStageRestore(item, restore, reference))
            {
                return Task.FromResult(RestoreItemActionResult.Skip(item));
            }

            ItemFields.Remove(item, "spec.selector", reference);
            StageSnapshotRule.ApplyTargetStorageClass(item, emptyMeansAbsent: false, reference);
            if (Metadata.Annotation(item, OpenShiftConstants.TargetAccessMode, reference) is { Length: > 0 } accessMode)
            {
                ItemFields.EnsureObject(item, "spec", reference)["accessModes"] = new JsonArray(accessMode);
            }
        }

        Metadata.RemoveAnnotation(item, OpenShiftConstants.SelectedNode, reference);
        return Task.FromResult(new RestoreItemActionResult(item));
    }
}
