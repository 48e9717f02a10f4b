using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Workloads;

/// <summary>
/// Mirrors the original replicationcontroller restore (09): images move to the restore cluster's registry;
/// an RC owned by a DeploymentConfig is skipped (the DC recreates it) unless its DC was paused at backup,
/// in which case the marker annotation is removed and the RC restored (spec §8.5).
/// </summary>
public sealed class ReplicationControllerRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(itemFromBackup);
        ArgumentNullException.ThrowIfNull(restore);
        var reference = ItemReference.Of(item);
        ContainerImages.SwapRegistry(item, "spec.template.spec", restore.NamespaceMapping, reference);
        foreach (var _ in Metadata.OwnerReferences(itemFromBackup, ItemReference.Of(itemFromBackup)).Where(o => o.Kind == "DeploymentConfig"))
        {
            if (!Metadata.HasAnnotation(item, OpenShiftConstants.PausedOwnerRef, reference))
            {
                return Task.FromResult(RestoreItemActionResult.Skip(item));
            }

            Metadata.RemoveAnnotation(item, OpenShiftConstants.PausedOwnerRef, reference);
        }

        return Task.FromResult(new RestoreItemActionResult(item));
    }
}
