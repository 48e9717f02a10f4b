using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>
/// Mirrors the original common restore action (01): records the restore cluster's server version and
/// registry host name, which the workload restore actions read later in the same pass (spec §5.2).
/// </summary>
public sealed class CommonRestoreAction(IClusterLookups cluster) : IRestoreItemAction
{
    public async Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reference = ItemReference.Of(item);
        ItemFields.EnsureObject(item, "metadata.annotations", reference);
        var version = await cluster.GetServerVersionAsync(cancellationToken).ConfigureAwait(false);
        var registry = await cluster.GetInternalRegistryHostnameAsync(cancellationToken).ConfigureAwait(false);
        Metadata.SetAnnotation(item, OpenShiftConstants.RestoreServerVersion, version.ToString(), reference);
        Metadata.SetAnnotation(item, OpenShiftConstants.RestoreRegistryHostname, registry, reference);
        return new RestoreItemActionResult(item);
    }
}
