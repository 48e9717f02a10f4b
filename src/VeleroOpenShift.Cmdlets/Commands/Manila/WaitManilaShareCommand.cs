using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;

namespace VeleroOpenShift.Cmdlets.Commands.Manila;

/// <summary>
/// Waits until shares are available, showing their status as progress, and returns them. A share that goes to an
/// error status or does not get there in time is reported with its last status. New-ManilaShare output binds by ShareId.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "ManilaShare")]
[OutputType(typeof(ManilaShare))]
public sealed class WaitManilaShareCommand : ManilaCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] ShareId { get; set; } = [];

    [Parameter]
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    protected override void ProcessRecord()
    {
        var account = Account;
        foreach (var id in ShareId)
        {
            RunForId(id, async cancellationToken =>
                Pipeline.WriteObject(new ManilaShare(await WaitForShareAsync(account, id, Timeout, cancellationToken).ConfigureAwait(false))));
        }
    }
}
