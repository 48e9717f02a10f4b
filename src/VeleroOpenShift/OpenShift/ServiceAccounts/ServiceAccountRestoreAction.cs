using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.ServiceAccounts;

/// <summary>
/// Mirrors the original serviceaccount restore (02): the SA's own generated dockercfg secret is dropped from
/// <c>secrets</c> and <c>imagePullSecrets</c> (the last matching entry of each); the cluster generates a new
/// one for the restored SA (spec §6.2). Like later upstream (§14.4), it also warns when the target namespace's
/// SCC ranges differ from the ones recorded at backup, and drops that record.
/// </summary>
public sealed class ServiceAccountRestoreAction(IClusterLookups cluster, TimeProvider time, ILogger<ServiceAccountRestoreAction> logger) : IRestoreItemAction
{
    private readonly NamespaceSccRanges _ranges = new(cluster, time, logger);

    public async Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(itemFromBackup);
        ArgumentNullException.ThrowIfNull(restore);
        var reference = ItemReference.Of(item);
        var prefix = Metadata.Name(item, reference) + "-dockercfg-";
        RemoveLastWithPrefix(item, "secrets", prefix, reference);
        RemoveLastWithPrefix(item, "imagePullSecrets", prefix, reference);
        var targetNamespace = restore.MapNamespace(Metadata.Namespace(itemFromBackup, ItemReference.Of(itemFromBackup)));
        await _ranges.CheckAndForgetAsync(item, targetNamespace, cancellationToken).ConfigureAwait(false);
        return new RestoreItemActionResult(item);
    }

    private static void RemoveLastWithPrefix(JsonObject item, string key, string prefix, ItemReference reference)
    {
        var list = ItemFields.GetArray(item, key, reference);
        var entries = Fields.Objects(list, key, reference).ToList();
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var name = Fields.String(entries[i].Element, "name", $"{entries[i].Path}.name", reference);
            if (name is not null && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                list!.RemoveAt(i);
                return;
            }
        }
    }
}
