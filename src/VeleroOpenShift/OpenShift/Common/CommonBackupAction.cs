using System.Text.Json.Nodes;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>
/// Mirrors the original common backup action (01): records the backup cluster's server version and internal
/// registry host name on the item, for the restore actions to compare with the restore cluster's (spec §5.1).
/// </summary>
public sealed class CommonBackupAction(IClusterLookups cluster) : IBackupItemAction
{
    public async Task<BackupItemActionResult> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
    {
        await ClusterFactsStamp.ApplyAsync(item, cluster, OpenShiftConstants.BackupServerVersion, OpenShiftConstants.BackupRegistryHostname, cancellationToken).ConfigureAwait(false);
        return new BackupItemActionResult(item);
    }
}
