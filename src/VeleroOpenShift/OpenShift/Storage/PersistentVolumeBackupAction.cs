using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Storage;

/// <summary>
/// Mirrors the original PV backup (03), migration workflow only (spec §10.1): a PV to be moved gets the
/// Retain policy on the cluster and in the backup, so deleting the source claim does not delete its data;
/// the prior policy is kept in an annotation. The cluster PV is updated even when unchanged, as in the original.
/// </summary>
public sealed class PersistentVolumeBackupAction(IClusterLookups cluster) : IBackupItemAction
{
    public async Task<BackupItemActionResult> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(backup);
        if (!Workflow.IsMigration(backup))
        {
            return new BackupItemActionResult(item);
        }

        var reference = ItemReference.Of(item);
        var name = Metadata.Name(item, reference);
        var live = await cluster.GetAsync(ApiResources.PersistentVolumes, null, name, cancellationToken).ConfigureAwait(false)
            ?? throw new ClusterLookupException(FailureKind.NotFound, ApiResources.PersistentVolumes.Describe(null, name), "not found", 404);
        var liveReference = ItemReference.Of(live);
        var priorPolicy = ItemFields.GetString(item, "spec.persistentVolumeReclaimPolicy", reference) ?? string.Empty;
        if (Metadata.Annotation(live, OpenShiftConstants.MigrateType, liveReference) == OpenShiftConstants.MigrateTypeMove && priorPolicy != "Retain")
        {
            foreach (var (volume, volumeReference) in new[] { (live, liveReference), (item, reference) })
            {
                ItemFields.SetString(volume, "spec.persistentVolumeReclaimPolicy", "Retain", volumeReference);
                Metadata.SetAnnotation(volume, OpenShiftConstants.OriginalReclaimPolicy, priorPolicy, volumeReference);
            }
        }

        await cluster.ReplaceAsync(ApiResources.PersistentVolumes, live, cancellationToken).ConfigureAwait(false);
        return new BackupItemActionResult(item);
    }
}
