using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Workloads;

/// <summary>
/// Mirrors the original daemonset (11), replicaset (12), deployment (13) and statefulset (14) restore actions:
/// container images of the pod template move to the restore cluster's internal registry (spec §8.3).
/// ReplicaSets are always restored (upstream #170), so there is no owner check.
/// </summary>
public sealed class PodTemplateRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(restore);
        ContainerImages.SwapRegistry(item, "spec.template.spec", restore.NamespaceMapping, ItemReference.Of(item));
        return Task.FromResult(new RestoreItemActionResult(item));
    }
}
