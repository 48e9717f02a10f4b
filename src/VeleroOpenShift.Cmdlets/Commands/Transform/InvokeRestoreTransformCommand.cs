using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Output;

namespace VeleroOpenShift.Cmdlets.Commands.Transform;

/// <summary>
/// Runs the restore actions on items the way Velero would during a restore: each applicable action in
/// registration order on the prepared item, then the namespace mapping. Changes nothing anywhere; the
/// transformed items are the output.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "RestoreTransform", DefaultParameterSetName = ItemSet)]
[OutputType(typeof(VeleroItemTransform))]
public sealed class InvokeRestoreTransformCommand : RestoreTransformCmdlet
{
    private const string ItemSet = "Item";
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>Items as they are in the backup: objects, Get-VeleroBackupItem output, JSON text, or a List.</summary>
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

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        TransformEach(Item, literal ? LiteralPath : Path, literal, (input, cancellationToken) => Transformer.RestoreAsync(input, VeleroRestore, cancellationToken));
    }
}
