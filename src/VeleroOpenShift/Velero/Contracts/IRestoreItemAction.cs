using System.Text.Json.Nodes;

namespace VeleroOpenShift.Velero.Contracts;

/// <summary>
/// Velero RestoreItemAction (v1). <paramref name="item"/> of <see cref="ExecuteAsync"/> is the object about
/// to be created (after earlier actions; still in its source namespace), <c>itemFromBackup</c> the pristine copy.
/// </summary>
public interface IRestoreItemAction
{
    Task<RestoreItemActionResult> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken);
}

public class RestoreItemActionResult
{
    public RestoreItemActionResult(JsonObject item) => Item = item;

    /// <summary>The item to create; returned even when <see cref="SkipRestore"/> is set.</summary>
    public JsonObject Item { get; }

    public IList<ResourceIdentifier> AdditionalItems { get; init; } = [];

    /// <summary>Do not create the item and run no further actions on it.</summary>
    public bool SkipRestore { get; init; }

    public static RestoreItemActionResult Skip(JsonObject item) => new(item) { SkipRestore = true };
}
