namespace VeleroOpenShift.Velero;

/// <summary>
/// Progress of an asynchronous item operation (BackupItemAction v2 / RestoreItemAction v2).
/// <see cref="Completed"/> with a non-null <see cref="Error"/> means the operation failed.
/// Null times mean "unknown"; the shim sends Go's zero time for them, as Velero expects.
/// </summary>
public sealed record OperationProgress(
    bool Completed,
    string? Error = null,
    long CompletedUnits = 0,
    long TotalUnits = 0,
    string? Units = null,
    string? Description = null,
    DateTimeOffset? Started = null,
    DateTimeOffset? Updated = null);
