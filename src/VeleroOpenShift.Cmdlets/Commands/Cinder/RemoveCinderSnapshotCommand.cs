using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using CinderMethod = VeleroOpenShift.OpenStack.Cinder.CinderMethod;

namespace VeleroOpenShift.Cmdlets.Commands.Cinder;

/// <summary>
/// Deletes what New-CinderSnapshot made (a snapshot, clone, backup or image), as Velero's backup deletion does; one
/// already gone is not an error. Get-CinderSnapshot and New-CinderSnapshot output bind by SnapshotId and Method.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "CinderSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveCinderSnapshotCommand : CinderCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string SnapshotId { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public CinderMethod Method { get; set; } = CinderMethod.Snapshot;

    /// <summary>Waits until it is gone, resetting an error status and deleting again (resetting needs admin rights).</summary>
    [Parameter]
    public SwitchParameter EnsureDeleted { get; set; }

    /// <summary>With -EnsureDeleted, how long to keep trying.</summary>
    [Parameter]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    private protected override IReadOnlyDictionary<string, string> LocationConfig => new Dictionary<string, string>
    {
        ["ensureDeleted"] = EnsureDeleted.IsPresent ? "true" : "false", ["ensureDeletedDelay"] = "2s",
        ["snapshotTimeout"] = Duration(Timeout), ["cloneTimeout"] = Duration(Timeout), ["backupTimeout"] = Duration(Timeout),
    };

    protected override void ProcessRecord()
    {
        if (ShouldProcess(SnapshotId, $"Remove Cinder {MethodName(Method)}"))
        {
            RunForItem(SnapshotId, async (account, cancellationToken) =>
            {
                var progress = new WaitProgress(Pipeline, 1, $"Removing Cinder {MethodName(Method)} {SnapshotId}");
                progress.Report("deleting");
                await account.DeleteSnapshotAsync(SnapshotId, Method, cancellationToken).ConfigureAwait(false);
                progress.Complete();
            });
        }
    }
}
