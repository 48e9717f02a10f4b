using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Storage;

/// <summary>
/// Mirrors the original PV restore (03), migration workflow only (spec §10.2): a copied PV gets the target
/// storage class; snapshot copies are skipped by stage restores.
/// </summary>
public sealed class PersistentVolumeRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(restore);
        var reference = ItemReference.Of(item);
        if (!Workflow.IsMigration(restore) || Metadata.Annotation(item, OpenShiftConstants.MigrateType, reference) != OpenShiftConstants.MigrateTypeCopy)
        {
            return Task.FromResult(new RestoreItemActionResult(item));
        }

        if (StageSnapshotRule.SkipOnStageRestore(item, restore, reference))
        {
            return Task.FromResult(RestoreItemActionResult.Skip(item));
        }

        StageSnapshotRule.ApplyTargetStorageClass(item, emptyMeansAbsent: true, reference);
        return Task.FromResult(new RestoreItemActionResult(item));
    }
}
