using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.Cmdlets.Commands.Transform;

/// <summary>
/// Runs the backup actions on items the way Velero would while backing them up, and returns the items as
/// they would be stored, with the additional items the actions name. Changes nothing anywhere.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "BackupTransform", DefaultParameterSetName = ItemSet)]
[OutputType(typeof(VeleroItemTransform))]
public sealed class InvokeBackupTransformCommand : TransformCmdlet
{
    private const string ItemSet = "Item";
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>Items as they are in the cluster: objects, JSON text, or a List.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ItemSet)]
    [ValidateNotNull]
    public object? Item { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    private protected override PluginKind[] ActionKinds => [PluginKind.BackupItemAction, PluginKind.BackupItemActionV2];

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        TransformEach(Item, literal ? LiteralPath : Path, literal, (input, cancellationToken) => Transformer.BackupAsync(input, VeleroBackup, cancellationToken));
    }
}
