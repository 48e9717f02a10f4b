using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;

namespace VeleroOpenShift.Cmdlets.Commands.Cinder;

/// <summary>Waits until volumes are available or in use, showing each status read; outputs them when they are.</summary>
[Cmdlet(VerbsLifecycle.Wait, "CinderVolume")]
[OutputType(typeof(CinderVolume))]
public sealed class WaitCinderVolumeCommand : CinderCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] VolumeId { get; set; } = [];

    /// <summary>How long to wait for each volume.</summary>
    [Parameter]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    protected override void ProcessRecord()
    {
        foreach (var id in VolumeId)
        {
            RunForItem(id, async (account, cancellationToken) =>
            {
                var progress = new WaitProgress(Pipeline, 1, $"Waiting for Cinder volume {id}");
                var volume = await account.WaitVolumeAsync(id, Timeout, progress, cancellationToken).ConfigureAwait(false);
                progress.Complete();
                Pipeline.WriteObject(new CinderVolume(volume));
            });
        }
    }
}
