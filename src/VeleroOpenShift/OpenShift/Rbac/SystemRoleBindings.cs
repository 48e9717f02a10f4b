using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.OpenShift.Rbac;

/// <summary>
/// The role bindings OpenShift creates in every new namespace. Restoring the backed-up copy over them after
/// a namespace mapping breaks pulls from the internal registry (upstream PRs #311, #402).
/// </summary>
internal static class SystemRoleBindings
{
    public static bool IsSystemBinding(JsonObject item, ItemReference reference) =>
        ItemFields.GetString(item, "metadata.name", reference) is { } name && OpenShiftConstants.SystemRoleBindings.Contains(name);
}
