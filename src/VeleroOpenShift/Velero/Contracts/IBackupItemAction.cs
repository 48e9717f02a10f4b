using System.Text.Json.Nodes;

namespace VeleroOpenShift.Velero.Contracts;

/// <summary>
/// Velero BackupItemAction (v1): sees each backed-up item it applies to, may rewrite it and name more
/// items to back up. What it applies to is declared in its registration, not by the action.
/// </summary>
public interface IBackupItemAction
{
    Task<BackupItemActionResult> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken);
}

public class BackupItemActionResult
{
    public BackupItemActionResult(JsonObject item) => Item = item;

    /// <summary>The item to store: the input, edited in place, unless the action replaced it.</summary>
    public JsonObject Item { get; }

    public IList<ResourceIdentifier> AdditionalItems { get; init; } = [];
}
