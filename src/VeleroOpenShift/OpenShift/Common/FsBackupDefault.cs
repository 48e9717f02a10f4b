using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>
/// Whether the restore's backup made file-system backup the default for every volume (restic or kopia).
/// Only backups written before the DeploymentConfig fix need this (upstream #178); a Backup that cannot be
/// read counts as "no", logged, as in the original.
/// </summary>
internal static class FsBackupDefault
{
    public static async Task<bool> IsOnAsync(IClusterLookups cluster, VeleroRestore restore, ItemReference item, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var backup = await cluster.GetBackupForRestoreAsync(restore, cancellationToken).ConfigureAwait(false);
            return ItemFields.GetBoolean(backup.Json, "spec.defaultVolumesToRestic", backup.Reference) == true
                || ItemFields.GetBoolean(backup.Json, "spec.defaultVolumesToFsBackup", backup.Reference) == true;
        }
        catch (VeleroOpenShiftException e)
        {
            logger.LogWarning(e, "{Item}: cannot read the backup of restore {Restore}", item, restore.Name);
            return false;
        }
    }
}
