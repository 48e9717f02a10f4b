using System.Text.Json.Nodes;

namespace VeleroOpenShift.Velero.Contracts;

/// <summary>Velero ItemBlockAction (Velero 1.15+): names the items that must be backed up together with an item.</summary>
public interface IItemBlockAction
{
    Task<IReadOnlyList<ResourceIdentifier>> GetRelatedItemsAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken);
}
