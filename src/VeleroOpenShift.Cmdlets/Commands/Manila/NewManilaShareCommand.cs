using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;

namespace VeleroOpenShift.Cmdlets.Commands.Manila;

/// <summary>
/// Creates a share from a snapshot, with the snapshot's protocol, size and share type, named as a Velero restore would
/// name it unless -Name is given. Get-ManilaSnapshot and New-ManilaSnapshot output bind by SnapshotId.
/// </summary>
[Cmdlet(VerbsCommon.New, "ManilaShare", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ManilaShare))]
public sealed class NewManilaShareCommand : ManilaCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SnapshotId")]
    [ValidateNotNullOrEmpty]
    public string FromSnapshot { get; set; } = "";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    [ValidateNotNull]
    public string? Description { get; set; }

    /// <summary>Returns the share once it is available instead of right after Manila accepted it.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    protected override void ProcessRecord()
    {
        var account = Account;
        if (!ShouldProcess($"snapshot {FromSnapshot}", "Create Manila share from snapshot"))
        {
            return;
        }

        RunForId(FromSnapshot, async cancellationToken =>
        {
            var share = await account.CreateShareFromSnapshotAsync(FromSnapshot, Name, Description, cancellationToken).ConfigureAwait(false);
            if (Wait)
            {
                share = await WaitForShareAsync(account, share.ShareId, Timeout, cancellationToken).ConfigureAwait(false);
            }

            Pipeline.WriteObject(new ManilaShare(share));
        });
    }
}
