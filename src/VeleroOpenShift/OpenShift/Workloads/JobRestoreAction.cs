using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Workloads;

/// <summary>
/// Mirrors the original job restore (10): images move to the restore cluster's registry; jobs a CronJob
/// created (per the backed-up owner references) are skipped, the CronJob creates them again (spec §8.3).
/// </summary>
public sealed class JobRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(itemFromBackup);
        ArgumentNullException.ThrowIfNull(restore);
        ContainerImages.SwapRegistry(item, "spec.template.spec", restore.NamespaceMapping, ItemReference.Of(item));
        var ownedByCronJob = Metadata.OwnerReferences(itemFromBackup, ItemReference.Of(itemFromBackup)).Any(o => o.Kind == "CronJob");
        return Task.FromResult(ownedByCronJob ? RestoreItemActionResult.Skip(item) : new RestoreItemActionResult(item));
    }
}
