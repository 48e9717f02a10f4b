using VeleroOpenShift.Errors;
using VeleroOpenShift.Velero.Archive;

namespace VeleroOpenShift.Velero.Transform;

/// <summary>What the preview did with one item of the backup.</summary>
public sealed record RestorePreviewItem(BackupArchiveEntry Entry, RestorePreviewOutcome Outcome, ItemTransformResult? Result, VeleroOpenShiftException? Error, string? WrittenTo);

public enum RestorePreviewOutcome
{
    /// <summary>The restore would create it; its manifest was written.</summary>
    Created,

    /// <summary>An action asked Velero not to restore it.</summary>
    Skipped,

    /// <summary>The Restore's filters, or Velero's list of resources it never restores, leave it out.</summary>
    Filtered,

    /// <summary>An action failed on it; Velero would record a restore error for it.</summary>
    Failed,
}
