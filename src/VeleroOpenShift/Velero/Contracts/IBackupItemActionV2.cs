using System.Text.Json.Nodes;

namespace VeleroOpenShift.Velero.Contracts;

/// <summary>
/// Velero BackupItemAction v2: a backup action that may start an asynchronous operation, which Velero
/// then polls with <see cref="ProgressAsync"/> (usually in another process) and may cancel.
/// </summary>
public interface IBackupItemActionV2
{
    Task<BackupItemActionV2Result> ExecuteAsync(JsonObject item, VeleroBackup backup, CancellationToken cancellationToken);

    Task<OperationProgress> ProgressAsync(string operationId, VeleroBackup backup, CancellationToken cancellationToken);

    Task CancelAsync(string operationId, VeleroBackup backup, CancellationToken cancellationToken);
}

public sealed class BackupItemActionV2Result : BackupItemActionResult
{
    public BackupItemActionV2Result(JsonObject item)
        : base(item)
    {
    }

    /// <summary>Non-empty when an asynchronous operation was started.</summary>
    public string? OperationId { get; init; }

    /// <summary>Items Velero backs up again once the operation has completed.</summary>
    public IList<ResourceIdentifier> PostOperationItems { get; init; } = [];
}
