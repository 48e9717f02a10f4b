using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using CinderMethod = VeleroOpenShift.OpenStack.Cinder.CinderMethod;

namespace VeleroOpenShift.Cmdlets.Commands.Cinder;

/// <summary>
/// Restores a volume from what New-CinderSnapshot made, as Velero's restore does, and waits until it is available.
/// New-CinderSnapshot and Get-CinderSnapshot output bind by SnapshotId and Method.
/// </summary>
[Cmdlet(VerbsCommon.New, "CinderVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(CinderVolume))]
public sealed class NewCinderVolumeCommand : CinderCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SnapshotId")]
    [ValidateNotNullOrEmpty]
    public string FromSnapshot { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public CinderMethod Method { get; set; } = CinderMethod.Snapshot;

    /// <summary>The new volume's type; ignored by the clone method, which keeps the clone's.</summary>
    [Parameter]
    [ValidateNotNull]
    public string VolumeType { get; set; } = "";

    [Parameter]
    [ValidateNotNull]
    public string AvailabilityZone { get; set; } = "";

    /// <summary>How long to wait for the snapshot, backup or image to be ready and for the new volume.</summary>
    [Parameter]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    private protected override IReadOnlyDictionary<string, string> LocationConfig => new Dictionary<string, string>
    {
        ["volumeTimeout"] = Duration(Timeout), ["snapshotTimeout"] = Duration(Timeout),
        ["backupTimeout"] = Duration(Timeout), ["imageTimeout"] = Duration(Timeout),
    };

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(FromSnapshot, $"Create Cinder volume from {MethodName(Method)}"))
        {
            return;
        }

        RunForItem(FromSnapshot, async (account, cancellationToken) =>
        {
            var progress = new WaitProgress(Pipeline, 1, $"Creating a Cinder volume from {MethodName(Method)} {FromSnapshot}");
            progress.Report("creating");
            var volumeId = await account.CreateVolumeFromSnapshotAsync(FromSnapshot, Method, VolumeType, AvailabilityZone, cancellationToken).ConfigureAwait(false);
            progress.Complete();
            Pipeline.WriteObject(new CinderVolume(await account.GetVolumeAsync(volumeId, cancellationToken).ConfigureAwait(false)));
        });
    }
}
