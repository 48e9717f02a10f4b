using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;

namespace VeleroOpenShift.Cmdlets.Commands.Cinder;

/// <summary>Lists the volumes of the connected project, or gets the volumes named by -VolumeId.</summary>
[Cmdlet(VerbsCommon.Get, "CinderVolume")]
[OutputType(typeof(CinderVolume))]
public sealed class GetCinderVolumeCommand : CinderCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? VolumeId { get; set; }

    protected override void ProcessRecord()
    {
        if (VolumeId is null)
        {
            RunForItem("volumes", async (account, cancellationToken) =>
            {
                await foreach (var volume in account.ListVolumesAsync(cancellationToken).ConfigureAwait(false))
                {
                    Pipeline.WriteObject(new CinderVolume(volume));
                }
            });
            return;
        }

        foreach (var id in VolumeId)
        {
            RunForItem(id, async (account, cancellationToken) =>
                Pipeline.WriteObject(new CinderVolume(await account.GetVolumeAsync(id, cancellationToken).ConfigureAwait(false))));
        }
    }
}
