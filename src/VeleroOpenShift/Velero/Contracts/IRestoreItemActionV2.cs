using System.Text.Json.Nodes;

namespace VeleroOpenShift.Velero.Contracts;

/// <summary>
/// Velero RestoreItemAction v2: may start an asynchronous operation and may ask Velero to wait until
/// the additional items it named are ready.
/// </summary>
public interface IRestoreItemActionV2
{
    Task<RestoreItemActionV2Result> ExecuteAsync(JsonObject item, JsonObject itemFromBackup, VeleroRestore restore, CancellationToken cancellationToken);

    Task<OperationProgress> ProgressAsync(string operationId, VeleroRestore restore, CancellationToken cancellationToken);

    Task CancelAsync(string operationId, VeleroRestore restore, CancellationToken cancellationToken);

    Task<bool> AreAdditionalItemsReadyAsync(IReadOnlyList<ResourceIdentifier> additionalItems, VeleroRestore restore, CancellationToken cancellationToken);
}

public sealed class RestoreItemActionV2Result : RestoreItemActionResult
{
    public RestoreItemActionV2Result(JsonObject item)
        : base(item)
    {
    }

    public string? OperationId { get; init; }

    /// <summary>Ask Velero to poll <see cref="IRestoreItemActionV2.AreAdditionalItemsReadyAsync"/> after restoring them.</summary>
    public bool WaitForAdditionalItems { get; init; }

    /// <summary>How long Velero waits; zero means the server's resource timeout.</summary>
    public TimeSpan AdditionalItemsReadyTimeout { get; init; }
}
