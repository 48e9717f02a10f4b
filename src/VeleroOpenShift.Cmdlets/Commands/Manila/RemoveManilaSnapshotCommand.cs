using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;

namespace VeleroOpenShift.Cmdlets.Commands.Manila;

/// <summary>Deletes snapshots; Manila removes them in the background. Get-ManilaSnapshot output binds by SnapshotId.</summary>
[Cmdlet(VerbsCommon.Remove, "ManilaSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveManilaSnapshotCommand : ManilaCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] SnapshotId { get; set; } = [];

    protected override void ProcessRecord()
    {
        var account = Account;
        foreach (var id in SnapshotId)
        {
            if (ShouldProcess($"snapshot {id}", "Remove Manila snapshot"))
            {
                RunForId(id, cancellationToken => account.DeleteSnapshotAsync(id, cancellationToken));
            }
        }
    }
}
