using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Rbac;

/// <summary>
/// Mirrors the original role-binding (21) and cluster-role-binding (22) restore actions for the
/// <c>authorization.openshift.io</c> group: the namespace binds the system bindings OpenShift creates for a
/// new namespace are skipped (21 only); role ref namespace, subjects, user and group names follow the
/// namespace mapping (spec §11, §4.6).
/// </summary>
public sealed class OpenShiftRoleBindingRestoreAction(bool skipSystemBindings) : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(restore);
        var reference = ItemReference.Of(item);
        if (skipSystemBindings && SystemRoleBindings.IsSystemBinding(item, reference))
        {
            return Task.FromResult(RestoreItemActionResult.Skip(item));
        }

        var mapping = restore.NamespaceMapping;
        if (mapping.Count > 0)
        {
            if (ItemFields.GetString(item, "roleRef.namespace", reference) is { Length: > 0 } ns
                && mapping.TryGetValue(ns, out var target) && target.Length > 0)
            {
                ItemFields.SetString(item, "roleRef.namespace", target, reference);
            }

            SubjectNamespaces.SwapSubjects(ItemFields.GetArray(item, "subjects", reference), "subjects", mapping, reference);
            SubjectNamespaces.SwapNames(ItemFields.GetArray(item, "userNames", reference), "userNames", SubjectNamespaces.SwapUserName, mapping, reference);
            SubjectNamespaces.SwapNames(ItemFields.GetArray(item, "groupNames", reference), "groupNames", SubjectNamespaces.SwapGroupName, mapping, reference);
        }

        return Task.FromResult(new RestoreItemActionResult(item));
    }
}
