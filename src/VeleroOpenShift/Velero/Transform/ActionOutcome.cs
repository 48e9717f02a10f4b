namespace VeleroOpenShift.Velero.Transform;

/// <summary>What one action did to one item: the paths it changed and what it asked Velero to do.</summary>
public sealed record ActionOutcome(
    string Plugin,
    PluginKind Kind,
    IReadOnlyList<string> ChangedPaths,
    bool SkipRestore,
    IReadOnlyList<ResourceIdentifier> AdditionalItems,
    string? OperationId)
{
    public bool Changed => ChangedPaths.Count > 0;
}
