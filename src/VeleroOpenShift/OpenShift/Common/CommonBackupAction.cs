using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;
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
        ArgumentNullException.ThrowIfNull(item);
        var reference = ItemReference.Of(item);
        ItemFields.EnsureObject(item, "metadata.annotations", reference);
        var version = await cluster.GetServerVersionAsync(cancellationToken).ConfigureAwait(false);
        var registry = await cluster.GetInternalRegistryHostnameAsync(cancellationToken).ConfigureAwait(false);
        Metadata.SetAnnotation(item, OpenShiftConstants.BackupServerVersion, version.ToString(), reference);
        Metadata.SetAnnotation(item, OpenShiftConstants.BackupRegistryHostname, registry, reference);
        return new BackupItemActionResult(item);
    }
}
