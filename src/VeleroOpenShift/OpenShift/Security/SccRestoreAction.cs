using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Security;

/// <summary>
/// Mirrors the original SCC restore (20): service-account users (<c>system:serviceaccount:&lt;ns&gt;:&lt;sa&gt;</c>)
/// follow the namespace mapping; groups are untouched (spec §6.3).
/// </summary>
public sealed class SccRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(restore);
        var mapping = restore.NamespaceMapping;
        if (mapping.Count > 0)
        {
            var reference = ItemReference.Of(item);
            SubjectNamespaces.SwapNames(ItemFields.GetArray(item, "users", reference), "users", SubjectNamespaces.SwapUserName, mapping, reference);
        }

        return Task.FromResult(new RestoreItemActionResult(item));
    }
}
