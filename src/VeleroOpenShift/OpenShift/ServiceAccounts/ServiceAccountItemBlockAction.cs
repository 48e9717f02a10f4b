using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.Velero;
using VeleroOpenShift.Velero.Contracts;

namespace VeleroOpenShift.OpenShift.ServiceAccounts;

/// <summary>Mirrors the original serviceaccount item block action (02, "serviceaccount-iba"): the SA's SCCs belong to its item block (spec §6.1).</summary>
public sealed class ServiceAccountItemBlockAction(IClusterLookups cluster, TimeProvider time, ILogger<ServiceAccountItemBlockAction> logger) : IItemBlockAction
{
    private readonly ServiceAccountSccIndex _index = new(cluster, time, logger);

    public Task<IReadOnlyList<ResourceIdentifier>> GetRelatedItemsAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(backup);
        return _index.RelatedItemsAsync(item, backup, cancellationToken);
    }
}
