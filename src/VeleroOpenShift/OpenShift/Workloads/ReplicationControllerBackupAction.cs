using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Workloads;

/// <summary>
/// Mirrors the original replicationcontroller backup (09): an RC of a paused DeploymentConfig is marked so
/// the restore keeps it (spec §8.4). Divergence (RECOMMENDED): only the annotation is added; the original
/// round-tripped the RC through the ReplicaSet type and replaced its map selector by <c>{}</c>.
/// </summary>
public sealed class ReplicationControllerBackupAction(IClusterLookups cluster) : IBackupItemAction
{
    public async Task<BackupItemActionResult> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reference = ItemReference.Of(item);
        var ns = Metadata.Namespace(item, reference);
        foreach (var owner in Metadata.OwnerReferences(item, reference).Where(o => o.Kind == "DeploymentConfig"))
        {
            var dc = await cluster.GetAsync(ApiResources.DeploymentConfigs, ns, owner.Name, cancellationToken).ConfigureAwait(false)
                ?? throw new ClusterLookupException(FailureKind.NotFound, ApiResources.DeploymentConfigs.Describe(ns, owner.Name), "not found", 404);
            if (ItemFields.GetBoolean(dc, "spec.paused", ItemReference.Of(dc)) == true)
            {
                Metadata.SetAnnotation(item, OpenShiftConstants.PausedOwnerRef, "true", reference);
            }
        }

        return new BackupItemActionResult(item);
    }
}
