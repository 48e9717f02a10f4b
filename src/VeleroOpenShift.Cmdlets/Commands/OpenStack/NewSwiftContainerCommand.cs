using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Cmdlets.Commands.OpenStack;

/// <summary>Creates containers. One that exists already is left as it is and returned, as Swift itself treats the PUT.</summary>
[Cmdlet(VerbsCommon.New, "SwiftContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SwiftContainer))]
public sealed class NewSwiftContainerCommand : SwiftCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Container { get; set; } = [];

    protected override void ProcessRecord()
    {
        foreach (var name in Container)
        {
            if (!ShouldProcess(name, "Create Swift container"))
            {
                continue;
            }

            var account = Account;
            RunForItem(name, async cancellationToken =>
            {
                var created = await account.CreateContainerAsync(name, cancellationToken).ConfigureAwait(false);
                Pipeline.WriteVerbose(created ? $"Created container {name}" : $"Container {name} exists already");
                Pipeline.WriteObject(new SwiftContainer(new SwiftContainerInfo(name, 0, 0, null)));
            });
        }
    }
}
