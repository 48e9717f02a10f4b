using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.ServiceAccounts;

/// <summary>Mirrors the original serviceaccount backup (02): the SA is backed up with the SCCs that name it as a user (spec §6.1).</summary>
public sealed class ServiceAccountBackupAction(IClusterLookups cluster, TimeProvider time, ILogger<ServiceAccountBackupAction> logger) : IBackupItemAction
{
    private readonly ServiceAccountSccIndex _index = new(cluster, time, logger);

    public async Task<BackupItemActionResult> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(backup);
        var related = await _index.RelatedItemsAsync(item, backup, cancellationToken).ConfigureAwait(false);
        return new BackupItemActionResult(item) { AdditionalItems = [.. related] };
    }
}
