using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Workloads;

/// <summary>Mirrors the original cronjob restore (16): job-template images move to the restore cluster's registry (spec §8.3).</summary>
public sealed class CronJobRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(restore);
        ContainerImages.SwapRegistry(item, "spec.jobTemplate.spec.template.spec", restore.NamespaceMapping, ItemReference.Of(item));
        return Task.FromResult(new RestoreItemActionResult(item));
    }
}
