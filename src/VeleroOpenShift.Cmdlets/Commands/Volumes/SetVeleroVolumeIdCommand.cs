using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Cmdlets.Commands.Volumes;

/// <summary>
/// Points a PersistentVolume at another Cinder volume or Manila share, as the snapshotters' SetVolumeID does on a
/// restore, and returns the updated PV as JSON (for kubectl apply). The input object is not changed.
/// </summary>
[Cmdlet(VerbsCommon.Set, "VeleroVolumeId", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(string))]
public sealed class SetVeleroVolumeIdCommand : VeleroCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    /// <summary>The Cinder volume id or Manila share id the PV should name.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string VolumeId { get; set; } = "";

    /// <summary>For a Manila PV: the access rule id to write as shareAccessID; without it the PV keeps its own.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ShareAccessId { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string ManilaDriver { get; set; } = PersistentVolumeIds.DefaultManilaDriver;

    protected override void ProcessRecord()
    {
        try
        {
            var persistentVolume = ItemConverter.ToJsonObject(InputObject, "PersistentVolume");
            var target = ItemReference.Of(persistentVolume).ToString();
            if (ShouldProcess(target, $"Point at volume {VolumeId}"))
            {
                WriteObject(KubeJson.Serialize(PersistentVolumeIds.Set(persistentVolume, VolumeId, ManilaDriver, ShareAccessId), indented: true));
            }
        }
        catch (VeleroOpenShiftException e)
        {
            WriteFailure(e);
        }
    }
}
