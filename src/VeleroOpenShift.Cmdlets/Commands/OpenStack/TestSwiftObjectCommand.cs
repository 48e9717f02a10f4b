using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;

namespace VeleroOpenShift.Cmdlets.Commands.OpenStack;

/// <summary>Tells whether an object exists ($false also when its container does not).</summary>
[Cmdlet(VerbsDiagnostic.Test, "SwiftObject")]
[OutputType(typeof(bool))]
public sealed class TestSwiftObjectCommand : SwiftCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Container { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    protected override void ProcessRecord()
    {
        var account = Account;
        RunForItem($"{Container}/{Name}", async cancellationToken =>
            Pipeline.WriteObject(await account.ExistsAsync(Container, Name, cancellationToken).ConfigureAwait(false)));
    }
}
