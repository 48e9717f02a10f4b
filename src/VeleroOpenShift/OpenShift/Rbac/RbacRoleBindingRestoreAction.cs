using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Rbac;

/// <summary>
/// Mirrors the later upstream rbac role-binding restore (27, spec §14.1): the system bindings OpenShift
/// creates for a new namespace are skipped in the <c>rbac.authorization.k8s.io</c> group too; others are unchanged.
/// </summary>
public sealed class RbacRoleBindingRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Task.FromResult(SystemRoleBindings.IsSystemBinding(item, ItemReference.Of(item))
            ? RestoreItemActionResult.Skip(item)
            : new RestoreItemActionResult(item));
    }
}
