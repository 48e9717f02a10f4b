using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;

namespace VeleroOpenShift.Cmdlets.Commands.OpenStack;

/// <summary>Deletes objects (a large object with its segments). Get-SwiftObject output binds by Container and Name.</summary>
[Cmdlet(VerbsCommon.Remove, "SwiftObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveSwiftObjectCommand : SwiftCmdlet
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
        var target = $"{Container}/{Name}";
        if (ShouldProcess(target, "Remove Swift object"))
        {
            RunForItem(target, cancellationToken => account.DeleteAsync(Container, Name, cancellationToken));
        }
    }
}
