using System.Text.Json.Nodes;
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
        await ClusterFactsStamp.ApplyAsync(item, cluster, OpenShiftConstants.RestoreServerVersion, OpenShiftConstants.RestoreRegistryHostname, cancellationToken).ConfigureAwait(false);
        return new RestoreItemActionResult(item);
    }
}
