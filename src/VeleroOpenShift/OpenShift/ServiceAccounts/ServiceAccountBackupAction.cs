using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.ServiceAccounts;

/// <summary>
/// Mirrors the original serviceaccount backup (02): the SA is backed up with the SCCs that name it as a user
/// (spec §6.1), and, like later upstream (§14.4), carries its namespace's SCC ranges for the restore to compare.
/// </summary>
public sealed class ServiceAccountBackupAction(IClusterLookups cluster, TimeProvider time, ILogger<ServiceAccountBackupAction> logger) : IBackupItemAction
{
    private readonly ServiceAccountSccIndex _index = new(cluster, time, logger);
    private readonly NamespaceSccRanges _ranges = new(cluster, time, logger);

    public async Task<BackupItemActionResult> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(backup);
        var related = await _index.RelatedItemsAsync(item, backup, cancellationToken).ConfigureAwait(false);
        await _ranges.RecordAsync(item, backup.Uid.Length > 0 ? backup.Uid : backup.Name, cancellationToken).ConfigureAwait(false);
        return new BackupItemActionResult(item) { AdditionalItems = [.. related] };
    }
}
