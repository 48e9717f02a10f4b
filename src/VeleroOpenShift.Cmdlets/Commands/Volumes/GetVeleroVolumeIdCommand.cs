using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Cmdlets.Commands.Volumes;

/// <summary>
/// Tells, for PersistentVolumes, which OpenStack snapshotter Velero would hand each to and the id it would snapshot,
/// exactly as the snapshotters' GetVolumeID reads it. Needs no cloud.
/// </summary>
[Cmdlet(VerbsCommon.Get, "VeleroVolumeId")]
[OutputType(typeof(VeleroVolumeId))]
public sealed class GetVeleroVolumeIdCommand : VeleroCmdlet
{
    /// <summary>A PersistentVolume: JSON text, ConvertFrom-Json output or a hashtable.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    /// <summary>The Manila VolumeSnapshotLocation's driver key.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string ManilaDriver { get; set; } = PersistentVolumeIds.DefaultManilaDriver;

    protected override void ProcessRecord()
    {
        try
        {
            var persistentVolume = ItemConverter.ToJsonObject(InputObject, "PersistentVolume");
            WriteObject(new VeleroVolumeId(ItemReference.Of(persistentVolume).ToString(), PersistentVolumeIds.Find(persistentVolume, ManilaDriver)));
        }
        catch (VeleroOpenShiftException e)
        {
            WriteFailure(e);
        }
    }
}
