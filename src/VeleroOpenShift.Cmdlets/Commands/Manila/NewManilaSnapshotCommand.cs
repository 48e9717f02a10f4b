using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;

namespace VeleroOpenShift.Cmdlets.Commands.Manila;

/// <summary>Snapshots shares, named as a Velero backup would name them unless -Name is given. Get-ManilaShare output binds by ShareId.</summary>
[Cmdlet(VerbsCommon.New, "ManilaSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ManilaSnapshot))]
public sealed class NewManilaSnapshotCommand : ManilaCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ShareId { get; set; } = "";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    [ValidateNotNull]
    public string? Description { get; set; }

    /// <summary>Returns the snapshot once it is available instead of right after Manila accepted it.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    protected override void ProcessRecord()
    {
        var account = Account;
        if (!ShouldProcess($"share {ShareId}", "Create Manila snapshot"))
        {
            return;
        }

        RunForId(ShareId, async cancellationToken =>
        {
            var snapshot = await account.CreateSnapshotAsync(ShareId, Name, Description, cancellationToken).ConfigureAwait(false);
            if (Wait)
            {
                snapshot = await WaitForSnapshotAsync(account, snapshot.SnapshotId, Timeout, cancellationToken).ConfigureAwait(false);
            }

            Pipeline.WriteObject(new ManilaSnapshot(snapshot));
        });
    }
}
