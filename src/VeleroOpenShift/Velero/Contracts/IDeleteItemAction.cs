using System.Text.Json.Nodes;

namespace VeleroOpenShift.Velero.Contracts;

/// <summary>Velero DeleteItemAction: runs for matching items of a backup that is being deleted.</summary>
public interface IDeleteItemAction
{
    Task ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken);
}
