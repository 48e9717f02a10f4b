using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Networking;

/// <summary>Mirrors the original service restore (15): a LoadBalancer loses its external IPs, which belong to the old cluster (spec §11).</summary>
public sealed class ServiceRestoreAction : IRestoreItemAction
{
    public Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reference = ItemReference.Of(item);
        if (ItemFields.GetString(item, "spec.type", reference) == "LoadBalancer")
        {
            ItemFields.Remove(item, "spec.externalIPs", reference);
        }

        return Task.FromResult(new RestoreItemActionResult(item));
    }
}
