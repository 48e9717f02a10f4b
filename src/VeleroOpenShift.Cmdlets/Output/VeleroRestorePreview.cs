using VeleroOpenShift.Velero.Transform;

namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>The outcome of a restore preview: totals, and one row per kind in <see cref="Kinds"/>.</summary>
public sealed class VeleroRestorePreview
{
    internal VeleroRestorePreview(string backupPath, string outputPath, RestorePreviewSummary summary)
    {
        BackupPath = backupPath;
        OutputPath = outputPath;
        Created = summary.Created;
        Changed = summary.Changed;
        Skipped = summary.Skipped;
        Filtered = summary.Filtered;
        Failed = summary.Failed;
        Invalid = summary.Invalid;
        Kinds = [.. summary.ByKind.Select(k => new VeleroRestorePreviewKind(k.Key, k.Value))];
    }

    public string BackupPath { get; }

    /// <summary>The folder the manifests were written to: <c>&lt;namespace or _cluster&gt;/&lt;resource&gt;/&lt;name&gt;.json</c>.</summary>
    public string OutputPath { get; }

    /// <summary>Items a restore would create.</summary>
    public int Created { get; }

    /// <summary>Created items an action edited.</summary>
    public int Changed { get; }

    /// <summary>Items an action asked Velero not to restore.</summary>
    public int Skipped { get; }

    /// <summary>Items left out by the Restore's filters or never restored by Velero.</summary>
    public int Filtered { get; }

    /// <summary>Items an action failed on (each also reported as an error).</summary>
    public int Failed { get; }

    /// <summary>Files of the archive that were not valid JSON.</summary>
    public int Invalid { get; }

    public VeleroRestorePreviewKind[] Kinds { get; }
}

/// <summary>The counts of one kind in a restore preview.</summary>
public sealed class VeleroRestorePreviewKind
{
    internal VeleroRestorePreviewKind(string kind, RestorePreviewSummary.KindCounts counts)
    {
        Kind = kind;
        Created = counts.Created;
        Changed = counts.Changed;
        Skipped = counts.Skipped;
        Filtered = counts.Filtered;
        Failed = counts.Failed;
    }

    public string Kind { get; }

    public int Created { get; }

    public int Changed { get; }

    public int Skipped { get; }

    public int Filtered { get; }

    public int Failed { get; }
}
